"""Suggestions in the workspace, driven by keys: accept, reject, accept all, next, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from annotator.core.model import AnnotatorKind, Argument, Event, Span, new_id
from annotator.services.projects import new_project, open_project
from tests.ui.workspace.conftest import ARTICLE

PREDICTED = [("سعيد الكرخي", "PER"), ("الموصل", "GPE"), ("وزارة الخارجية العراقية", "ORG"),
             ("الخارجية", "ORG")]
CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


# Where each phrase is looked for: «الخارجية» inside «وزارة الخارجية العراقية» (nested),
# «الموصل» after «في» (not the dateline before the event).
AFTER = {"الخارجية": "وزارة", "الموصل": "في الموصل"}


def occurrence(phrase: str) -> tuple[int, int]:
    start = ARTICLE.index(phrase, ARTICLE.index(AFTER[phrase]) if phrase in AFTER else 0)
    return start, start + len(phrase)


@pytest.fixture
def predicted_path(tmp_path: Path) -> Path:
    """The tricky article, with predictions of model «ner»: four entities (one nested)
    and a Contact.Meet whose arguments amal lacks."""
    path = tmp_path / "predicted.annproj"
    with new_project(path) as store:
        doc = store.documents.add(ARTICLE, "اجتماع في الموصل")
        store.annotators.ensure("ner", AnnotatorKind.MODEL)
        spans = [Span(new_id(), doc.id, "ner", *occurrence(p), label) for p, label in PREDICTED]
        store.annotations.add_spans(spans)
        event = Event(new_id(), doc.id, "ner", "Contact.Meet", *occurrence("اجتمع"),
                      (Argument(new_id(), "Entity", spans[0].id),))
        store.annotations.add_event(event)
        store.suggestions.set_confidences({spans[0].id: 0.91}, {event.id: 0.7})
    return path


def stored_sources(path: Path, doc_id: str) -> list[tuple[str, str | None]]:
    with open_project(path) as store:
        return sorted((s.label, s.source) for s in store.annotations.spans(doc_id, "amal"))


def test_next_accept_reject_and_undo_by_key(bench, predicted_path) -> None:
    wb = bench(predicted_path)
    view = wb.feature.suggestions
    assert len(view.items) == 5  # the model's suggestions show on opening
    wb.view.moveCursor(wb.view.textCursor().MoveOperation.Start)
    wb.key(Qt.Key.Key_N)
    assert view.overlay.current.label == "Contact.Meet"
    wb.key(Qt.Key.Key_N)
    assert (view.overlay.current.label, view.overlay.current.confidence) == ("PER", 0.91)
    wb.key(Qt.Key.Key_A)  # accept: stored with provenance, and on to the next
    doc_id = wb.window.current_document_id
    assert stored_sources(predicted_path, doc_id) == [("PER", "model:ner")]
    assert len(view.items) == 4 and view.overlay.current.label == "GPE"
    wb.key(Qt.Key.Key_X)  # reject the place name
    assert [s.label for s in view.items].count("GPE") == 0
    with open_project(predicted_path) as store:
        assert len(store.suggestions.rejections("amal", doc_id)) == 1
    wb.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the rejection
    assert [s.label for s in view.items].count("GPE") == 1
    wb.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the accept
    assert stored_sources(predicted_path, doc_id) == []
    assert len(view.items) == 5


def test_accept_all_is_one_undo_step_and_reject_all(bench, predicted_path) -> None:
    wb = bench(predicted_path)
    view = wb.feature.suggestions
    wb.key(Qt.Key.Key_A, CTRL_ALT)
    doc_id = wb.window.current_document_id
    assert len(stored_sources(predicted_path, doc_id)) == 4
    (event,) = wb.stored_events()
    assert [a.role for a in event.arguments] == ["Entity"] and event.source == "model:ner"
    assert view.items == []
    assert wb.workspace.undo_group.activeStack().count() == 1
    wb.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_sources(predicted_path, doc_id) == [] and wb.stored_events() == []
    wb.key(Qt.Key.Key_X, CTRL_ALT)
    assert view.items == []
    wb.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(view.items) == 5


def test_accepting_an_event_offers_its_arguments(bench, predicted_path) -> None:
    wb = bench(predicted_path)
    view = wb.feature.suggestions
    wb.key(Qt.Key.Key_N)
    wb.key(Qt.Key.Key_A)
    menu = view.argument_menu
    assert [a.text() for a in menu.actions()] == ["Add argument Entity: «سعيد الكرخي» (PER)"]
    menu.actions()[0].trigger()
    (event,) = wb.stored_events()
    assert [a.role for a in event.arguments] == ["Entity"]
    assert stored_sources(predicted_path, wb.window.current_document_id) == [("PER", "model:ner")]
    menu.close()


def test_a_click_on_a_suggestion_offers_accept_reject_and_relabel(bench, predicted_path) -> None:
    wb = bench(predicted_path)
    start, _ = occurrence("الموصل")
    wb.click(start + 2)
    menu = wb.feature.suggestion_mouse.menu
    assert menu is not None and menu.actions()[0].text() == "&Accept GPE (model:ner)"
    relabel = menu.actions()[2].menu()
    loc = next(a for a in relabel.actions() if a.text().endswith("LOC") or "Location" in a.text())
    loc.trigger()
    menu.close()
    assert stored_sources(predicted_path, wb.window.current_document_id)[0][1] == "model:ner"
    assert wb.stored_spans()[0].label != "GPE"


def test_suggestions_by_key_in_the_arabic_interface(
    bench, predicted_path, settings, english_afterwards
) -> None:
    settings.language = "ar"
    wb = bench(predicted_path)
    assert wb.window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    menu = wb.feature.suggestions.menu
    translated = QCoreApplication.translate("Suggestions", "&Suggestions")
    assert menu.title() == translated != "&Suggestions"
    assert all(a.text().isascii() is False for a in menu.actions() if a.text())
    wb.key(Qt.Key.Key_N)
    wb.key(Qt.Key.Key_N)
    wb.key(Qt.Key.Key_A)
    assert stored_sources(predicted_path, wb.window.current_document_id) == [("PER", "model:ner")]
    wb.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_sources(predicted_path, wb.window.current_document_id) == []


def test_the_demo_shows_its_model_suggestions_on_first_run(bench, demo_path) -> None:
    wb = bench(demo_path)
    view = wb.feature.suggestions
    assert view.items and {s.source for s in view.items} == {"model:ner-model"}
    wb.key(Qt.Key.Key_N)
    first = view.overlay.current
    wb.key(Qt.Key.Key_A)
    assert (first.start, first.end, first.label) in {
        (s.start, s.end, s.label) for s in wb.stored_spans()
    }


def test_suggestion_keys_also_answer_to_the_arabic_layout(bench, predicted_path) -> None:
    wb = bench(predicted_path)
    view = wb.feature.suggestions
    wb.key(Qt.Key(ord("ى")))  # the N key with an Arabic layout
    wb.key(Qt.Key(ord("ى")))
    assert view.overlay.current.label == "PER"
    wb.key(Qt.Key(ord("ء")))  # the X key: reject
    assert "PER" not in [s.label for s in view.items]
    wb.key(Qt.Key(ord("ش")))  # the A key: accept the next one, the place name
    assert stored_sources(predicted_path, wb.window.current_document_id) == [
        ("GPE", "model:ner")
    ]


def test_the_tooltip_names_source_and_confidence(bench, predicted_path) -> None:
    from annotator.ui.workspace.suggestion_mouse import describe_suggestion

    wb = bench(predicted_path)
    view = wb.feature.suggestions
    person = next(s for s in view.items if s.label == "PER")
    text = describe_suggestion(view, person)
    assert "«سعيد الكرخي»" in text and "model:ner" in text and "91%" in text
    event = next(s for s in view.items if s.label == "Contact.Meet")
    assert "Entity: سعيد الكرخي" in describe_suggestion(view, event)


def test_a_box_covers_a_left_to_right_run_inside_arabic(bench) -> None:
    from PySide6.QtGui import QFontMetricsF

    from annotator.core.span_index import Interval
    from annotator.ui.workspace.suggestion_overlay import block_rects

    wb = bench()
    start = wb.find("2025")
    qt_start, qt_end = wb.workspace.annotations.offsets.range_to_qt(start, start + 4)
    block = wb.view.document().findBlock(qt_start)
    bounds = (block.position(), block.position() + block.length() - 1)
    (rect,) = block_rects(block.layout(), bounds, Interval(qt_start, qt_end, "x"))
    width = QFontMetricsF(wb.view.font()).horizontalAdvance("2025")
    assert rect.width() >= 0.9 * width
