"""Entities labelled with keys and mouse; what the project file holds afterwards."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.core.errors import ProjectError
from annotator.ui.settings import AppSettings
from annotator.ui.workspace.palette import LabelPaletteModel

KEY_1, KEY_2, KEY_3 = Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3


def test_mouse_selection_with_emoji_and_marks_is_stored_exactly(bench) -> None:
    b = bench()
    b.workspace.keys.snap_action.setChecked(False)  # no word snapping: the selection as dragged
    assert AppSettings().word_snapping is False  # remembered
    start = b.find("الـــأمم")
    end = b.find("😀") + 1
    selected = b.drag(start, end)
    # Where a line wraps decides the exact caret, hence no exact offsets here.
    assert "😀" in selected and "ـــأمم المتحدة" in selected and "\u2029" not in selected
    b.key(KEY_2)
    [span] = b.stored_spans()
    assert span.label == "ORG"
    assert b.text[span.start : span.end] == selected


def test_selection_across_bidi_marks_snaps_to_the_word(bench) -> None:
    b = bench()
    start = b.find("\u200e«مثمر»")
    selected = b.drag(start, start + len("\u200e«مثمر»\u200f،"))
    assert selected == "مثمر"  # the view shows the snapped range before labelling
    b.key(KEY_1)
    assert b.stored_texts() == [("مثمر", "PER")]


def test_part_of_a_word_with_harakat_labels_the_whole_word(bench) -> None:
    b = bench()
    b.drag(b.find("زيرُ"), b.find("زيرُ") + 2)
    b.key(KEY_1)
    [span] = b.stored_spans()
    assert b.text[span.start : span.end] == "وزيرُ"  # the damma stays with its letter


def test_shift_arrows_select_and_a_key_labels(bench) -> None:
    b = bench()
    b.click(b.find("الخارجية") + 2)
    for _ in range(3):
        b.key(Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert b.view.textCursor().hasSelection()
    b.key(KEY_2)
    assert b.stored_texts() == [("الخارجية", "ORG")]


def test_double_click_a_word_and_label_it(bench) -> None:
    b = bench()
    assert b.double_click(b.find("الموصل", 2) + 3) == "الموصل"
    b.key(KEY_3)
    span = b.stored_spans()[0]
    assert (span.start, span.label) == (b.find("الموصل", 2), "GPE")
    saved = "Saved: Label «\u2068الموصل\u2069» as GPE"  # the mention isolated (13.5)
    assert b.window.statusBar().currentMessage() == saved


def test_trim_proclitic_key_excludes_the_conjunction(bench) -> None:
    b = bench()
    word = b.find("وزارة")
    assert b.double_click(word + 2) == "وزارة"
    b.key(Qt.Key.Key_P)
    assert b.view.textCursor().selectedText() == "زارة"
    b.key(KEY_2)
    assert b.stored_texts() == [("زارة", "ORG")]


def test_click_selects_key_relabels_delete_removes_escape_clears(bench) -> None:
    b = bench()
    b.double_click(b.find("الكرخي") + 2)
    b.key(KEY_2)
    [span] = b.stored_spans()
    b.key(Qt.Key.Key_Escape)
    assert b.workspace.annotations.selected_id is None
    b.click(b.find("الكرخي") + 3)
    assert b.workspace.annotations.selected_id == span.id
    b.key(KEY_1)
    assert b.stored_texts() == [("الكرخي", "PER")]
    b.key(Qt.Key.Key_Delete)
    assert b.stored_spans() == []
    assert b.workspace.annotations.spans == {}


def test_palette_click_labels_and_counts(bench, qtbot) -> None:
    b = bench()
    b.double_click(b.find("نيسان") + 1)
    palette = b.feature.palette
    row = [palette.model().index(r, 0).data(LabelPaletteModel.LABEL_ROLE)
           for r in range(palette.model().rowCount())].index("TIME")
    rect = palette.visualRect(palette.model().index(row, LabelPaletteModel.NAME))
    qtbot.mouseClick(palette.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert b.stored_texts() == [("نيسان", "TIME")]
    assert palette.model().index(row, LabelPaletteModel.COUNT).data() == 1
    assert b.view.hasFocus()


def test_nested_spans_are_stored_and_both_selectable(bench) -> None:
    b = bench()
    outer = b.find("وزارة الخارجية العراقية")
    b.drag(outer, outer + len("وزارة الخارجية العراقية"))
    b.key(KEY_2)
    b.key(Qt.Key.Key_Escape)
    b.double_click(b.find("العراقية") + 2)
    b.key(KEY_3)
    assert sorted(b.stored_texts()) == [("العراقية", "GPE"), ("وزارة الخارجية العراقية", "ORG")]
    b.key(Qt.Key.Key_Escape)
    b.click(b.find("العراقية") + 2)
    inner_id = b.workspace.annotations.selected_id
    assert b.workspace.annotations.spans[inner_id].label == "GPE"
    b.click(b.find("العراقية") + 2)  # a second click selects the enclosing span
    assert b.workspace.annotations.spans[b.workspace.annotations.selected_id].label == "ORG"


def test_undo_and_redo_of_a_relabel_persist(bench) -> None:
    b = bench()
    b.double_click(b.find("الكرخي") + 2)
    b.key(KEY_2)
    b.key(KEY_1)  # the new span is selected: this relabels it
    assert b.stored_texts() == [("الكرخي", "PER")]
    b.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier, b.window)
    assert b.stored_texts() == [("الكرخي", "ORG")]
    b.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier, b.window)
    assert b.stored_texts() == []
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    b.key(Qt.Key.Key_Z, shift_ctrl, b.window)
    b.key(Qt.Key.Key_Z, shift_ctrl, b.window)
    assert b.stored_texts() == [("الكرخي", "PER")]
    assert [s.label for s in b.workspace.annotations.spans.values()] == ["PER"]


def test_a_failed_save_is_shown_and_not_shown_as_saved(bench, messages, monkeypatch) -> None:
    b = bench()

    def refuse(spans):
        raise ProjectError("disk full")

    monkeypatch.setattr(b.window.project._store.annotations, "add_spans", refuse)
    b.double_click(b.find("الكرخي") + 2)
    b.key(KEY_1)
    assert messages and "disk full" in messages[0]
    assert b.workspace.annotations.spans == {}
    assert b.stored_spans() == []
    assert not b.workspace.undo_group.canUndo()


def test_overlap_refused_when_the_schema_forbids_it(bench, tmp_path) -> None:
    from dataclasses import replace

    from annotator.services.projects import default_schema, new_project

    path = tmp_path / "strict.annproj"
    with new_project(path) as store:
        store.set_schema(replace(default_schema(), allow_overlap=False))
        store.documents.add("وزارة الخارجية العراقية أعلنت", "خبر")
    b = bench(path)
    b.drag(0, len("وزارة الخارجية العراقية"))
    b.key(KEY_2)
    b.double_click(b.find("العراقية") + 2)
    b.key(KEY_3)
    assert b.stored_texts() == [("وزارة الخارجية العراقية", "ORG")]


def test_a_failed_undo_is_reported_and_the_view_shows_what_is_saved(
    bench, messages, monkeypatch
) -> None:
    b = bench()
    b.double_click(b.find("الكرخي") + 2)
    b.key(KEY_1)

    def refuse(span_id):
        raise ProjectError("database is locked")

    monkeypatch.setattr(b.window.project._store.annotations, "remove_span", refuse)
    b.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier, b.window)
    b.qtbot.waitUntil(lambda: not b.workspace.undo_group.canRedo())
    assert messages and "database is locked" in messages[0]
    assert b.stored_texts() == [("الكرخي", "PER")]
    assert [s.label for s in b.workspace.annotations.spans.values()] == ["PER"]
    assert not b.workspace.undo_group.canUndo()


def test_single_key_commands_also_answer_to_the_arabic_layout(bench) -> None:
    b = bench()
    b.double_click(b.find("الكرخي") + 2)
    b.key(Qt.Key(ord("١")))  # the 1 key with an Arabic layout types ١
    assert b.stored_texts() == [("الكرخي", "PER")]
    b.double_click(b.find("اجتمع") + 2)
    b.key(Qt.Key(ord("ث")))  # the E key
    assert b.feature.picker is not None and b.feature.picker.isVisible()


def test_tab_walks_through_annotations_for_keyboard_relabelling(bench) -> None:
    b = bench()
    for word in ("الكرخي", "نيسان"):
        b.double_click(b.find(word) + 2)
        b.key(KEY_1)
    b.key(Qt.Key.Key_Escape)
    b.view.moveCursor(b.view.textCursor().MoveOperation.Start)
    b.key(Qt.Key.Key_Tab)
    assert b.workspace.annotations.selected_span().covered(b.text) == "الكرخي"
    b.key(Qt.Key.Key_Tab)
    assert b.workspace.annotations.selected_span().covered(b.text) == "نيسان"
    b.key(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    b.key(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)  # wraps around
    b.key(Qt.Key.Key_8)
    assert sorted(b.stored_texts()) == [("الكرخي", "PER"), ("نيسان", "TIME")]
    assert b.view.hasFocus()


def test_deleting_a_span_removed_elsewhere_says_so_and_rereads(bench, messages) -> None:
    from annotator.services.projects import open_project

    b = bench()
    b.double_click(b.find("الكرخي") + 2)
    b.key(KEY_1)
    with open_project(b.path) as other:  # another process removes it meanwhile
        other.annotations.remove_span(b.stored_spans()[0].id)
    b.key(Qt.Key.Key_Delete)
    assert messages and "changed elsewhere" in messages[0]
    assert b.workspace.annotations.spans == {}


def test_double_click_inside_a_number_or_a_zwnj_word_takes_all_of_it(bench, tmp_path) -> None:
    from annotator.services.projects import new_project

    text = "ارتفع النمو 3.5 بالمئة، وبلغ 1,000 دولار، وقال: می\u200cخواهم."
    path = tmp_path / "numbers.annproj"
    with new_project(path) as store:
        store.documents.add(text, "أرقام")
    b = bench(path)
    for word in ("3.5", "1,000", "می\u200cخواهم"):
        start = b.find(word)
        for inside in (start, start + len(word) - 2):  # Qt's own word stops at . , and ZWNJ
            b.click(b.find("النمو"))  # a single click between: no triple-click
            b.double_click(inside)
            assert b.workspace.selected_range() == (start, start + len(word)), (word, inside)
    b.double_click(b.find("3.5") + 2)
    b.key(KEY_3)
    assert b.stored_texts() == [("3.5", "GPE")]
