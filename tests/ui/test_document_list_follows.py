"""The document list follows a document switched by another view (issue 13.3)."""

from __future__ import annotations

from pathlib import Path


def test_the_list_selects_the_document_the_agreement_view_opens(
    qtbot, make_window, demo_path: Path
) -> None:
    window = make_window(str(demo_path))
    review = next(f for f in window.features if type(f).__name__ == "ReviewFeature")
    agreement = review.show_agreement()
    first = window.current_document_id
    model = agreement.documents_model
    ids = [model.index(r, 0).data(model.ID_ROLE) for r in range(model.rowCount())]
    row = next(r for r, doc_id in enumerate(ids) if doc_id != first)
    target = ids[row]
    agreement.documents.setCurrentIndex(model.index(row, 0))
    agreement.documents.setFocus()
    agreement.activateWindow()
    qtbot.waitUntil(agreement.isActiveWindow)
    qtbot.keyClick(agreement.documents, "\r")  # Enter: adjudicate this document
    assert window.current_document_id == target
    assert window.document_list.current_id() == target
    selected = window.document_list.table.selectionModel().selectedRows()
    assert [index.data(window.document_list.model.ID_ROLE) for index in selected] == [target]
