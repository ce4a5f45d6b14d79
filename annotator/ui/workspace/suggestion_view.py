"""Suggestions in the workspace: the Suggestions menu, its keys, and what they do.

The annotator picks sources (model annotators, and for a reviewer other
annotators and the gold); their suggestions are drawn by SuggestionOverlay and
accepted or rejected through the editing session (services.editing
suggestion commands), so each is one step in Edit › Undo like any edit.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from annotator.core.errors import AnnotatorError
from annotator.core.recommenders import ItemKind
from annotator.services.editing import EditingSession
from annotator.services.suggestions import (
    MODEL,
    RECOMMENDER,
    Suggestion,
    next_suggestion,
    suggestions_at,
)
from annotator.ui.i18n import translate
from annotator.ui.workspace.live_recommenders import LiveRecommenders
from annotator.ui.workspace.suggestion_overlay import SuggestionOverlay

if TYPE_CHECKING:
    from annotator.ui.workspace.workspace import Workspace

ACCEPT_KEY, REJECT_KEY = "A", "X"
NEXT_KEY, PREVIOUS_KEY = "N", "Shift+N"
ACCEPT_ALL_KEY, REJECT_ALL_KEY = "Ctrl+Alt+A", "Ctrl+Alt+X"
# Activity ticks closer than this add nothing the effort record needs (it counts gaps).
ACTIVITY_EVERY_S = 15.0


class SuggestionView(QObject):
    """The shown document's suggestions from the chosen sources, and the actions on them."""

    def __init__(self, workspace: Workspace) -> None:
        super().__init__(workspace)
        self.workspace = workspace
        self.window = workspace.window
        self.items: list[Suggestion] = []
        self.chosen: set[str] | None = None  # None: every model annotator (the default)
        self.reviewing = False
        self._session: EditingSession | None = None
        self._last_activity = 0.0
        self.live = LiveRecommenders(workspace)
        self.live.changed.connect(self.refresh)
        self.overlay = SuggestionOverlay(workspace.view, workspace.annotations, workspace.palette)
        workspace.view.decorations.append(self.overlay.paint)
        workspace.annotations.reset.connect(self._follow_session)
        self.window.project_opened.connect(self._project_opened)
        self.window.annotator_changed.connect(lambda _name: self._project_opened())
        self._build_menu()

    # -- the menu -----------------------------------------------------------

    def _build_menu(self) -> None:
        window = self.window
        self.menu = QMenu(translate("Suggestions", "&Suggestions"), window)
        window.menuBar().insertMenu(window.menu("review").menuAction(), self.menu)
        self.sources_menu = self.menu.addMenu(translate("Suggestions", "&Sources"))
        self.sources_menu.aboutToShow.connect(self._fill_sources)
        self.show_action = QAction(translate("Suggestions", "S&how Suggestions"), self)
        self.show_action.setCheckable(True)
        self.show_action.setChecked(True)
        self.show_action.toggled.connect(self._set_visible)
        self.menu.addAction(self.show_action)
        self.menu.addSeparator()
        view_action = self.workspace.keys.view_action
        self.actions: dict[str, QAction] = {}
        for name, text, key, slot in (
            (
                "accept",
                translate("Suggestions", "&Accept Suggestion at Cursor"),
                ACCEPT_KEY,
                self.accept_current,
            ),
            (
                "reject",
                translate("Suggestions", "&Reject Suggestion at Cursor"),
                REJECT_KEY,
                self.reject_current,
            ),
            ("next", translate("Suggestions", "&Next Suggestion"), NEXT_KEY, lambda: self.go(1)),
            (
                "previous",
                translate("Suggestions", "&Previous Suggestion"),
                PREVIOUS_KEY,
                lambda: self.go(-1),
            ),
            (
                "accept_all",
                translate("Suggestions", "Accept A&ll in Document"),
                ACCEPT_ALL_KEY,
                self.accept_all,
            ),
            (
                "reject_all",
                translate("Suggestions", "Reject All in &Document"),
                REJECT_ALL_KEY,
                self.reject_all,
            ),
        ):
            self.actions[name] = action = view_action(text, key, slot)
            self.menu.addAction(action)
            if name == "previous":
                self.menu.addSeparator()

    def _fill_sources(self) -> None:
        """The sources menu lists the project's models (and people, when reviewing)."""
        menu = self.sources_menu
        menu.clear()
        project = self.window.project
        if project is None:
            return
        for source in self.sources():
            title = (
                source.title
                if source.kind == MODEL
                else translate("Suggestions", "%1 (person)").replace("%1", source.title)
            )
            action = menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(source.name in self.chosen_names())
            action.toggled.connect(lambda on, name=source.name: self.choose(name, on))
        if not menu.actions():
            menu.addAction(
                translate("Suggestions", "No model annotators in this project")
            ).setEnabled(False)
        menu.addSeparator()
        review = menu.addAction(translate("Suggestions", "Include Other &Annotators (Reviewing)"))
        review.setCheckable(True)
        review.setChecked(self.reviewing)
        review.toggled.connect(self.set_reviewing)

    def sources(self) -> list:
        """The sources the current annotator may choose."""
        project = self.window.project
        if project is None:
            return []
        return project.suggestion_sources(
            self.window.annotator,
            reviewer=self.reviewing,
            recommenders=sorted(self.live.recommenders),
        )

    def chosen_names(self) -> set[str]:
        """The names of the sources shown."""
        if self.chosen is None:
            return {s.name for s in self.sources() if s.kind in (MODEL, RECOMMENDER)}
        return self.chosen

    def choose(self, name: str, on: bool) -> None:
        """Show or hide one source's suggestions."""
        chosen = set(self.chosen_names())
        if on:
            chosen.add(name)
        else:
            chosen.discard(name)
        self.chosen = chosen
        self.refresh()

    def set_reviewing(self, on: bool) -> None:
        """Offer other annotators and the gold as sources (for a reviewer)."""
        self.reviewing = on
        self.refresh()

    def _set_visible(self, on: bool) -> None:
        self.overlay.visible = on
        self.workspace.view.viewport().update()

    # -- following the shown document ------------------------------------------

    def _project_opened(self) -> None:
        self.chosen, self.reviewing = None, False
        self.overlay.palette = self.workspace.palette
        self.refresh()

    def _follow_session(self) -> None:
        session = self.workspace.annotations.session
        if session is not self._session:
            if self._session is not None:
                self._session.applied.disconnect(self._applied)
                self._session.status_changed.disconnect(self.live.document_status_changed)
            if session is not None:
                session.applied.connect(self._applied)
                session.status_changed.connect(self.live.document_status_changed)
            self._session = session
        self.refresh()

    def _applied(self, _command: object, _how: str) -> None:
        self.record_activity()
        self.refresh()

    def refresh(self) -> None:
        """Gather the shown document's suggestions again and repaint."""
        session = self.workspace.annotations.session
        project = self.window.project
        names = sorted(self.chosen_names()) if project is not None and session else []
        self.items = []
        if names:
            self.items = project.suggestions(
                session.doc_id,
                session.annotator,
                names,
                recommenders=self.live.recommenders,
                threshold=self.live.thresholds(),
            )
        self.overlay.items = self.items
        self.overlay.palette = self.workspace.palette
        if self.overlay.current not in self.items:
            self.overlay.current = None
        self.workspace.view.viewport().update()

    def record_activity(self) -> None:
        """Tell the effort record the annotator is working on the shown document."""
        session, project = self.workspace.annotations.session, self.window.project
        now = time.monotonic()
        if session is None or project is None or project.read_only:
            return
        if now - self._last_activity < ACTIVITY_EVERY_S:
            return
        self._last_activity = now
        # The effort record is a by-product: never fail an edit over it.
        with contextlib.suppress(AnnotatorError):
            project.record_activity(session.doc_id, session.annotator)

    # -- the actions -------------------------------------------------------------

    def cursor_offset(self) -> int:
        """The code point the cursor (or the selection's start) is on."""
        cursor = self.workspace.view.textCursor()
        return self.workspace.annotations.offsets.from_qt(cursor.selectionStart())

    def at_cursor(self) -> Suggestion | None:
        """The suggestion the keys act on: the one gone to, else the shortest at the cursor."""
        offset = self.cursor_offset()
        current = self.overlay.current
        if current is not None and current.start <= offset < current.end:
            return current
        found = suggestions_at(self.items, offset)
        return found[0] if found else None

    def _nothing_here(self) -> None:
        self.window.statusBar().showMessage(
            translate("Suggestions", "No suggestion at the cursor"), 3000
        )

    def accept_current(self) -> None:
        """Accept the suggestion at the cursor, then go to the next one."""
        item = self.at_cursor()
        if item is None:
            self._nothing_here()
            return
        self.accept([item])

    def accept(
        self, items: Sequence[Suggestion], label_as: str | None = None, where: QPoint | None = None
    ) -> None:
        """Accept ``items`` as one step; a suggested event offers its unlinked arguments."""
        session, project = self.workspace.session, self.window.project
        command = project.accept_command(list(items), label_as)
        if not self.workspace.save(lambda: session.execute(command)):
            return
        offered = [
            (accepted.event.id, argument, accepted.suggestion.source)
            for accepted in command.accepted
            if accepted.event is not None
            for argument in accepted.offered
        ]
        if offered:
            self.offer_arguments(offered, where)
        else:
            self.go(1, after=items[0].start)

    def offer_arguments(self, offered: list, where: QPoint | None = None) -> QMenu:
        """A menu of a just-accepted event's suggested arguments (entity added if lacking)."""
        view = self.workspace.view
        menu = QMenu(view)
        text = self.workspace.annotations.text
        for event_id, argument, source in offered:
            label = translate("Suggestions", "Add argument %1: «%2» (%3)").replace(
                "%1", argument.role
            )
            label = label.replace("%2", text[argument.start : argument.end])
            action = menu.addAction(label.replace("%3", argument.label))
            action.triggered.connect(
                lambda _=False, e=event_id, a=argument, s=source: self.accept_argument(e, a, s)
            )
        self.argument_menu = menu
        if where is None:
            where = view.viewport().mapToGlobal(view.cursorRect().bottomLeft())
        menu.popup(where)
        return menu

    def accept_argument(self, event_id: str, argument, source: str) -> None:
        """Link one offered argument to the accepted event."""
        session = self.workspace.session
        command = self.window.project.accept_argument_command(event_id, argument, source)
        self.workspace.save(lambda: session.execute(command))

    def reject_current(self) -> None:
        """Reject the suggestion at the cursor (stored), then go to the next one."""
        item = self.at_cursor()
        if item is None:
            self._nothing_here()
            return
        self.reject([item])

    def reject(self, items: Sequence[Suggestion]) -> None:
        """Reject ``items`` as one step."""
        session = self.workspace.session
        command = self.window.project.reject_command(list(items))
        if self.workspace.save(lambda: session.execute(command)):
            self.go(1, after=items[0].start)

    def accept_all(self) -> None:
        """Accept every suggestion shown in the document, as one undo step."""
        if not self.items:
            self.window.statusBar().showMessage(
                translate("Suggestions", "No suggestions in this document"), 3000
            )
            return
        self.accept(list(self.items))

    def reject_all(self) -> None:
        """Reject every suggestion shown in the document, as one undo step."""
        if not self.items:
            self.window.statusBar().showMessage(
                translate("Suggestions", "No suggestions in this document"), 3000
            )
            return
        self.reject(list(self.items))

    def go(self, step: int, after: int | None = None) -> Suggestion | None:
        """Select the next (1) or previous (-1) suggestion from the cursor and show it."""
        self.record_activity()
        offset = self.cursor_offset() if after is None else after
        found = next_suggestion(self.items, offset, backwards=step < 0)
        self.overlay.current = found
        if found is None:
            self.workspace.view.viewport().update()
            return None
        self.workspace.select_range(found.start, found.end)
        self.workspace.view.ensureCursorVisible()
        self.workspace.view.viewport().update()
        kind = translate("Suggestions", "event") if found.kind is ItemKind.EVENT else found.label
        confidence = "" if found.confidence is None else f" {found.confidence:.0%}"
        self.window.statusBar().showMessage(f"{kind} — {found.source}{confidence}", 4000)
        return found
