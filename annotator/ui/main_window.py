"""The main window: a composition of the document list, the reading view and features.

Keep this module small: behaviour lives in its own modules, which add actions
to the menus here through ``menu(key)`` (see features.py).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from annotator import __version__
from annotator.core.errors import AnnotatorError
from annotator.services.locations import log_dir
from annotator.services.project import PROJECT_SUFFIX, Project, new_project
from annotator.ui.bidi import install_bidi_style, isolate
from annotator.ui.document_list import DocumentList
from annotator.ui.features import FEATURES
from annotator.ui.first_paint import FirstPaint
from annotator.ui.i18n import fill
from annotator.ui.messages import describe
from annotator.ui.plain_text import plain_label
from annotator.ui.project_session import ProjectSession
from annotator.ui.reading_view import ReadingView
from annotator.ui.recent_projects import remembered
from annotator.ui.settings import AppSettings

log = logging.getLogger(__name__)

# Marked for lupdate; translated where the menus are built.
MENUS = (
    ("file", QT_TRANSLATE_NOOP("MainWindow", "&File")),
    ("edit", QT_TRANSLATE_NOOP("MainWindow", "&Edit")),
    ("view", QT_TRANSLATE_NOOP("MainWindow", "&View")),
    ("document", QT_TRANSLATE_NOOP("MainWindow", "&Document")),
    ("review", QT_TRANSLATE_NOOP("MainWindow", "&Review")),
    ("help", QT_TRANSLATE_NOOP("MainWindow", "&Help")),
)
MIRRORED_AREAS = {
    Qt.DockWidgetArea.LeftDockWidgetArea: Qt.DockWidgetArea.RightDockWidgetArea,
    Qt.DockWidgetArea.RightDockWidgetArea: Qt.DockWidgetArea.LeftDockWidgetArea,
}


class MainWindow(QMainWindow):
    """The application window. ``project`` is the open project (or None)."""

    project_opened = Signal()
    document_opened = Signal(str)
    annotator_changed = Signal(str)
    settings_changed = Signal()  # the Preferences were changed; features re-read theirs
    reloaded = Signal()  # the project changed outside the window's own actions

    def __init__(self, settings: AppSettings, annotator: str) -> None:
        super().__init__()
        install_bidi_style()  # menu shortcuts drawn left to right in an Arabic interface
        self.settings = settings
        self.annotator = annotator
        self.project: Project | None = None
        self.current_document_id: str | None = None
        self._menus: dict[str, QMenu] = {}
        # Work that waits until the window has shown itself (see first_paint.py).
        self.first_paint = FirstPaint(self)
        self.reading_view = ReadingView(settings.font_family, settings.font_size, self)
        self.reading_view.font_size_changed.connect(self._remember_font_size)
        self._central = QVBoxLayout(QWidget(self))
        self._central.setContentsMargins(0, 0, 0, 0)
        self._central.setSpacing(0)
        self._central.addWidget(self.reading_view)
        self.setCentralWidget(self._central.parentWidget())
        self._build_menus()
        self.document_list = DocumentList(self)
        self.document_list.document_activated.connect(self.open_document)
        self.documents_dock = self.add_dock("documents", self.tr("Documents"), self.document_list)
        self._status_label = QLabel(self)
        self.statusBar().addPermanentWidget(self._status_label)
        self._location_label = plain_label("", self)
        self._location_label.setObjectName("server_location")
        self.statusBar().addPermanentWidget(self._location_label)
        self.project_session = ProjectSession(self)
        self.resize(1200, 800)  # the first run's size; window_state restores the last one
        self.features = [install(self) for install in FEATURES]
        self.update_title()

    # -- composition helpers for features ----------------------------------

    def menu(self, key: str) -> QMenu:
        """The menu ``key`` ("file", "edit", "view", "document", "review", "help")."""
        return self._menus[key]

    def add_action(
        self, menu_key: str, text: str, slot: object, shortcut: str | QKeySequence | None = None
    ) -> QAction:
        """Add an action with an optional shortcut to a menu and to the window."""
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.menu(menu_key).addAction(action)
        self.addAction(action)
        return action

    def add_banner(self, banner: QWidget) -> None:
        """Put a message strip (hidden until needed) above the reading view."""
        self._central.insertWidget(self._central.count() - 1, banner)

    def add_dock(
        self,
        name: str,
        title: str,
        widget: QWidget,
        area: Qt.DockWidgetArea = Qt.DockWidgetArea.LeftDockWidgetArea,
    ) -> QDockWidget:
        """Add a dock widget, listed under View so it can be shown again once closed.

        ``area`` is meant for a left-to-right interface; a right-to-left one mirrors it,
        as QMainWindow does not.
        """
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{name}")
        dock.setWidget(widget)
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            area = MIRRORED_AREAS.get(area, area)
        self.addDockWidget(area, dock)
        self.menu("view").addAction(dock.toggleViewAction())
        return dock

    def _build_menus(self) -> None:
        bar = self.menuBar()
        for key, title in MENUS:
            self._menus[key] = bar.addMenu(self.tr(title))
        self.add_action("file", self.tr("&New Project…"), self.new_project_dialog, "Ctrl+N")
        self.open_action = self.add_action(
            "file", self.tr("&Open Project…"), self.open_project_dialog, "Ctrl+O"
        )
        self.menu("file").addSeparator()
        self.add_action("file", self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.add_action("view", self.tr("Zoom &In"), self.reading_view.zoom_in, "Ctrl++")
        self.add_action("view", self.tr("Zoom &Out"), self.reading_view.zoom_out, "Ctrl+-")
        self.menu("view").addSeparator()
        self.add_action("help", self.tr("Open &Log Folder"), self._open_log_folder)
        self.add_action("help", self.tr("&About annotator"), self._about)

    # -- projects and documents ---------------------------------------------

    def open_project(self, path: str | Path) -> bool:
        """Open a project (a file, or a postgresql:// URL) for editing; on failure show why
        and keep the current one."""
        project = self.project_session.open(path)
        if project is None:
            return False
        if project.login_annotator and project.login_annotator != self.annotator:
            # A server project with roles: the login role is who annotates here.
            self.annotator = project.login_annotator
            self.annotator_changed.emit(self.annotator)
        self.set_project(project)
        self.settings.last_project = remembered(path)  # a server's URL without a password
        self.project_session.announce()  # read-only? say so over the project it concerns
        return True

    def close_project(self) -> None:
        """Close the open project (releasing this window's claim on it)."""
        self.project_session.close()
        self.project = None
        self.current_document_id = None
        self.reading_view.clear()
        self.document_list.model.load(None, self.annotator)
        self.update_title()

    def set_project(self, project: Project) -> None:
        """Show ``project`` (opened by the project session) and open its first document."""
        self.project = project
        self.current_document_id = None
        self.reading_view.clear()
        self.reload()
        self.project_session.update_read_only()
        self.project_opened.emit()
        first = self.document_list.model.first_id()
        if first and self.current_document_id is None:  # none reopened where the user left
            self.document_list.select(first)
        # Keyboard-first: the keys an annotator presses next are meant for the text.
        self.reading_view.setFocus()

    def reload(self) -> None:
        """Re-read the project after a change made elsewhere (an import, a merge)."""
        current = self.current_document_id
        self.document_list.model.load(self.project, self.annotator)
        if current:
            self.document_list.select(current)
        self.update_title()
        self.reloaded.emit()

    def set_annotator(self, name: str) -> None:
        """Let another person annotate: remembered, announced, and the project re-read.

        The editing claim follows: a window read-only because this person already
        had the project open elsewhere may become editable for the new name.
        """
        if name == self.annotator:
            return
        self.annotator = self.settings.annotator = name
        self.project_session.switch_annotator(name)
        self.annotator_changed.emit(name)
        if self.project is not None:
            self.reload()  # statuses and annotations are per annotator
        else:
            self.update_title()

    def open_document(self, doc_id: str) -> None:
        """Show a document in the reading view."""
        if self.project is None or doc_id == self.current_document_id:
            return
        document = self.project.document(doc_id)
        self.current_document_id = doc_id
        self.reading_view.show_text(document.text)
        self._status_label.setText(self.tr("%n character(s)", "", len(document)))
        self.update_title()
        # Opened from another view (agreement, adjudication): the list follows. Its
        # document_activated comes back here and stops at the check above.
        if self.document_list.current_id() != doc_id:
            self.document_list.select(doc_id)
        self.document_opened.emit(doc_id)

    def new_project_dialog(self) -> None:
        """Ask for a file name and create an empty project there."""
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("New Project"), "", self._project_filter()
        )
        if not path:
            return
        if not path.endswith(PROJECT_SUFFIX):
            path += PROJECT_SUFFIX
        try:
            new_project(path).close()
        except AnnotatorError as exc:
            self.show_error(describe(exc))
            return
        self.open_project(path)

    def open_project_dialog(self) -> None:
        """Ask for a project file and open it."""
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open Project"), "", self._project_filter()
        )
        if path:
            self.open_project(path)

    def _project_filter(self) -> str:
        return fill(self.tr("annotator projects (%1)"), f"*{PROJECT_SUFFIX}")

    # -- messages -------------------------------------------------------------

    def show_error(self, message: str) -> None:
        """Tell the user at once that something failed (plain text, never HTML)."""
        log.warning("%s", message)
        box = QMessageBox(QMessageBox.Icon.Warning, "annotator", message, parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()

    def update_title(self) -> None:
        """Document, project, annotator and, when changes are not saved here, "read-only"."""
        parts = []
        # Titles and names are isolated: "300 مليون…" keeps its own direction in any interface.
        if self.project is not None and self.current_document_id is not None:
            parts.append(isolate(self.project.document(self.current_document_id).title))
        if self.project is not None:
            parts.append(isolate(self.project.name))
            if self.project.on_server:  # which server: two may hold projects of one name
                parts.append(isolate(str(self.project.path)))
        parts.append(f"{self.annotator} — annotator" if self.annotator else "annotator")
        title = " — ".join(parts)
        if self.project is not None and self.project.read_only:
            title = fill(self.tr("%1 [read-only]"), title)
        self.setWindowTitle(title)
        self._show_location()

    def _show_location(self) -> None:
        """A server project's location in the status bar (its URL, never a password)."""
        on_server = self.project is not None and self.project.on_server
        self._location_label.setVisible(on_server)
        if self.project is not None and on_server:
            self._location_label.setText(
                fill(self.tr("Server: %1"), isolate(str(self.project.path)))
            )

    def _remember_font_size(self, size: int) -> None:
        self.settings.font_size = size

    def _open_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_dir())))

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About annotator"),
            fill(
                self.tr("annotator %1\nAnnotation of Arabic news for entity and event extraction."),
                __version__,
            ),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        """Close the project cleanly (checkpointing its WAL) before the window goes."""
        self.project_session.close()
        self.project = None
        super().closeEvent(event)
