"""The main window shell, driven as a user would."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from annotator.services.demo import demo_project_path
from annotator.services.projects import new_project
from annotator.ui.bidi import isolate
from annotator.ui.document_list import DocumentListModel
from annotator.ui.settings import AppSettings
from tests.ui.conftest import type_text


def test_first_run_opens_the_demo_right_to_left(make_window) -> None:
    window = make_window()
    assert window.project is not None and window.project.path == demo_project_path()
    model = window.document_list.model
    assert model.rowCount() >= 6
    assert window.reading_view.layoutDirection() == Qt.LayoutDirection.RightToLeft
    option = window.reading_view.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.RightToLeft
    first = window.project.document(model.doc_ids()[0])
    assert window.reading_view.toPlainText() == first.text
    assert first.title in window.windowTitle() and "amal" in window.windowTitle()


def test_clicking_a_document_shows_it(make_window, demo_path: Path, qtbot) -> None:
    window = make_window(str(demo_path))
    table = window.document_list.table
    index = table.model().index(2, DocumentListModel.TITLE)
    rect = table.visualRect(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    doc_id = index.data(DocumentListModel.ID_ROLE)
    assert window.current_document_id == doc_id
    assert window.reading_view.toPlainText() == window.project.document(doc_id).text


def test_status_column_shows_the_annotators_own_status(make_window, demo_path: Path) -> None:
    window = make_window(str(demo_path))
    model = window.document_list.model
    statuses = [model.index(r, model.STATUS).data() for r in range(model.rowCount())]
    assert "done" in statuses and "in progress" in statuses


def test_filter_narrows_the_list(make_window, demo_path: Path, qtbot) -> None:
    window = make_window(str(demo_path))
    title = window.project.document(window.document_list.model.doc_ids()[3]).title
    everything = window.document_list.model.rowCount()
    type_text(window.document_list.filter_edit, title.split()[0])
    shown_model = window.document_list.model
    # The search runs once typing pauses.
    qtbot.waitUntil(lambda: shown_model.rowCount() < everything)
    assert shown_model.rowCount() >= 1
    shown = [shown_model.index(r, 0).data() for r in range(shown_model.rowCount())]
    assert isolate(title) in shown


def test_markup_in_text_and_titles_is_shown_literally(make_window, tmp_path: Path) -> None:
    path = tmp_path / "markup.annproj"
    text = "<b>عاجل</b> &amp; <script>alert(1)</script> نص"
    with new_project(path) as store:
        store.documents.add(text, "<i>عنوان</i>")
    window = make_window(str(path))
    assert window.reading_view.toPlainText() == text
    assert window.document_list.model.index(0, 0).data() == isolate("<i>عنوان</i>")
    assert "<i>عنوان</i>" in window.windowTitle()


def test_zoom_is_remembered(make_window, demo_path: Path, qtbot) -> None:
    window = make_window(str(demo_path))
    size = window.reading_view.font_size
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.reading_view.font_size == size + 2
    assert AppSettings().font_size == size + 2
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert AppSettings().font_size == size + 1


def test_opening_a_broken_file_says_why_and_keeps_the_project(
    make_window, demo_path: Path, tmp_path: Path, messages: list[str]
) -> None:
    window = make_window(str(demo_path))
    bogus = tmp_path / "bogus.annproj"
    bogus.write_text("hello")
    assert window.open_project(bogus) is False
    assert len(messages) == 1 and "not an annotator project" in messages[0]
    assert window.project is not None and window.project.path == demo_path


def test_last_project_is_reopened(make_window, demo_path: Path) -> None:
    make_window(str(demo_path)).close()
    assert AppSettings().last_project == str(demo_path)
    window = make_window()
    assert window.project is not None and window.project.path == demo_path


def test_document_list_model_is_a_valid_item_model(
    make_window, demo_path: Path, qtmodeltester
) -> None:
    window = make_window(str(demo_path))
    qtmodeltester.check(window.document_list.model, force_py=True)
    window.document_list.model.sort(0, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(window.document_list.model, force_py=True)
