"""File › Open Server Project…: a project on a team server, named by its URL or by fields.

The URL and the fields (server, port, database, user name) are two views of one
location: typing in either updates the other. A password is never asked for:
libpq reads it from ~/.pgpass, the file PGPASSFILE names, or a service file; one
typed into the URL is used for this session only (the window remembers the URL
without it, see ui.recent_projects).
"""

from __future__ import annotations

from dataclasses import astuple
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QIntValidator
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import ProjectError
from annotator.core.server_url_fields import DEFAULT_PORT, ServerFields, fields_of, url_of
from annotator.core.server_urls import ServerLocation, is_server_url
from annotator.ui.i18n import translate
from annotator.ui.plain_text import plain_label

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

URL_EXAMPLE = "postgresql://amal@annotation.example.org/news"


class OpenServerDialog(QDialog):
    """Asks where a server project is; ``url()`` is the answer (it may hold a password)."""

    def __init__(self, parent: QWidget | None = None, url: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open Server Project"))
        self.url_edit = self._line_edit(URL_EXAMPLE)
        self.host_edit = self._line_edit("annotation.example.org")
        self.port_edit = self._line_edit(str(DEFAULT_PORT))
        self.port_edit.setValidator(QIntValidator(1, 65535, self))
        self.database_edit = self._line_edit("news")
        self.user_edit = self._line_edit("amal")
        self.problem = plain_label("", self)
        self.problem.setStyleSheet("color: #a40000;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self.url_edit.textEdited.connect(self._url_edited)
        for edit in self._field_edits():
            edit.textEdited.connect(self._field_edited)
        self.url_edit.setText(url)
        self._url_edited(url)
        self.setMinimumWidth(560)

    def _line_edit(self, example: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(example)
        # URLs, host and user names read left to right in an Arabic interface too.
        edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        return edit

    def _field_edits(self) -> tuple[QLineEdit, ...]:
        return (self.host_edit, self.port_edit, self.database_edit, self.user_edit)

    def _lay_out(self) -> None:
        intro = QLabel(
            self.tr("A project on a team server is a PostgreSQL database. Give its URL, or "
                    "the server and the database; each fills in the other."),
            self,
        )
        form = QFormLayout()
        form.addRow(self.tr("&URL:"), self.url_edit)
        form.addRow(self.tr("&Server:"), self.host_edit)
        form.addRow(self.tr("&Port:"), self.port_edit)
        form.addRow(self.tr("&Database:"), self.database_edit)
        form.addRow(self.tr("User &name:"), self.user_edit)
        password = QLabel(
            self.tr("annotator never asks for nor stores your password. PostgreSQL reads it "
                    "from ~/.pgpass (%APPDATA%\\postgresql\\pgpass.conf on Windows), from the "
                    "file the PGPASSFILE variable names, or from a service file "
                    "(pg_service.conf). A password typed into the URL is used for this "
                    "session only: it is not saved, not even in the recent projects."),
            self,
        )
        password.setObjectName("password_note")
        for label in (intro, password, self.problem):
            label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(password)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    # -- the two views of one URL -------------------------------------------------------

    def url(self) -> str:
        """The URL as typed (with any password in it: for this session only)."""
        return self.url_edit.text().strip()

    def fields(self) -> ServerFields:
        """What the fields say."""
        host, port, database, user = (edit.text() for edit in self._field_edits())
        return ServerFields(host, port, database, user)

    def _url_edited(self, text: str) -> None:
        for edit, value in zip(self._field_edits(), astuple(fields_of(text.strip())), strict=True):
            edit.setText(value)
        self._validate()

    def _field_edited(self) -> None:
        self.url_edit.setText(url_of(self.fields(), keep_of=self.url()))
        self._validate()

    def _validate(self) -> None:
        """Enable Open for a URL naming a database; say what is missing otherwise."""
        problem = self._problem()
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.open_button().setEnabled(not problem)

    def _problem(self) -> str:
        text = self.url()
        if not text:
            return self.tr("Give the URL, or the server and the database.")
        if not is_server_url(text):
            return self.tr("A server project's URL begins with postgresql://")
        try:
            ServerLocation(text)
        except ProjectError:
            return self.tr("The URL names no database.")
        return ""

    def open_button(self) -> QPushButton:
        """The Open button (enabled once the URL names a database)."""
        return self.buttons.button(QDialogButtonBox.StandardButton.Open)


def open_server_project_dialog(window: MainWindow) -> OpenServerDialog:
    """Ask for a server project (window-modal) and open it in ``window`` when accepted.

    The dialog starts from the server project opened last, so the next database on
    the same server is a few keys away.
    """
    dialog = OpenServerDialog(window, _last_server_url(window))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: window.open_project(dialog.url()))
    dialog.open()
    return dialog


def _last_server_url(window: MainWindow) -> str:
    recent = getattr(window, "recent_projects", None)
    urls = [entry for entry in (recent.entries() if recent else []) if is_server_url(entry)]
    return urls[0] if urls else ""


def install(window: MainWindow) -> QAction:
    """Add File › Open Server Project… right after Open Project…."""
    action = window.add_action(
        "file",
        translate("OpenServerDialog", "Open &Server Project…"),
        lambda: open_server_project_dialog(window),
        "Ctrl+Shift+O",
    )
    file_menu = window.menu("file")
    actions = file_menu.actions()
    file_menu.removeAction(action)
    file_menu.insertAction(actions[actions.index(window.open_action) + 1], action)
    window.open_server_action = action
    return action
