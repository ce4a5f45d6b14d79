"""The open project of a window: opening it for editing, read-only state, heartbeat.

Opening goes through the opening service: an integrity check (a damaged project
offers its latest good backup), a backup kept per the Preferences, and a claim
for the window's annotator. A second window of the same annotator opens
read-only; this module says so in the title, the status bar and a banner with
a "Take Over Editing" button, and a heartbeat notices when another window took
the project over. Changes other windows saved are shown by polling the
project, ignoring writes (heartbeats, other annotators) this window does not show.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
)

from annotator.core.errors import AnnotatorError, ConnectionLostError, DamagedProjectError
from annotator.core.server_urls import project_location
from annotator.services.opening import OpenedProject, open_for_editing
from annotator.services.sessions import HEARTBEAT_S
from annotator.ui.i18n import fill
from annotator.ui.messages import conflict_message, describe
from annotator.ui.plain_text import plain_label
from annotator.ui.restore_dialog import offer_restore_of_damaged

if TYPE_CHECKING:
    from annotator.services.project import Project
    from annotator.ui.main_window import MainWindow

log = logging.getLogger(__name__)

# How often the window looks for changes saved by other windows.
POLL_MS = 3000


class ReadOnlyBanner(QFrame):
    """A coloured strip above the text: why the window is read-only, and a way out."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("read_only_banner")
        self.setStyleSheet(
            "#read_only_banner { background: #fff4ce; border-bottom: 1px solid #c8a600; }"
            "#read_only_banner QLabel { color: #3d3000; }"
        )
        self.message = plain_label("", self)
        self.message.setWordWrap(True)
        self.take_over_button = QPushButton(self.tr("Take Over Editing"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.take_over_button)
        self.hide()

    def show_reason(self, reason: str, can_take_over: bool) -> None:
        """Show why the window is read-only; offer taking over when that would help."""
        self.message.setText(
            fill(self.tr("Read-only: changes are not saved in this window because %1."), reason)
        )
        self.take_over_button.setVisible(can_take_over)
        self.show()


def _same_place(location: str | Path, opened: Path) -> bool:
    """True when ``location`` is where the ``opened`` project is (file or server)."""
    place = project_location(location)
    return place.resolve() == opened.resolve()


class _Relay(QObject):
    """Carries a server's notification from the listener's thread to the window's."""

    notified = Signal()


class ProjectSession(QObject):
    """Owns the window's OpenedProject; ``window.project`` is its project.

    On a server project, a notification of another connection's commit (emitted on
    the listener's thread, so queued to this one) polls at once instead of waiting
    for the timer; ``changed_elsewhere`` then tells the review windows.
    """

    # Another connection committed a change (whoever's work it concerns).
    changed_elsewhere = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.opened: OpenedProject | None = None
        self.banner = ReadOnlyBanner(window)
        self.banner.take_over_button.clicked.connect(self.take_over)
        window.add_banner(self.banner)
        self.read_only_label = plain_label("", window)
        self.read_only_label.setStyleSheet("color: #8a5a00; font-weight: bold;")
        window.statusBar().addPermanentWidget(self.read_only_label)
        self.heartbeat_timer = QTimer(self)
        self.heartbeat_timer.setInterval(int(HEARTBEAT_S * 1000))
        self.heartbeat_timer.timeout.connect(self.heartbeat)
        self.poll_timer = QTimer(self)
        self.poll_timer.setInterval(POLL_MS)
        self.poll_timer.timeout.connect(self.poll)
        self._seen: tuple[int, tuple[object, ...]] | None = None
        # Emitted on the listener's thread, queued to poll here. The relay has no parent:
        # the listener's reference keeps it alive while this window is being destroyed.
        self._relay = _Relay()
        self._relay.notified.connect(self.poll, Qt.ConnectionType.QueuedConnection)
        self._busy_generation = 0
        # True while an action waits for another window's lock: timers must not write or
        # reload from inside that wait (they run in its processEvents()).
        self._waiting = False
        # True while the project's server cannot be reached (see poll).
        self._offline = False

    @property
    def read_only(self) -> bool:
        """True when this window may not change the project."""
        return self.opened is not None and self.opened.read_only

    # -- opening and closing --------------------------------------------------

    def open(self, path: str | Path) -> Project | None:
        """Open ``path`` for editing (closing the current project); None if it failed."""
        if self.opened is not None and _same_place(path, self.opened.project.path):
            # Opening it again: our own claim would make the new window read-only.
            self.window.close_project()
        try:
            opened = open_for_editing(
                path,
                self.window.annotator or None,
                keep_backups=max(1, self.window.settings.backups_kept),
            )
        except DamagedProjectError as exc:  # a file's: a server checks its own pages
            if offer_restore_of_damaged(self.window, Path(path), str(exc)):
                return self.open(path)
            return None
        except AnnotatorError as exc:
            self.window.show_error(describe(exc))
            return None
        self.close()
        self.opened = opened
        opened.project.set_busy_callback(self._busy)
        opened.project.watch_changes(self._relay.notified.emit)
        self._start_timers()
        return opened.project

    def announce(self) -> None:
        """Show the warnings of the project just opened (once the window shows it)."""
        if self.opened is not None:
            self._show_warnings(self.opened.warnings)
            self.opened.warnings = []

    def close(self) -> None:
        """Release the claim and close the project (the WAL is checkpointed)."""
        self.heartbeat_timer.stop()
        self.poll_timer.stop()
        if self.opened is not None:
            opened, self.opened = self.opened, None
            opened.project.watch_changes(None)
            try:
                opened.close()
            except AnnotatorError as exc:  # the claim could not be released: it goes stale
                log.warning("closing %s: %s", opened.project.path, exc)

    def switch_annotator(self, annotator: str) -> None:
        """Edit as ``annotator`` from now on (a read-only window may become editable)."""
        if self.opened is None or (self.opened.session is None and self.read_only):
            return
        self._show_warnings(self._guarded_switch(annotator, take_over=False))
        self._start_timers()
        self.update_read_only()

    def take_over(self) -> None:
        """Edit here although another window of this annotator has the project open."""
        if self.opened is None:
            return
        self._guarded_switch(self.window.annotator, take_over=True)
        self._start_timers()
        self.update_read_only()
        self.window.statusBar().showMessage(
            self.tr("You now edit the project in this window; the other window turns read-only."),
            5000,
        )

    def _guarded_switch(self, annotator: str, take_over: bool) -> list[str]:
        assert self.opened is not None
        try:
            return self.opened.switch_annotator(annotator, take_over=take_over)
        except AnnotatorError as exc:
            self.window.show_error(describe(exc))
            return []

    def _start_timers(self) -> None:
        self.poll_timer.start()
        self._seen = self._stamp()
        session = self.opened.session if self.opened else None
        if session is not None and not session.read_only:
            self.heartbeat_timer.start()
        else:
            self.heartbeat_timer.stop()

    def _show_warnings(self, warnings: list[str]) -> None:
        """Tell the user why the window is read-only; offer to take over from the other window."""
        if not warnings:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, "annotator", "\n\n".join(warnings),
                          parent=self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        take = None
        if self._can_take_over():
            box.setInformativeText(self.tr(
                "You can look at the project here. To edit here instead, take over: "
                "the other window then turns read-only."))
            take = box.addButton(self.tr("Take Over Editing"), QMessageBox.ButtonRole.AcceptRole)
            box.setDefaultButton(
                box.addButton(self.tr("Stay Read-Only"), QMessageBox.ButtonRole.RejectRole))
        box.exec()
        if take is not None and box.clickedButton() is take:
            self.take_over()

    def _can_take_over(self) -> bool:
        session = self.opened.session if self.opened else None
        return session is not None and session.conflict is not None

    # -- read-only state --------------------------------------------------------

    def update_read_only(self) -> None:
        """Show (or hide) the banner and the status-bar mark, and retitle the window."""
        project = self.opened.project if self.opened else None
        if project is not None and project.read_only:
            session = self.opened.session if self.opened else None
            reason = project.read_only_reason or ""
            if session is not None and session.conflict is not None and self._can_take_over():
                reason = conflict_message(session.conflict)  # said in the interface language
            self.banner.show_reason(reason, self._can_take_over())
            self.read_only_label.setText(self.tr("Read-only"))
        else:
            self.banner.hide()
            self.read_only_label.setText("")
        self.window.update_title()

    def heartbeat(self) -> None:
        """Tell other windows this one is alive; turn read-only if one took over."""
        session = self.opened.session if self.opened else None
        if session is None or session.read_only:
            self.heartbeat_timer.stop()
            return
        if self._waiting:
            return  # the next beat comes soon enough
        try:
            alive = session.heartbeat()
        except AnnotatorError as exc:  # busy or disk full: the next beat tries again
            log.warning("heartbeat: %s", exc)
            return
        if alive:
            return
        self.heartbeat_timer.stop()
        self.update_read_only()
        assert session.conflict is not None
        self.window.show_error(
            fill(
                self.tr("%1 and took over editing. This window is now read-only: what you "
                        "saved is safe, but changes made here are no longer saved."),
                conflict_message(session.conflict),
            )
        )

    # -- other windows --------------------------------------------------------------

    def _stamp(self) -> tuple[int, tuple[object, ...]] | None:
        if self.opened is None:
            return None
        project = self.opened.project
        return project.data_version(), project.change_stamp(self.window.annotator)

    def poll(self) -> None:
        """Show what other windows saved, when it concerns what this window shows."""
        if self.opened is None or self._waiting:
            return
        self._report_backup()
        try:
            self._look_for_changes()
        except ConnectionLostError as exc:
            # The server went away: say so once (not a crash box every few seconds); the
            # next look or action reconnects by itself, and edits are refused meanwhile.
            if not self._offline:
                self._offline = True
                log.warning("server unreachable: %s", exc)
                self.window.statusBar().showMessage(self.offline_message())
            return
        if self._offline:
            self._offline = False
            self.window.statusBar().showMessage(self.tr("Connected to the server again."), 5000)

    def offline_message(self) -> str:
        """What the status bar says while the project's server cannot be reached."""
        return self.tr(
            "The server cannot be reached: changes are not saved until it is back. "
            "The window reconnects by itself."
        )

    def _look_for_changes(self) -> None:
        assert self.opened is not None
        project = self.opened.project
        if self._seen is not None and project.data_version() == self._seen[0]:
            return  # nothing committed elsewhere since the last look: cheap and common
        stamp = self._stamp()
        changed = self._seen is None or stamp is None or stamp[1] != self._seen[1]
        self._seen = stamp
        if changed:
            self.window.reload()
        self.changed_elsewhere.emit()

    def _report_backup(self) -> None:
        """Once the opening backup has ended: say if it failed (or found damage)."""
        assert self.opened is not None
        problem = self.opened.take_backup_problem()
        if problem is None:
            return
        self.update_read_only()
        self.window.show_error(problem)

    def _busy(self, waited: float) -> None:
        """While another window holds the write lock: say so, and keep the window painted."""
        self._busy_generation += 1
        generation = self._busy_generation
        self._waiting = True
        self.window.statusBar().showMessage(self.busy_message())
        log.info("waiting %.1f s for another window's write", waited)
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        # Runs once the action is over (back in the event loop), unless another wait began.
        QTimer.singleShot(0, lambda: self._busy_over(generation))

    def busy_message(self) -> str:
        """What the status bar says while another window saves."""
        return self.tr("Waiting for another window to finish saving…")

    def _busy_over(self, generation: int) -> None:
        if generation != self._busy_generation:
            return  # another wait began since
        self._waiting = False
        bar = self.window.statusBar()
        # A "Saved: ..." that followed the wait stays.
        if bar.currentMessage() == self.busy_message():
            bar.clearMessage()
