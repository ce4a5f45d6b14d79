"""Mouse in the reading view: click a span to select it, click an entity to make it an
argument of the selected event, hover to see what an annotation is.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QMouseEvent, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QToolTip

from annotator.ui.i18n import fill, translate
from annotator.ui.plain_text import as_tooltip
from annotator.ui.workspace.annotation_set import Hit
from annotator.ui.workspace.workspace import Workspace


def describe(workspace: Workspace, hit: Hit) -> str:
    """Plain-text description of an annotation: label, annotator, event arguments."""
    annotations, schema = workspace.annotations, workspace.schema
    who = translate("Workspace", "annotator")
    if hit.is_event:
        event = annotations.events[hit.id]
        kind = schema.event(event.type)
        name = f"{kind.name_ar} — {kind.name_en}" if kind else event.type
        lines = [f"{event.type} ({name}): {event.trigger_text(annotations.text)}",
                 f"{who}: {event.annotator}"]
        for argument in event.arguments:
            span = annotations.spans.get(argument.span_id)
            covered = span.covered(annotations.text) if span else "?"
            lines.append(f"  {argument.role}: {covered}")
        return "\n".join(lines)
    span = annotations.spans[hit.id]
    kind = schema.entity(span.label)
    name = f"{kind.name_ar} — {kind.name_en}" if kind else span.label
    lines = [f"{span.label} ({name}): {span.covered(annotations.text)}",
             f"{who}: {span.annotator}"]
    for event in annotations.events.values():
        for argument in event.arguments:
            if argument.span_id == span.id:
                trigger = event.trigger_text(annotations.text)
                role_of = fill(translate("Workspace", "%1 of %2"), argument.role, event.type)
                lines.append(f"  {role_of}: {trigger}")
    return "\n".join(lines)


def char_under(view: QPlainTextEdit, point: QPoint) -> int | None:
    """The Qt position of the character whose glyph is under ``point``, or None.

    cursorForPosition gives a caret position near the point, on one side or the other
    of the letter pressed (or a little further, past a space or a mark): the letter is
    the neighbour whose glyph (between its two caret positions, on one line) holds it.
    """
    caret = view.cursorForPosition(point).position()
    last = view.document().characterCount() - 1
    cursor = QTextCursor(view.document())
    for position in (caret - 1, caret, caret - 2, caret + 1):
        if not 0 <= position < last:
            continue
        cursor.setPosition(position)
        before = view.cursorRect(cursor)
        cursor.setPosition(position + 1)
        after = view.cursorRect(cursor)
        left, right = sorted((before.center().x(), after.center().x()))
        on_line = before.top() == after.top() and before.top() <= point.y() <= before.bottom()
        if on_line and left <= point.x() <= right:
            return position
    return None


class ViewMouse(QObject):
    """Event filter on the reading view's viewport."""

    def __init__(self, workspace: Workspace) -> None:
        super().__init__(workspace)
        self.workspace = workspace
        self.role_menu: QMenu | None = None
        self._click_cycle: list[str] = []
        self._pressed_char: int | None = None  # Qt position of the letter a drag began on
        workspace.view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ToolTip:
            return self._tooltip(event)  # type: ignore[arg-type]
        if kind == QEvent.Type.MouseButtonPress:
            self._pressed_char = char_under(self.workspace.view, event.position().toPoint())
        elif kind == QEvent.Type.MouseButtonRelease:
            self._released(event)  # type: ignore[arg-type]
        elif kind == QEvent.Type.MouseButtonDblClick:
            # Let the view select the word first, then snap it.
            self.workspace.view.mouseDoubleClickEvent(event)  # type: ignore[arg-type]
            self.workspace.snap_view_selection()
            return True
        return False

    def hits(self, point: QPoint) -> list[Hit]:
        """Annotations under a viewport point."""
        view = self.workspace.view
        position = view.cursorForPosition(point).position()
        annotations = self.workspace.annotations
        return annotations.hits_at(position) or annotations.hits_at(position - 1)

    def _tooltip(self, event: QHelpEvent) -> bool:
        hits = self.hits(event.pos())
        if not hits:
            QToolTip.hideText()
            return True
        text = "\n\n".join(describe(self.workspace, hit) for hit in hits)
        QToolTip.showText(event.globalPos(), as_tooltip(text), self.workspace.view)
        return True

    def _released(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        workspace = self.workspace
        if workspace.view.textCursor().hasSelection():
            self._include_pressed_char()
            workspace.snap_view_selection()
            return
        hits = self.hits(event.position().toPoint())
        event_selected = workspace.annotations.selected_event()
        spans = [h for h in hits if not h.is_event]
        if event_selected is not None and spans and not any(h.id == event_selected.id
                                                            for h in hits):
            self.offer_roles(event_selected.id, spans[0].id, event.globalPosition().toPoint())
            return
        workspace.select_annotation(self._next_in_cycle(hits))

    def _include_pressed_char(self) -> None:
        """Keep the letter the drag began on inside the selection.

        A press on the end side of a word's last letter puts the caret after the word
        (the nearest caret position), so the drag would leave out the very word the
        user pressed on.
        """
        pressed, self._pressed_char = self._pressed_char, None
        view = self.workspace.view
        cursor = view.textCursor()
        start, end = cursor.selectionStart(), cursor.selectionEnd()
        if pressed is None or start <= pressed < end:
            return
        forward = cursor.anchor() <= cursor.position()
        start, end = min(start, pressed), max(end, pressed + 1)
        cursor.setPosition(start if forward else end)
        cursor.setPosition(end if forward else start, QTextCursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)

    def _next_in_cycle(self, hits: list[Hit]) -> str | None:
        """Repeated clicks on nested annotations select each in turn, innermost first."""
        ids = [h.id for h in hits]
        if not ids:
            self._click_cycle = []
            return None
        current = self.workspace.annotations.selected_id
        if ids == self._click_cycle and current in ids:
            return ids[(ids.index(current) + 1) % len(ids)]
        self._click_cycle = ids
        return ids[0]

    def offer_roles(self, event_id: str, span_id: str, where: QPoint) -> QMenu | None:
        """Pop up the roles of the event that accept the span's label, the first preselected
        (Enter takes it); when only one fits, it is applied without asking."""
        workspace = self.workspace
        event = workspace.annotations.events[event_id]
        span = workspace.annotations.spans[span_id]
        kind = workspace.schema.event(event.type)
        roles = kind.roles_accepting(span.label) if kind else []
        if not roles:
            workspace.window.statusBar().showMessage(
                fill(translate("Workspace", "%1 has no role for a %2"), event.type, span.label),
                4000)
            workspace.select_annotation(span_id)
            return None
        # A span that already fills a role of this event gets its role changed, not a twin.
        existing = next((a for a in event.arguments if a.span_id == span_id), None)
        if existing is None and len(roles) == 1:
            # One role fits: no menu to answer, it is applied (and undoable) at once.
            self.role_menu = None
            workspace.add_argument(event_id, span_id, roles[0].role)
            return None
        menu = QMenu(workspace.view)
        for role in roles:
            action = menu.addAction(role.role)
            if existing is not None:
                action.setCheckable(True)
                action.setChecked(role.role == existing.role)
                action.triggered.connect(
                    lambda _=False, r=role.role: workspace.set_argument_role(event_id, existing, r)
                )
            else:
                action.triggered.connect(
                    lambda _=False, r=role.role: workspace.add_argument(event_id, span_id, r)
                )
        # Enter takes the preselected role: the current one, else the first that fits.
        current = next((a for a in menu.actions() if a.isChecked()), menu.actions()[0])
        menu.setActiveAction(current)
        self.role_menu = menu
        menu.popup(where)
        return menu
