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

from annotator.core.errors import AnnotatorError, ConnectionLostError
from annotator.services.editing import Command, EditingSession
from annotator.ui.workspace.command_texts import command_text


class FailureHost(Protocol):
    """Who reports an undo or redo the project refused."""

    def command_failed(self, error: AnnotatorError) -> None:
        """Report the failure (the session has already re-read the document)."""

    def step_not_taken(self, error: ConnectionLostError, command: ForwardedCommand) -> None:
        """Report a step the server could not be reached for; put Qt's index back."""


class ForwardedCommand(QUndoCommand):
    """Mirror of one step of ``session``'s history."""

    def __init__(self, host: FailureHost, session: EditingSession, command: Command) -> None:
        super().__init__(command_text(command.label))
        self.host = host
        self.session = session
        self.command = command
        self._pushed = True  # QUndoStack.push() calls redo(): the session already did it
        # True while Qt's index is moved back over a step the session never took.
        self.resyncing = False

    def redo(self) -> None:
        if self._pushed or self.resyncing:
            self._pushed = self.resyncing = False
            return
        self._forward(self.session.redo)

    def undo(self) -> None:
        if self.resyncing:
            self.resyncing = False
            return
        self._forward(self.session.undo)

    def _forward(self, step: Callable[[], object]) -> None:
        try:
            step()
        except ConnectionLostError as error:
            # The session's history did not move: Qt's index must not either.
            self.host.step_not_taken(error, self)
        except AnnotatorError as error:  # NotFoundError included; a code bug is not caught
            self.host.command_failed(error)
