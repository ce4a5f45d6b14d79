"""The document list reads rows on demand: a search shows its first hits at once, the rest
in slices, and the models stay valid item models throughout."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.model import Status
from annotator.services.projects import new_project
from annotator.ui import document_list_model as module

from .conftest import type_text

ARTICLES = 600


@pytest.fixture
def big_path(tmp_path: Path) -> Path:
    path = tmp_path / "big.annproj"
    with new_project(path) as store:
        docs = store.documents.add_many(
            (f"خبر رقم {i}: وصل وزيرُ الخارجيّة إلى بغداد", f"عنوان {i}", None, None, None)
            if i % 3 == 0
            else (f"خبر رقم {i}: أمطار في البصرة", f"عنوان {i}", None, None, None)
            for i in range(ARTICLES)
        )
        store.annotators.set_status(docs[3].id, "amal", Status.DONE)
    return path


def test_a_search_shows_a_screen_at_once_and_reads_the_rest_between_events(
    make_window, big_path: Path, qtbot, qtmodeltester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(module, "FIRST_ROWS", 20)
    monkeypatch.setattr(module, "SLICE_ROWS", 30)
    window = make_window(str(big_path))
    doc_list = window.document_list
    model = doc_list.model
    assert model.rowCount() == ARTICLES
    at_reset: list[int] = []
    inserted: list[int] = []
    model.modelReset.connect(lambda: at_reset.append(model.rowCount()))
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append(last - first + 1))
    type_text(doc_list.filter_edit, "وزير الخارجية")  # harakat and shadda ignored
    qtbot.waitUntil(lambda: bool(at_reset) and not model.canFetchMore())
    assert at_reset[-1] == 20  # the first screen only
    assert inserted and max(inserted) <= 30  # then slices
    assert model.rowCount() == ARTICLES // 3
    assert all(model.index(r, 0).data().startswith("\u2068عنوان ") for r in range(model.rowCount()))
    qtmodeltester.check(model, force_py=True)
    assert window.project is not None
    last = window.project.document_summaries()[-3].id  # a hit (every third document)
    doc_list.select(last)
    assert doc_list.current_id() == last


def test_a_search_combines_with_the_status_filter_and_a_short_query_waits(
    make_window, big_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(module, "FIRST_ROWS", 5)
    window = make_window(str(big_path))
    doc_list = window.document_list
    doc_list.status_filter.setCurrentIndex(4)  # done
    type_text(doc_list.filter_edit, "بغداد")
    qtbot.waitUntil(lambda: doc_list.model.rowCount() == 1)
    assert doc_list.model.index(0, 0).data() == "\u2068عنوان 3\u2069"  # isolated
    doc_list.status_filter.setCurrentIndex(0)
    doc_list.filter_edit.clear()
    type_text(doc_list.filter_edit, "بغ")  # too short for the index: the list stays whole
    qtbot.waitUntil(lambda: not doc_list.search_hint.isHidden())
    assert doc_list.model.rowCount() == ARTICLES


def test_sorting_by_a_column_runs_in_the_project(make_window, big_path: Path, qtbot) -> None:
    from PySide6.QtCore import Qt

    window = make_window(str(big_path))
    model = window.document_list.model
    model.sort(model.LENGTH, Qt.SortOrder.DescendingOrder)
    lengths = [model.index(r, model.LENGTH).data() for r in range(model.rowCount())]
    assert lengths == sorted(lengths, reverse=True)
    model.sort(model.STATUS, Qt.SortOrder.DescendingOrder)
    assert model.index(0, model.STATUS).data() == "new"
    model.sort(model.STATUS, Qt.SortOrder.AscendingOrder)
    assert model.index(0, model.STATUS).data() == "done"
