"""Edit › Search Project: hits in context across documents, spans by label, open a hit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from annotator.core.model import Span, new_id
from annotator.services.projects import new_project
from annotator.ui.search_panel import HitModel, SearchPanel

from .conftest import type_text

TEXT = "قالت قوات الحشد الشعبي إن الحَشد الشعبي انسحب من المدينة"


def make_project(tmp_path: Path) -> Path:
    path = tmp_path / "news.annproj"
    with new_project(path) as store:
        store.documents.add("خبر لا علاقة له", "أول")
        doc = store.documents.add(TEXT, "انسحاب")
        store.annotations.add_spans(
            [
                Span(new_id(), doc.id, "amal", 10, 22, "ORG"),
                Span(new_id(), doc.id, "amal", 26, 39, "ORG"),
                Span(new_id(), doc.id, "karim", 10, 22, "ORG"),
            ]
        )
    return path


def test_search_lists_hits_in_context_and_opens_one(
    make_window, tmp_path: Path, qtbot, qtmodeltester
) -> None:
    window = make_window(str(make_project(tmp_path)))
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    panel = window.findChild(SearchPanel)
    assert panel is not None and panel.isVisible() and panel.query.hasFocus()
    type_text(panel.query, "الحشد الشعبي")
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    model = panel.model
    assert model.rowCount() == 2
    assert model.index(0, HitModel.BEFORE).data() == "قالت قوات "
    assert model.index(1, HitModel.MATCH).data() == "الحَشد الشعبي"  # harakat ignored
    assert panel.summary.text() == "2 hits"
    qtmodeltester.check(model, force_py=True)
    panel.table.setCurrentIndex(model.index(1, 0))
    panel.open_hit(model.index(1, 0))
    assert window.current_document_id == model.hits[1].document_id
    cursor = window.reading_view.textCursor()
    assert cursor.selectedText() == "الحَشد الشعبي"


def test_search_spans_of_one_annotator_that_another_lacks(make_window, tmp_path: Path) -> None:
    window = make_window(str(make_project(tmp_path)))
    panel = window.findChild(SearchPanel)
    panel.annotator.setCurrentIndex(panel.annotator.findData("amal"))
    panel.lacking.setCurrentIndex(panel.lacking.findData("karim"))
    panel.run()
    assert [hit.start for hit in panel.model.hits] == [26]
    assert panel.model.index(0, HitModel.LABEL).data() == "ORG"
    panel.lacking.setCurrentIndex(0)
    panel.label.setCurrentIndex(panel.label.findData("ORG"))
    panel.query.setText("الحشد الشعبي")
    panel.exact.setChecked(True)
    panel.run()
    assert [(h.annotator, h.start) for h in panel.model.hits] == [("amal", 10), ("amal", 26)]
