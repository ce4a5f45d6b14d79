"""Arguments from the keyboard and argument arcs over the text (issue 13.14)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.core.model import Span, new_id
from annotator.services.projects import new_project, open_project

TEXT = "قصفت طائرة مسيرة موقعا في بغداد أمس، وهاجم مسلحون قافلة قرب الموصل."
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def attack_path(tmp_path: Path) -> Path:
    """One sentence whose entities are labelled already; the events are to be marked."""
    path = tmp_path / "attack.annproj"
    with new_project(path) as store:
        doc = store.documents.add(TEXT, "هجوم")
        for word, label in (("طائرة مسيرة", "VEH"), ("بغداد", "GPE"), ("مسلحون", "PER"),
                            ("قافلة", "VEH"), ("الموصل", "GPE")):
            start = TEXT.index(word)
            store.annotations.add_span(Span(new_id(), doc.id, "amal", start, start + len(word),
                                            label))
    return path


class Keys:
    """Presses keys on the reading view and counts every input."""

    def __init__(self, bench) -> None:
        self.bench, self.count = bench, 0

    def __call__(self, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.count += 1
        widget = self.bench.feature.picker.edit if self.bench.feature.picker else self.bench.view
        self.bench.qtbot.keyClick(widget, key, modifier)


def stored(path: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    with open_project(path) as store:
        doc_id = store.documents.summaries()[0].id
        spans = {s.id: s.covered(TEXT) for s in store.annotations.spans(doc_id, "amal")}
        return [(e.type, sorted((a.role, spans[a.span_id]) for a in e.arguments))
                for e in store.annotations.events(doc_id, "amal")]


def test_an_event_with_two_arguments_takes_seven_keys(bench, attack_path: Path) -> None:
    b = bench(attack_path)
    press = Keys(b)
    press(Qt.Key.Key_Left, CTRL_SHIFT)  # select the first word, قصفت (right to left: Left)
    assert b.view.textCursor().selectedText().strip() == "قصفت"  # snapped when labelled
    press(Qt.Key.Key_E)  # event type: the picker opens on the first type, Attack
    press(Qt.Key.Key_Return)
    b.qtbot.waitUntil(lambda: b.feature.picker is None and b.view.hasFocus())
    press(Qt.Key.Key_Tab)  # the nearest entity that fits a role: طائرة مسيرة
    assert b.feature.argument_keys.candidate is not None
    assert "طائرة مسيرة" in b.window.statusBar().currentMessage()
    press(Qt.Key.Key_2)  # its second fitting role: Instrument (1 would be Target)
    press(Qt.Key.Key_Tab)  # the next one: بغداد
    press(Qt.Key.Key_Return)  # Enter: its first fitting role, Attacker (a GPE can attack)
    assert press.count == 7  # the issue asks for at most 8, all from the keyboard
    [(event_type, arguments)] = stored(attack_path)
    assert event_type == "Conflict.Attack"
    assert arguments == [("Attacker", "بغداد"), ("Instrument", "طائرة مسيرة")]
    b.key(Qt.Key.Key_Z, CTRL, b.window)  # each attachment is one undoable step
    assert stored(attack_path)[0][1] == [("Instrument", "طائرة مسيرة")]


def test_a_role_key_picks_that_role_and_escape_cancels(bench, attack_path: Path) -> None:
    b = bench(attack_path)
    b.key(Qt.Key.Key_Left, CTRL_SHIFT)
    b.key(Qt.Key.Key_E)
    b.qtbot.keyClick(b.feature.picker.edit, Qt.Key.Key_Return)
    b.qtbot.waitUntil(lambda: b.feature.picker is None and b.view.hasFocus())
    b.key(Qt.Key.Key_Tab)
    b.key(Qt.Key.Key_Tab)  # past the drone to بغداد
    b.key(Qt.Key.Key_2)  # Place
    b.key(Qt.Key.Key_Tab)
    b.key(Qt.Key.Key_Escape)
    assert b.feature.argument_keys.candidate is None
    b.key(Qt.Key.Key_1)  # no candidate any more: 1 is a label key again, nothing to label
    assert stored(attack_path) == [("Conflict.Attack", [("Place", "بغداد")])]


def test_arcs_run_from_trigger_to_argument_right_to_left(bench, attack_path: Path) -> None:
    b = bench(attack_path)
    b.key(Qt.Key.Key_Left, CTRL_SHIFT)
    b.key(Qt.Key.Key_E)
    b.qtbot.keyClick(b.feature.picker.edit, Qt.Key.Key_Return)
    b.qtbot.waitUntil(lambda: b.feature.picker is None and b.view.hasFocus())
    for _ in range(2):
        b.key(Qt.Key.Key_Tab)
        b.key(Qt.Key.Key_Return)
    arcs = b.feature.arcs
    b.key(Qt.Key.Key_R, CTRL, b.window)  # View › Show Argument Arcs
    assert arcs.visible
    b.view.viewport().grab()  # paint
    assert sorted(arc.role for arc in arcs.arcs) == ["Attacker", "Target"]
    for arc in arcs.arcs:
        assert arc.start.x() > arc.end.x()  # the trigger, first in the text, is on the right
    labels = [arc.label_rect for arc in arcs.arcs]
    assert not labels[0].intersects(labels[1])
    b.key(Qt.Key.Key_R, CTRL, b.window)
    b.view.viewport().grab()
    assert not arcs.visible and arcs.arcs == []


@pytest.fixture
def wrapped_path(tmp_path: Path) -> Path:
    """TEXT four times in one paragraph (it wraps), each with an attack of two arguments."""
    from annotator.core.model import Argument, Event

    text = " ".join([TEXT] * 4)
    path = tmp_path / "wrapped.annproj"
    with new_project(path) as store:
        doc = store.documents.add(text, "هجمات")
        kind = store.schema.event("Conflict.Attack")
        assert kind is not None
        for copy in range(4):
            base = copy * (len(TEXT) + 1)
            ids = {}
            for word, label in (("طائرة مسيرة", "VEH"), ("بغداد", "GPE")):
                start = base + TEXT.index(word)
                span = Span(new_id(), doc.id, "amal", start, start + len(word), label)
                store.annotations.add_span(span)
                ids[word] = span
            arguments = tuple(
                Argument(new_id(), kind.roles_accepting(s.label)[0].role, s.id)
                for s in ids.values()
            )
            trigger = base + TEXT.index("قصفت")
            store.annotations.add_event(Event(
                new_id(), doc.id, "amal", "Conflict.Attack", trigger, trigger + 4, arguments
            ))
    return path


def test_arcs_stay_clear_of_the_glyphs_of_the_line_above(bench, wrapped_path: Path) -> None:
    from PySide6.QtGui import QTextCursor

    from annotator.ui.workspace.arc_room import InkAbove

    b = bench(wrapped_path)
    b.window.resize(1400, 900)
    b.qtbot.waitUntil(lambda: b.view.viewport().width() > 400)
    arcs = b.feature.arcs
    arcs.set_visible(True)
    b.view.viewport().grab()
    assert len({(arc.event_id, arc.span_id) for arc in arcs.arcs}) == 8  # every link drawn
    ink = InkAbove(b.view)
    checked = 0
    for arc in arcs.arcs:
        assert arc.start.y() == arc.end.y()  # over one line: a link across lines is halved
        key = ink.line_above(arc.higher)
        if key is None:
            continue  # the first line
        glyphs = ink.rects(key)
        left, right = sorted((arc.start.x(), arc.end.x()))
        under = [g for g in glyphs if g.right() >= left and g.left() <= right]
        cursor = QTextCursor(b.view.document())
        cursor.setPosition(arc.higher)
        line_top = b.view.cursorRect(cursor).top()
        # The line above has ink within the reach of an arc that rose freely over the line.
        assert under and max(g.bottom() for g in under) > line_top - LEVEL_ROOM
        assert not any(arc.bounds().intersects(g) for g in glyphs), arc.role
        checked += 1

    assert checked >= 4
    labels = [arc.label_rect for arc in arcs.arcs]
    assert not any(a.intersects(c) for i, a in enumerate(labels) for c in labels[i + 1:])


LEVEL_ROOM = 5.0  # BASE_RISE: what the arcs rose above their line before they knew the room


def attack_in_baghdad(path: Path, text: str) -> Path:
    """A project of ``text``: an attack (its first word) whose place is «بغداد»."""
    from annotator.core.model import Argument, Event

    with new_project(path) as store:
        doc = store.documents.add(text, "قصف")
        start = text.index("بغداد")
        place = Span(new_id(), doc.id, "amal", start, start + 5, "GPE")
        store.annotations.add_span(place)
        store.annotations.add_event(Event(
            new_id(), doc.id, "amal", "Conflict.Attack", 0, 4,
            (Argument(new_id(), "Place", place.id),),
        ))
    return path


@pytest.fixture
def two_lines_path(tmp_path: Path) -> Path:
    """An attack whose trigger ends the first line and whose place is on the second."""
    text = "قصفت طائرات مسيرة ليلة أمس موقعا عسكريا.\nوأعلنت السلطات في بغداد أن القصف أصاب مخزنا."
    return attack_in_baghdad(tmp_path / "two-lines.annproj", text)


def test_a_link_across_lines_is_two_halves_that_cross_no_text(
    bench, two_lines_path: Path
) -> None:
    from annotator.ui.workspace.arc_room import InkAbove

    b = bench(two_lines_path)
    arcs = b.feature.arcs
    arcs.set_visible(True)
    b.view.viewport().grab()
    trigger_half, argument_half = sorted(arcs.arcs, key=lambda arc: arc.from_edge)
    assert trigger_half.to_edge and argument_half.from_edge
    assert trigger_half.role == argument_half.role == "Place"
    width, margin = b.view.viewport().width(), b.view.document().documentMargin()
    # Right to left, the text goes on from the first line's left end to the second
    # line's right end: the trigger's half leaves to the left, the argument's comes in
    # from the right, with the arrowhead.
    assert trigger_half.end.x() < margin and argument_half.start.x() > width - margin
    assert trigger_half.arrowhead() == [] and len(argument_half.arrowhead()) == 3
    for half in (trigger_half, argument_half):
        assert half.start.y() == half.end.y()
    # The argument's half stays below the glyphs of the first line, which it used to cross.
    glyphs = InkAbove(b.view).rects(InkAbove(b.view).line_above(argument_half.higher))
    assert glyphs and not any(argument_half.bounds().intersects(g) for g in glyphs)


@pytest.fixture
def far_path(tmp_path: Path) -> Path:
    """An attack whose place is eighty paragraphs after its trigger."""
    filler = "\n".join(f"فقرة رقم {n} من الخبر عن الاجتماع في المدينة." for n in range(80))
    text = f"قصفت طائرات مسيرة موقعا عسكريا.\n{filler}\nوأعلنت السلطات في بغداد الحصيلة."
    return attack_in_baghdad(tmp_path / "far.annproj", text)


def test_the_half_of_a_link_whose_other_end_is_off_screen_is_drawn(
    bench, far_path: Path
) -> None:
    b = bench(far_path)
    arcs = b.feature.arcs
    arcs.set_visible(True)
    bar = b.view.verticalScrollBar()
    bar.setValue(bar.minimum())
    b.view.viewport().grab()
    (half,) = arcs.arcs  # the trigger's, leaving towards the place further on
    assert half.to_edge and half.end.x() < b.view.document().documentMargin()
    bar.setValue(bar.maximum())
    b.view.viewport().grab()
    (half,) = arcs.arcs  # the place's, coming in from the right, the arrow on it
    assert half.from_edge and len(half.arrowhead()) == 3
    assert 0 <= half.end.y() <= b.view.viewport().height()
