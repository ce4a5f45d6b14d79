"""Document workflow, the annotator, panels and item models."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from annotator.core.model import Status
from annotator.services.projects import open_project
from annotator.ui.document_list import DocumentListModel
from annotator.ui.settings import AppSettings
from annotator.ui.workspace.annotation_list import AnnotationListModel
from tests.ui.conftest import type_text

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def stored_status(b, doc_id: str) -> Status:
    with open_project(b.path) as store:
        return store.annotators.status(doc_id, "amal")


def test_mark_done_and_skipped_persist_and_undo(bench) -> None:
    b = bench()
    first = b.window.current_document_id
    b.key(Qt.Key.Key_D, CTRL, b.window)
    assert stored_status(b, first) is Status.DONE
    assert b.window.document_list.progress.text() == "Done 1 / 3"
    b.key(Qt.Key.Key_K, CTRL, b.window)
    assert stored_status(b, first) is Status.SKIPPED
    b.key(Qt.Key.Key_Z, CTRL, b.window)
    assert stored_status(b, first) is Status.DONE
    assert b.window.document_list.model.status(first) is Status.DONE


def test_next_previous_and_next_not_done(bench) -> None:
    b = bench()
    ids = b.window.document_list.model.doc_ids()
    b.key(Qt.Key.Key_PageDown, CTRL, b.window)
    assert b.window.current_document_id == ids[1]
    b.key(Qt.Key.Key_D, CTRL, b.window)  # the second is done
    b.key(Qt.Key.Key_PageUp, CTRL, b.window)
    assert b.window.current_document_id == ids[0]
    b.key(Qt.Key.Key_PageDown, CTRL_SHIFT, b.window)
    assert b.window.current_document_id == ids[2]  # skips the done one
    b.key(Qt.Key.Key_Return, CTRL, b.window)  # done, then next not done: the first
    assert b.window.current_document_id == ids[0]
    assert stored_status(b, ids[2]) is Status.DONE


def test_undo_history_is_kept_per_document(bench) -> None:
    b = bench()
    b.double_click(b.find("الكرخي") + 2)
    b.key(Qt.Key.Key_1)
    b.key(Qt.Key.Key_PageDown, CTRL, b.window)
    assert not b.workspace.undo_group.canUndo()
    b.key(Qt.Key.Key_PageUp, CTRL, b.window)
    b.key(Qt.Key.Key_Z, CTRL, b.window)
    assert b.stored_spans() == []


def test_document_list_filters_by_status_and_searches_texts(bench, qtmodeltester) -> None:
    b = bench()
    doc_list = b.window.document_list
    b.key(Qt.Key.Key_D, CTRL, b.window)
    doc_list.status_filter.setCurrentIndex(1)  # not done
    assert doc_list.model.rowCount() == 2
    doc_list.status_filter.setCurrentIndex(0)
    type_text(doc_list.filter_edit, "دِجلـة")  # only in the third text; harakat, tatweel ignored
    b.qtbot.waitUntil(lambda: doc_list.model.rowCount() == 1)
    assert doc_list.model.index(0, 0).data() == "\u2068جسر جديد\u2069"  # isolated
    doc_list.filter_edit.clear()
    b.qtbot.waitUntil(lambda: doc_list.model.rowCount() == 3)
    type_text(doc_list.filter_edit, "اجتماع")  # a title
    b.qtbot.waitUntil(lambda: doc_list.model.rowCount() == 1)
    qtmodeltester.check(doc_list.model, force_py=True)


def test_annotator_sees_only_own_annotations(make_window, demo_path: Path) -> None:
    from annotator.ui.workspace import WorkspaceFeature

    window = make_window(str(demo_path))
    workspace = next(f for f in window.features if isinstance(f, WorkspaceFeature)).workspace
    doc_id = window.current_document_id
    with open_project(demo_path) as store:
        own = {s.id for s in store.annotations.spans(doc_id, "amal")}
        everyone = {s.id for s in store.annotations.spans(doc_id)}
    assert own and own != everyone
    assert set(workspace.annotations.spans) == own


def test_first_run_asks_the_annotator_and_remembers(
    make_window, demo_path, monkeypatch, messages
) -> None:
    AppSettings().annotator = ""
    asked = []

    def answer(*args, **kwargs):
        asked.append(args)
        return "karim", True

    monkeypatch.setattr(QInputDialog, "getText", answer)
    window = make_window(str(demo_path))
    assert window.annotator == "karim" and len(asked) == 1
    assert AppSettings().annotator == "karim"
    second = make_window(str(demo_path))
    assert len(asked) == 1  # remembered
    assert second.annotator == "karim"
    assert "karim already has this project open" in messages[0]  # the same person, twice


def test_find_ignores_harakat_and_hamza(bench) -> None:
    b = bench()
    b.key(Qt.Key.Key_F, CTRL, b.window)
    bar = b.feature.find_bar
    assert bar.isVisible() and bar.edit.hasFocus()
    type_text(bar.edit, "وزير الخارجيه")  # no damma, ه for ة: no match
    assert bar.hits == []
    bar.edit.clear()
    type_text(bar.edit, "وزير")
    assert [b.text[s:e] for s, e in bar.hits] == ["وزيرُ"]  # found with its damma
    bar.edit.clear()
    type_text(bar.edit, "الامم")
    assert [b.text[s:e] for s, e in bar.hits] == ["الـــأمم"]
    assert b.view.textCursor().selectedText() == "الـــأمم"
    b.qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_label_all_occurrences_is_one_undo_step(bench) -> None:
    b = bench()
    b.double_click(b.find("الموصل") + 2)
    b.key(Qt.Key.Key_3)
    b.key(Qt.Key.Key_L, CTRL, b.window)
    dialog = b.feature.label_all.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.list.count() == 2  # the other two occurrences
    assert dialog.checked_ranges() == [(b.find("الموصل", 2), b.find("الموصل", 2) + 6),
                                       (b.find("الموصل", 3), b.find("الموصل", 3) + 6)]
    b.qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert sorted(b.stored_texts()) == [("الموصل", "GPE")] * 3
    b.key(Qt.Key.Key_Z, CTRL, b.window)
    assert b.stored_texts() == [("الموصل", "GPE")]  # only the first one, labelled by hand
    b.key(Qt.Key.Key_Z, CTRL_SHIFT, b.window)
    assert len(b.stored_spans()) == 3


def test_annotation_list_jumps_and_sorts(bench, qtmodeltester) -> None:
    b = bench()
    for word, key in (("الموصل", Qt.Key.Key_3), ("الكرخي", Qt.Key.Key_1)):
        b.double_click(b.find(word) + 2)
        b.key(key)
    table = b.feature.annotation_list
    model = table.model()
    assert [model.index(r, AnnotationListModel.TEXT).data() for r in range(2)] == [
        "الموصل", "الكرخي"]
    table.sortByColumn(AnnotationListModel.LABEL, Qt.SortOrder.AscendingOrder)
    assert [model.index(r, AnnotationListModel.LABEL).data() for r in range(2)] == ["GPE", "PER"]
    table.sortByColumn(AnnotationListModel.LABEL, Qt.SortOrder.DescendingOrder)
    rect = table.visualRect(model.index(1, AnnotationListModel.TEXT))
    b.qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    selected = b.workspace.annotations.selected_span()
    assert selected is not None and selected.label == "GPE"
    qtmodeltester.check(model, force_py=True)


def test_palette_and_document_models_are_valid(bench, qtmodeltester) -> None:
    b = bench()
    b.double_click(b.find("الكرخي") + 2)
    b.key(Qt.Key.Key_1)
    qtmodeltester.check(b.feature.palette.model(), force_py=True)
    qtmodeltester.check(b.window.document_list.model, force_py=True)
    assert isinstance(b.window.document_list.model, DocumentListModel)


def test_guideline_follows_the_label(bench) -> None:
    b = bench()
    b.double_click(b.find("الكرخي") + 2)
    b.key(Qt.Key.Key_1)
    text = b.feature.guideline.toPlainText()
    # Names isolated in the heading; each «example» isolated inside its guillemets.
    assert text.startswith("\u2068شخص\u2069 — \u2068Person\u2069 (\u2068PER\u2069)")
    assert "exclude a leading conjunction" in text
    assert "«\u2068وزير الخارجية\u2069», «\u2068المتظاهرون\u2069»" in text


def test_label_all_respects_a_schema_without_overlaps(bench, tmp_path) -> None:
    from dataclasses import replace

    from annotator.services.projects import default_schema, new_project

    path = tmp_path / "strict.annproj"
    with new_project(path) as store:
        store.set_schema(replace(default_schema(), allow_overlap=False))
        store.documents.add("زار بغداد ثم جامعة بغداد ثم بغداد.", "خبر")
    b = bench(path)
    university = b.find("جامعة بغداد")
    b.drag(university, university + len("جامعة بغداد"))
    b.key(Qt.Key.Key_2)
    b.double_click(b.find("بغداد") + 2)
    b.key(Qt.Key.Key_3)
    b.key(Qt.Key.Key_L, CTRL, b.window)
    dialog = b.feature.label_all.dialog
    assert dialog.checked_ranges() == [(b.find("بغداد", 3), b.find("بغداد", 3) + 5)]
