"""Attaching event arguments from the keyboard: Tab to an entity, a role key.

With an event selected, Tab (Shift+Tab) steps through the entities that can fill
one of its roles and are not already its arguments, nearest to the trigger first;
the candidate is outlined and the status bar lists the roles that fit. Enter
attaches it with the first fitting role, a digit (1…9, or ١…٩) with that role;
Esc leaves. The event stays selected, so the next Tab goes on to the next entity.
While no candidate is offered, every key does what it always does.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPen

from annotator.core.model import Event, Span
from annotator.core.schema import Role
from annotator.ui.bidi import isolate
from annotator.ui.i18n import fill, translate
from annotator.ui.workspace.workspace import Workspace

CANDIDATE = QColor("#1565C0")
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
TAB_KEYS = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)


class ArgumentKeys(QObject):
    """The keyboard way of linking entities to the selected event (an event filter)."""

    def __init__(self, workspace: Workspace) -> None:
        super().__init__(workspace)
        self.workspace = workspace
        self.candidate: str | None = None  # the span offered as an argument
        self._event_id: str | None = None
        # An event reached by walking with Tab is walked past, not linked: Tab goes on.
        self._letting_tab = False
        self._walked_to: str | None = None
        workspace.view.installEventFilter(self)
        workspace.view.decorations.append(self.paint)
        workspace.annotations.selection_changed.connect(self._selection_changed)
        workspace.annotations.reset.connect(self.leave)

    # -- what can be attached ------------------------------------------------------------

    def fitting_roles(self, event: Event, span: Span) -> list[Role]:
        """The roles of ``event``'s type that accept ``span``'s label."""
        kind = self.workspace.schema.event(event.type)
        return kind.roles_accepting(span.label) if kind else []

    def candidates(self, event: Event) -> list[str]:
        """Spans that could fill a role of ``event`` and do not yet, nearest first."""
        taken = {a.span_id for a in event.arguments}
        spans = [s for s in self.workspace.annotations.spans.values()
                 if s.id not in taken and self.fitting_roles(event, s)]
        trigger = (event.trigger_start + event.trigger_end) / 2
        spans.sort(key=lambda s: (abs((s.start + s.end) / 2 - trigger), s.start, s.id))
        return [s.id for s in spans]

    # -- keys --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        key_event: QKeyEvent = event  # type: ignore[assignment]
        if kind == QEvent.Type.ShortcutOverride and key_event.key() not in TAB_KEYS:
            self._letting_tab = False
        if not self._wants(key_event):
            if kind == QEvent.Type.ShortcutOverride and key_event.key() in TAB_KEYS:
                self._letting_tab = True
            return False
        if kind == QEvent.Type.ShortcutOverride:
            event.accept()  # the key comes to us as a key press, not as a shortcut
            return True
        self._pressed(key_event)
        return True

    def _wants(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in TAB_KEYS:
            if self.candidate is not None:
                return True
            selected = self.workspace.annotations.selected_event()
            if selected is None or selected.id == self._walked_to:
                return False
            return bool(self.candidates(selected))
        if self.candidate is None:
            return False
        return key in (*ENTER_KEYS, Qt.Key.Key_Escape) or self._digit(event) is not None

    @staticmethod
    def _digit(event: QKeyEvent) -> int | None:
        text = event.text()
        if len(text) == 1 and (text.isdigit() or text in ARABIC_DIGITS):
            value = int(text) if text.isdigit() else ARABIC_DIGITS.index(text)
            return value if value >= 1 else None
        return None

    def _pressed(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in TAB_KEYS:
            backwards = key == Qt.Key.Key_Backtab or bool(
                event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            self.step(-1 if backwards else 1)
        elif key == Qt.Key.Key_Escape:
            self.leave()
        elif key in ENTER_KEYS:
            self.attach(1)
        else:
            self.attach(self._digit(event) or 1)

    # -- actions -----------------------------------------------------------------------------

    def step(self, direction: int) -> None:
        """Offer the next (1) or previous (-1) candidate of the selected event."""
        event = self._event()
        if event is None:
            return
        ids = self.candidates(event)
        if not ids:
            self.leave()
            return
        here = ids.index(self.candidate) if self.candidate in ids else -1
        if here < 0:
            index = 0 if direction > 0 else len(ids) - 1
        else:
            index = (here + direction) % len(ids)
        self._offer(event, ids[index])

    def attach(self, number: int) -> None:
        """Attach the candidate with its ``number``-th fitting role (1: the first)."""
        event, span_id = self._event(), self.candidate
        if event is None or span_id is None:
            return
        span = self.workspace.annotations.spans.get(span_id)
        roles = self.fitting_roles(event, span) if span else []
        if not 1 <= number <= len(roles):
            return
        self._set_candidate(None)
        self.workspace.add_argument(event.id, span_id, roles[number - 1].role)

    def leave(self) -> None:
        """Offer nothing any more."""
        self._set_candidate(None)

    def _event(self) -> Event | None:
        annotations = self.workspace.annotations
        return annotations.selected_event() or annotations.events.get(self._event_id or "")

    def _offer(self, event: Event, span_id: str) -> None:
        self._event_id = event.id
        self._set_candidate(span_id)
        span = self.workspace.annotations.spans[span_id]
        roles = self.fitting_roles(event, span)
        choices = "  ".join(f"{n}: {role.role}" for n, role in enumerate(roles, start=1))
        message = fill(
            translate("Workspace", "Argument «%1» of %2 — %3 (Enter: %4, Esc: cancel)"),
            isolate(span.covered(self.workspace.annotations.text)), event.type, choices,
            roles[0].role,
        )
        self.workspace.window.statusBar().showMessage(message)
        interval = self.workspace.annotations.interval(span_id)
        if interval is not None:
            cursor = self.workspace.view.textCursor()
            cursor.setPosition(interval.start)
            self.workspace.view.setTextCursor(cursor)
            self.workspace.view.ensureCursorVisible()

    def _set_candidate(self, span_id: str | None) -> None:
        if span_id == self.candidate:
            return
        self.candidate = span_id
        if span_id is None:
            self.workspace.window.statusBar().clearMessage()
        self.workspace.view.viewport().update()

    def _selection_changed(self, selected: str) -> None:
        """Another annotation selected: the offer ends (the event's own stays)."""
        self._walked_to = selected if self._letting_tab else None
        self._letting_tab = False
        if selected != self._event_id:
            self._event_id = selected or None
            self._set_candidate(None)

    # -- painting ----------------------------------------------------------------------------

    def paint(self, painter: QPainter, _area: QRect) -> None:
        """Outline the candidate (a ReadingView decoration)."""
        interval = self.workspace.annotations.interval(self.candidate) if self.candidate else None
        if interval is None:
            return
        view = self.workspace.view
        cursor = view.textCursor()
        cursor.setPosition(interval.start)
        first = view.cursorRect(cursor)
        cursor.setPosition(interval.end)
        last = view.cursorRect(cursor)
        painter.setPen(QPen(CANDIDATE, 2, Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(first.united(last).adjusted(-2, -1, 2, 1))
