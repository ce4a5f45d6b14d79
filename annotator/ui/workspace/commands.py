"""QUndoStack entries that forward to the editing core's history.

The editing core (``annotator.services.editing``) does, undoes and records
every action; Qt's undo stack only mirrors it, so Edit › Undo/Redo, their menu
texts, shortcuts and QUndoGroup's per-document switching keep working. A
command is done by the session before its mirror is pushed, so a save that
fails never reaches either stack.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtGui import QUndoCommand

from annotator.core.errors import AnnotatorError
from annotator.services.editing import Command, EditingSession
from annotator.ui.workspace.command_texts import command_text


class FailureHost(Protocol):
    """Who reports an undo or redo the project refused."""

    def command_failed(self, error: AnnotatorError) -> None:
        """Report the failure (the session has already re-read the document)."""


class ForwardedCommand(QUndoCommand):
    """Mirror of one step of ``session``'s history."""

    def __init__(self, host: FailureHost, session: EditingSession, command: Command) -> None:
        super().__init__(command_text(command.label))
        self.host = host
        self.session = session
        self.command = command
        self._pushed = True  # QUndoStack.push() calls redo(): the session already did it

    def redo(self) -> None:
        if self._pushed:
            self._pushed = False
            return
        self._forward(self.session.redo)

    def undo(self) -> None:
        self._forward(self.session.undo)

    def _forward(self, step: Callable[[], object]) -> None:
        try:
            step()
        except AnnotatorError as error:  # NotFoundError included; a code bug is not caught
            self.host.command_failed(error)
