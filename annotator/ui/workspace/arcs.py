"""Argument arcs: each event's links from its trigger to its argument spans, drawn over
the text as brat and INCEpTION draw them, toggled from the View menu (Ctrl+R).

An arc leaves the top of the trigger, rises into the space above the line and
comes down on the argument with an arrowhead; the role is written at its top in
the event's colour. Positions come from the view's own caret rectangles, so the
arcs follow the bidirectional layout: right to left, a trigger before its argument
in the text is to the argument's right. Several arcs above one line are given
different heights (levels) so that their role labels do not overlap.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from annotator.core.model import Event
from annotator.core.span_index import Interval

LEVEL_STEP = 6.0  # pixels between the heights of arcs above one line
BASE_RISE = 5.0
LABEL_PADDING = 2.0
ARROW = 4.0


@dataclass
class Arc:
    """One trigger→argument link as laid out in the viewport."""

    event_id: str
    span_id: str
    role: str
    event_type: str
    start: QPointF  # top of the trigger
    end: QPointF  # top of the argument
    level: int = 0
    label_rect: QRectF | None = None

    @property
    def top(self) -> float:
        """The y of the arc's highest point."""
        return min(self.start.y(), self.end.y()) - BASE_RISE - LEVEL_STEP * self.level

    def path(self) -> QPainterPath:
        """A smooth curve over the text from the trigger to the argument."""
        path = QPainterPath(self.start)
        path.cubicTo(QPointF(self.start.x(), self.top), QPointF(self.end.x(), self.top), self.end)
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
            ends = [a for a in event.arguments if shown(a.span_id)]
            if not shown(event.id):
                if not ends:
                    continue
                ends = list(event.arguments)  # the trigger is off screen: its arcs come in
            trigger = anchor(event.id)
            for argument in ends:
                end = anchor(argument.span_id)
                if trigger is not None and end is not None:
                    arcs.append(Arc(event.id, argument.span_id, argument.role, event.type,
                                    trigger, end))
        self._assign_levels(arcs)
        return arcs

    def _visible_range(self, area: QRect) -> tuple[int, int]:
        """The Qt positions of the text shown in ``area``, a line more on each side."""
        view = self.view
        top = view.cursorForPosition(QPoint(0, max(0, area.top() - 40))).position()
        bottom = view.cursorForPosition(QPoint(view.viewport().width(), area.bottom() + 40))
        block = view.document().findBlock(bottom.position())
        return (view.document().findBlock(top).position(),
                block.position() + block.length())

    def _anchor(self, annotation_id: str) -> QPointF | None:
        """The middle of the top edge of an annotation's first line, in the viewport."""
        interval = self.interval(annotation_id)
        if interval is None:
            return None
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(interval.start)
        first = self.view.cursorRect(cursor)
        cursor.setPosition(interval.end)
        last = self.view.cursorRect(cursor)
        x = (first.center().x() + last.center().x()) / 2 if first.top() == last.top() else first.x()
        return QPointF(x, first.top() + 1)

    def _assign_levels(self, arcs: list[Arc]) -> None:
        """Shortest arcs lowest; an arc whose label would cover another's goes higher."""
        metrics = QFontMetricsF(self._label_font())
        placed: list[QRectF] = []
        for arc in sorted(arcs, key=lambda a: (abs(a.start.x() - a.end.x()), a.start.y())):
            width = metrics.horizontalAdvance(arc.role) + 2 * LABEL_PADDING
            height = metrics.height()
            middle = (arc.start.x() + arc.end.x()) / 2
            for level in range(12):
                arc.level = level
                rect = QRectF(middle - width / 2, arc.top - height / 2, width, height)
                if not any(rect.intersects(other) for other in placed):
                    break
            arc.label_rect = rect
            placed.append(rect)

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
        tip = arc.end
        painter.setBrush(color)
        painter.drawPolygon([tip, QPointF(tip.x() - ARROW, tip.y() - ARROW * 1.6),
                             QPointF(tip.x() + ARROW, tip.y() - ARROW * 1.6)])
        if arc.label_rect is not None:
            painter.setPen(QPen(color, 1))
            painter.setBrush(QColor(255, 255, 255, 235 if emphasised else 190))
            painter.drawRoundedRect(arc.label_rect, 3, 3)
            painter.drawText(arc.label_rect, Qt.AlignmentFlag.AlignCenter, arc.role)
