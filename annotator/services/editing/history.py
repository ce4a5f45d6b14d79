"""The undo history of one editing session: two stacks and a clean mark.

Plain bookkeeping, no store access: :class:`EditingSession` runs the commands
and moves them between the stacks only once the store has accepted the step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from annotator.services.editing.commands import Command
    from annotator.services.editing.messages import Message


class History:
    """Done commands (``undo_stack``, last on top) and undone ones (``redo_stack``)."""

    def __init__(self) -> None:
        self.undo_stack: list[Command] = []
        self.redo_stack: list[Command] = []
        # len(undo_stack) when marked clean; None once that state can no longer be reached.
        self._clean: int | None = 0

    def push(self, command: Command) -> None:
        """Record a newly done command; what was undone can no longer be redone."""
        if self._clean is not None and self._clean > len(self.undo_stack):
            self._clean = None  # the clean state was among the discarded redo steps
        self.undo_stack.append(command)
        self.redo_stack.clear()

    def clear(self) -> None:
        """Forget every step (after a failed undo: the project no longer matches them)."""
        self.undo_stack.clear()
        self.redo_stack.clear()
        self._clean = 0

    @property
    def can_undo(self) -> bool:
        """Whether there is a step to undo."""
        return bool(self.undo_stack)

    @property
    def can_redo(self) -> bool:
        """Whether there is an undone step to redo."""
        return bool(self.redo_stack)

    def next_undo(self) -> Command | None:
        """The command :meth:`moved_back` would move, if any."""
        return self.undo_stack[-1] if self.undo_stack else None

    def next_redo(self) -> Command | None:
        """The command :meth:`moved_forward` would move, if any."""
        return self.redo_stack[-1] if self.redo_stack else None

    def moved_back(self) -> None:
        """The top command was undone: it becomes redoable."""
        self.redo_stack.append(self.undo_stack.pop())

    def moved_forward(self) -> None:
        """The last undone command was redone."""
        self.undo_stack.append(self.redo_stack.pop())

    @property
    def undo_label(self) -> Message | None:
        """The menu text of the step Undo would undo."""
        command = self.next_undo()
        return command.label if command else None

    @property
    def redo_label(self) -> Message | None:
        """The menu text of the step Redo would redo."""
        command = self.next_redo()
        return command.label if command else None

    @property
    def index(self) -> int:
        """How many steps are done (QUndoStack's index)."""
        return len(self.undo_stack)

    def set_clean(self) -> None:
        """Mark the current state clean (for example: as exported or reviewed)."""
        self._clean = len(self.undo_stack)

    @property
    def is_clean(self) -> bool:
        """Whether undo/redo brought the session back to the state marked clean."""
        return self._clean == len(self.undo_stack)
