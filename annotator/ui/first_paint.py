"""Work that waits until a window has painted once.

The program opens its project before showing the window, so whatever opening reads
comes before the first frame. Reads the first frame does not show (training the
recommenders on everything done so far) are handed to :class:`FirstPaint`, which
runs them once the window's first paint is over, or at once when it has painted.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class FirstPaint(QObject):
    """Watches ``window`` until its first paint; ``later(work)`` runs work after it."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.painted = False
        self._waiting: list[Callable[[], object]] = []
        window.installEventFilter(self)

    def later(self, work: Callable[[], object]) -> None:
        """Run ``work`` now if the window has painted, else once its first paint is over."""
        if self.painted:
            work()
        else:
            self._waiting.append(work)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            watched.removeEventFilter(self)
            # The window is painted before its children: their paint ends this pass.
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        waiting, self._waiting = self._waiting, []
        for work in waiting:
            work()
