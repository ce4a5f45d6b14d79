"""File › Open Recent: the projects opened last, project files and server URLs alike.

What is written down is where a project is: a file's absolute path, or a server
project's URL without its password (``remembered``). A password typed into a URL
lives only in the open connection; reopening from this list asks libpq for it
(~/.pgpass, PGPASSFILE or a service file).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu

from annotator.core.server_urls import ServerLocation, is_server_url, project_location
from annotator.ui.bidi import isolate

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

RECENT_KEY = "projects/recent"
MAX_RECENT = 10


def remembered(location: str | Path | ServerLocation) -> str:
    """How a project's location is written down: never with a password."""
    if is_server_url(location):
        return str(project_location(location))  # a ServerLocation shows no password
    return str(Path(location).absolute())


class RecentProjects(QObject):
    """The Open Recent submenu of one window, kept in the application's settings."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.menu = QMenu(self.tr("Open &Recent"), window)
        self.menu.aboutToShow.connect(self.fill)
        file_menu = window.menu("file")
        anchor = getattr(window, "open_server_action", window.open_action)
        actions = file_menu.actions()
        file_menu.insertMenu(actions[actions.index(anchor) + 1], self.menu)
        window.project_opened.connect(self._opened)
        self.fill()

    def entries(self) -> list[str]:
        """The remembered locations, the last opened first."""
        value = self.window.settings.qsettings.value(RECENT_KEY, [], type=list)
        return [str(entry) for entry in value or [] if entry]

    def add(self, location: str | Path | ServerLocation) -> None:
        """Put ``location`` first (once), keeping the newest MAX_RECENT."""
        entry = remembered(location)
        kept = [entry, *(e for e in self.entries() if e != entry)][:MAX_RECENT]
        self.window.settings.set_value(RECENT_KEY, kept)
        self.fill()

    def clear(self) -> None:
        """Forget every recent project."""
        self.window.settings.set_value(RECENT_KEY, [])
        self.fill()

    def fill(self) -> None:
        """One action per remembered project, then Clear List (or a note that none is)."""
        self.menu.clear()
        entries = self.entries()
        for number, entry in enumerate(entries, start=1):
            # A path or URL reads left to right in an Arabic interface too; no markup.
            text = isolate(entry.replace("&", "&&"))  # a literal '&', not a mnemonic
            action = self.menu.addAction(f"&{number % 10} {text}")
            action.setData(entry)
            action.triggered.connect(lambda _=False, e=entry: self.window.open_project(e))
        if not entries:
            self.menu.addAction(self.tr("No recent projects")).setEnabled(False)
        self.menu.addSeparator()
        clear = self.menu.addAction(self.tr("&Clear List"))
        clear.setEnabled(bool(entries))
        clear.triggered.connect(self.clear)

    def _opened(self) -> None:
        if self.window.project is not None:
            self.add(self.window.project.path)


def install(window: MainWindow) -> RecentProjects:
    """Add File › Open Recent to ``window``; ``window.recent_projects`` is it."""
    window.recent_projects = RecentProjects(window)
    return window.recent_projects
