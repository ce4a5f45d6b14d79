"""Argument arcs: each event's links from its trigger to its argument spans, drawn over
the text as brat and INCEpTION draw them, toggled from the View menu (Ctrl+R).

An arc leaves the top of the trigger, rises into the space above the line and
comes down on the argument with an arrowhead; the role is written at its top in
the event's colour. Positions come from the view's own caret rectangles, so the
arcs follow the bidirectional layout: right to left, a trigger before its argument
in the text is to the argument's right. Several arcs above one line are given
different heights (levels) so that their role labels do not overlap.

The lines have no gap between them, so an arc, its label and its arrowhead never
rise above the lowest glyph of the line above over their width (arc_room.py): there
they stay in the room the line above leaves free, and a label that finds no free
height there moves sideways along the line.

A link whose trigger and argument are on different lines is drawn as brat draws it:
two halves, each over its own line, never across the text between. The trigger's
half rises and runs to the edge where its line's text goes on towards the argument
(the left edge, right to left, when the argument comes later); the argument's half
comes in from the other edge and ends on the argument with the arrowhead. Both carry
the role.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from annotator.core.model import Argument, Event
from annotator.core.span_index import Interval
from annotator.ui.workspace.arc_room import InkAbove

LEVEL_STEP = 6.0  # pixels between the heights of arcs above one line
BASE_RISE = 5.0
LABEL_PADDING = 2.0
ARROW = 4.0
ANCHOR_DROP = 4.0  # an arc ends this far below its line's top, on the tallest letters
CLEARANCE = 1.0  # pixels kept free below the glyphs of the line above
MAX_LEVELS = 12
NO_CEILING = float("-inf")
BEND = 8.0  # pixels a half of a link across lines takes to turn from its end to level
EDGE = 2.0  # pixels between the view's edge and the open end of such a half


@dataclass
class Arc:
    """One trigger→argument link as laid out in the viewport."""

    event_id: str
    span_id: str
    role: str
    event_type: str
    start: QPointF  # top of the trigger
    end: QPointF  # top of the argument
    higher: int = 0  # the Qt position of the end on the higher line (its line above limits)
    level: int = 0
    label_rect: QRectF | None = None
    ceiling: float = NO_CEILING  # the arc rises no higher (the line above's glyphs)
    # Half of a link across lines: ``end`` (the trigger's half) or ``start`` (the
    # argument's) is a point at the view's edge, where the half runs at its top.
    to_edge: bool = False
    from_edge: bool = False

    @property
    def top(self) -> float:
        """The y of the arc's highest point: its level's height, or the ceiling."""
        lowest_end = min(self.start.y(), self.end.y())
        wanted = lowest_end - BASE_RISE - LEVEL_STEP * self.level
        return min(max(wanted, self.ceiling), lowest_end)

    def arrowhead(self) -> list[QPointF]:
        """The arrowhead on the argument, shortened to stay under the ceiling (none on
        the trigger's half of a link across lines)."""
        if self.to_edge:
            return []
        tip = self.end
        height = min(ARROW * 1.6, max(2.0, tip.y() - self.ceiling))
        return [tip, QPointF(tip.x() - ARROW, tip.y() - height),
                QPointF(tip.x() + ARROW, tip.y() - height)]

    def bounds(self) -> QRectF:
        """Everything the arc paints: curve, arrowhead and role label."""
        rect = self.path().boundingRect()
        for point in self.arrowhead():
            rect = rect.united(QRectF(point, point))
        return rect.united(self.label_rect) if self.label_rect is not None else rect

    def path(self) -> QPainterPath:
        """A smooth curve over the text from the trigger to the argument (a half of a
        link across lines: a bend up from its end on the text, then level to the edge)."""
        top = self.top
        if not (self.to_edge or self.from_edge):
            path = QPainterPath(self.start)
            path.cubicTo(QPointF(self.start.x(), top), QPointF(self.end.x(), top), self.end)
            return path
        toward = 1.0 if self.end.x() >= self.start.x() else -1.0
        bend = toward * min(BEND, abs(self.end.x() - self.start.x()) / 2)
        if self.to_edge:
            path = QPainterPath(self.start)
            path.quadTo(QPointF(self.start.x(), top), QPointF(self.start.x() + bend, top))
            path.lineTo(QPointF(self.end.x(), top))
            return path
        path = QPainterPath(QPointF(self.start.x(), top))
        path.lineTo(QPointF(self.end.x() - bend, top))
        path.quadTo(QPointF(self.end.x(), top), self.end)
        return path


class ArgumentArcs:
    """Lays out and paints the arcs of the events visible in the reading view."""

    def __init__(
        self,
        view: QPlainTextEdit,
        events: Callable[[], Iterable[Event]],
        interval: Callable[[str], Interval | None],
        color: Callable[[str], QColor],
        selected: Callable[[], str | None] = lambda: None,
    ) -> None:
        self.view = view
        self.events = events  # the events of the document shown
        self.interval = interval  # the Qt range of a span or trigger, by id
        self.color = color  # the colour of an event type
        self.selected = selected  # the selected annotation's id: its arcs stand out
        self.visible = False
        self.arcs: list[Arc] = []  # as last painted (tests and screenshots read them)
        self._ink = InkAbove(view)

    def set_visible(self, on: bool) -> None:
        """Show or hide the arcs."""
        self.visible = on
        self.view.viewport().update()

    def paint(self, painter: QPainter, area: QRect) -> None:
        """Draw the arcs touching ``area`` (a ReadingView decoration)."""
        self.arcs = self.layout(area) if self.visible else []
        if not self.arcs:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setFont(self._label_font())
        selected = self.selected()
        # The selected event's arcs last, on top, in full colour; the others lighter.
        for arc in sorted(self.arcs, key=lambda a: a.event_id == selected):
            self._paint_arc(painter, arc, emphasised=arc.event_id == selected)
        painter.restore()

    # -- layout -----------------------------------------------------------------------

    def layout(self, area: QRect) -> list[Arc]:
        """The arcs with an end in the visible text, with levels and label boxes.

        Only the text shown is measured (caret rectangles of far positions would make
        the view lay out the whole article): an event is looked at when its trigger or
        one of its arguments is in the visible range of positions.
        """
        first, last = self._visible_range(area)
        anchors: dict[str, QPointF | None] = {}

        def anchor(annotation_id: str) -> QPointF | None:
            if annotation_id not in anchors:
                anchors[annotation_id] = self._anchor(annotation_id)
            return anchors[annotation_id]

        def shown(annotation_id: str) -> bool:
            interval = self.interval(annotation_id)
            return interval is not None and interval.start <= last and interval.end >= first

        arcs = []
        for event in self.events():
            trigger_shown = shown(event.id)
            for argument in event.arguments:
                argument_shown = shown(argument.span_id)
                if not (trigger_shown or argument_shown):
                    continue
                trigger = anchor(event.id) if trigger_shown else None
                end = anchor(argument.span_id) if argument_shown else None
                if trigger is not None and end is not None and trigger.y() == end.y():
                    arcs.append(Arc(event.id, argument.span_id, argument.role, event.type,
                                    trigger, end, self._position(event.id)))
                else:  # across lines, or one end off screen: the halves that are shown
                    arcs += self._halves(event, argument, trigger, end)
        self._assign_levels(arcs)
        return arcs

    def _halves(
        self, event: Event, argument: Argument, trigger: QPointF | None, end: QPointF | None
    ) -> list[Arc]:
        """The halves of a link whose ends are on different lines (those of its ends
        shown: ``trigger`` and ``end`` are None off screen), each over its own line, open
        towards the edge where its line's text runs on to the other end."""
        link = (event.id, argument.span_id, argument.role, event.type)
        trigger_at, argument_at = self._position(event.id), self._position(argument.span_id)
        later = argument_at > trigger_at
        halves = []
        if trigger is not None:
            exit_x = self._edge(trigger_at, line_end=later)
            halves.append(Arc(*link, trigger, QPointF(exit_x, trigger.y()), trigger_at,
                              to_edge=True))
        if end is not None:
            enter_x = self._edge(argument_at, line_end=not later)
            halves.append(Arc(*link, QPointF(enter_x, end.y()), end, argument_at,
                              from_edge=True))
        return halves

    def _edge(self, position: int, line_end: bool) -> float:
        """The x where the line of ``position`` ends (or starts), by its paragraph's
        direction: a right-to-left line ends on the left."""
        block = self.view.document().findBlock(position)
        rtl = block.textDirection() == Qt.LayoutDirection.RightToLeft
        margin = self.view.document().documentMargin()
        left, right = margin - EDGE, self.view.viewport().width() - margin + EDGE
        return left if rtl == line_end else right

    def _visible_range(self, area: QRect) -> tuple[int, int]:
        """The Qt positions of the text shown in ``area``, a line more on each side."""
        view = self.view
        top = view.cursorForPosition(QPoint(0, max(0, area.top() - 40))).position()
        bottom = view.cursorForPosition(QPoint(view.viewport().width(), area.bottom() + 40))
        block = view.document().findBlock(bottom.position())
        return (view.document().findBlock(top).position(),
                block.position() + block.length())

    def _position(self, annotation_id: str) -> int:
        interval = self.interval(annotation_id)
        return interval.start if interval is not None else 0

    def _anchor(self, annotation_id: str) -> QPointF | None:
        """The middle of the top of an annotation's first line, in the viewport."""
        interval = self.interval(annotation_id)
        if interval is None:
            return None
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(interval.start)
        first = self.view.cursorRect(cursor)
        cursor.setPosition(interval.end)
        last = self.view.cursorRect(cursor)
        x = (first.center().x() + last.center().x()) / 2 if first.top() == last.top() else first.x()
        return QPointF(x, first.top() + ANCHOR_DROP)

    def _assign_levels(self, arcs: list[Arc]) -> None:
        """Shortest arcs lowest; an arc whose label would cover another's goes higher,
        up to the ceiling the line above sets, then sideways."""
        metrics = QFontMetricsF(self._label_font())
        ink = self._ink
        ink.begin()
        placed: list[QRectF] = []
        for arc in sorted(arcs, key=lambda a: (abs(a.start.x() - a.end.x()), a.start.y())):
            left, right = sorted((arc.start.x(), arc.end.x()))
            arc.ceiling = _ceiling(ink, arc.higher, left - ARROW, right + ARROW)
            width = metrics.horizontalAdvance(arc.role) + 2 * LABEL_PADDING
            room = (0.0, float(self.view.viewport().width()))
            arc.label_rect = _place_label(ink, arc, (width, metrics.height()), placed, room)
            placed.append(arc.label_rect)

    # -- painting -----------------------------------------------------------------------

    def _label_font(self) -> QFont:
        font = QFont(self.view.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.5))
        return font

    def _paint_arc(self, painter: QPainter, arc: Arc, emphasised: bool) -> None:
        color = QColor(self.color(arc.event_type)).darker(150)
        if not emphasised:
            color.setAlpha(150)
        painter.setPen(QPen(color, 2.0 if emphasised else 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(arc.path())
        painter.setBrush(color)
        if arrowhead := arc.arrowhead():
            painter.drawPolygon(arrowhead)
        if arc.label_rect is not None:
            painter.setPen(QPen(color, 1))
            painter.setBrush(QColor(255, 255, 255, 235 if emphasised else 190))
            painter.drawRoundedRect(arc.label_rect, 3, 3)
            painter.drawText(arc.label_rect, Qt.AlignmentFlag.AlignCenter, arc.role)


def _ceiling(ink: InkAbove, position: int, left: float, right: float) -> float:
    """The highest y free of the line above ``position`` between ``left`` and ``right``."""
    lowest = ink.lowest(position, left, right)
    return NO_CEILING if lowest is None else lowest + CLEARANCE


def _place_label(
    ink: InkAbove,
    arc: Arc,
    size: tuple[float, float],
    placed: list[QRectF],
    room: tuple[float, float],
) -> QRectF:
    """The label's box at the arc's top, clear of ``placed`` labels and of the line above:
    higher levels first, then (all heights taken) beside the arc's middle; always
    within ``room``, the viewport's left and right."""
    width, height = size
    middle = (arc.start.x() + arc.end.x()) / 2
    candidates = [(level, 0.0) for level in range(MAX_LEVELS)]
    candidates += [(0, side * step * (width + 2)) for step in (1, 2, 3) for side in (1, -1)]
    first: QRectF | None = None
    tried: QRectF | None = None
    floors: dict[float, float] = {}  # by shift: the levels share one
    for level, shift in candidates:
        arc.level = level
        left = min(max(middle + shift - width / 2, room[0]), room[1] - width)
        if shift not in floors:
            floors[shift] = _ceiling(ink, arc.higher, left, left + width)
        floor = floors[shift]
        rect = QRectF(left, max(arc.top - height / 2, floor), width, height)
        if rect == tried:
            continue  # a higher level held down by the ceiling: the same box again
        tried = rect
        if first is None:
            first = rect
        if not any(rect.intersects(other) for other in placed):
            return rect
    arc.level = 0
    assert first is not None
    return first
