"""Adjudication steps on the undo stack: each wraps a services.adjudication Change."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from annotator.core.errors import AnnotatorError
from annotator.services import adjudication
from annotator.services.project import Project


class GoldCommand(QUndoCommand):
    """A step already carried out (``change``); undo and redo replay it on the project."""

    def __init__(
        self,
        project: Project,
        change: adjudication.Change,
        text: str,
        refresh: Callable[[], None],
        failed: Callable[[AnnotatorError], None],
    ) -> None:
        super().__init__(text)
        self._project = project
        self._change = change
        self._refresh = refresh
        self._failed = failed
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True  # QUndoStack.push() calls redo(): the step is done already
            return
        self._replay(self._project.redo_gold)

    def undo(self) -> None:
        self._replay(self._project.undo_gold)

    def _replay(self, step: Callable[[adjudication.Change], None]) -> None:
        try:
            step(self._change)
        except AnnotatorError as error:
            self._failed(error)
        self._refresh()
