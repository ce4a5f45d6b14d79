"""File › Restore from Backup…: choose one of the project's backups and restore it.

The list shows when each backup was taken, its size and whether it passes the
integrity check (a damaged one cannot be chosen). Restoring closes the project
in this window first (the restore refuses while a window edits it), then opens
the restored project. A project that is damaged when opened offers its latest
good backup straight from the error message.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.services.backups import BackupInfo, backups_of, is_intact, restore_project
from annotator.ui.bidi import isolate
from annotator.ui.i18n import fill
from annotator.ui.messages import describe
from annotator.ui.plain_text import as_tooltip, plain_label

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow


translate = QCoreApplication.translate


class RestoreDialog(QDialog):
    """Lists the backups of ``project``, newest first; ``chosen()`` is the selected one."""

    WHEN, SIZE, STATE, NAME = range(4)

    def __init__(self, project: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from Backup"))
        self.backups: list[BackupInfo] = backups_of(project)
        self.intact = [is_intact(b.path) for b in self.backups]
        explanation = self.tr(
            "Restoring replaces %1 with the backup you choose. Its current state is backed "
            "up first, so you can go back to it the same way."
        )
        explanation = fill(explanation, isolate(project.name))
        self.explanation = plain_label(explanation, self)
        self.explanation.setWordWrap(True)
        self.table = self._build_table()
        self.empty = plain_label(self.tr("This project has no backups yet."), self)
        self.empty.setVisible(not self.backups)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.restore_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.restore_button.setText(self.tr("&Restore"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(self._update_button)
        self.table.itemDoubleClicked.connect(lambda _item: self._accept_if_possible())
        layout = QVBoxLayout(self)
        for widget in (self.explanation, self.table, self.empty, self.buttons):
            layout.addWidget(widget)
        good = next((row for row, ok in enumerate(self.intact) if ok), None)
        if good is not None:
            self.table.selectRow(good)
        self._update_button()
        self.resize(720, 360)

    def _build_table(self) -> QTableWidget:
        table = QTableWidget(len(self.backups), 4, self)
        table.setHorizontalHeaderLabels(
            [self.tr("Taken"), self.tr("Size"), self.tr("State"), self.tr("File")]
        )
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        for row, (backup, ok) in enumerate(zip(self.backups, self.intact, strict=True)):
            when = backup.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            size = fill(self.tr("%1 KB"), f"{backup.size / 1024:,.0f}")
            state = self.tr("intact") if ok else self.tr("damaged: cannot be restored")
            for column, text in enumerate((when, size, state, backup.path.name)):
                item = QTableWidgetItem(text)
                if not ok:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                    item.setForeground(Qt.GlobalColor.darkRed)
                table.setItem(row, column, item)
            table.item(row, self.SIZE).setTextAlignment(
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            )
            table.item(row, self.NAME).setToolTip(as_tooltip(str(backup.path)))
        return table

    def chosen(self) -> BackupInfo | None:
        """The selected backup, if it is intact."""
        rows = self.table.selectionModel().selectedRows()
        if not rows or not self.intact[rows[0].row()]:
            return None
        return self.backups[rows[0].row()]

    def _update_button(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)

    def _accept_if_possible(self) -> None:
        if self.chosen() is not None:
            self.accept()


def restore_into_window(window: MainWindow, project: Path, backup: Path | None) -> bool:
    """Restore ``project`` from ``backup`` (None: the latest good one) and open it in ``window``.

    The window's own claim is released first; if the restore is refused (another
    window edits the project) the project is opened again as it was.
    """
    window.close_project()
    try:
        restore_project(project, backup, keep=max(1, window.settings.backups_kept))
    except AnnotatorError as exc:
        _not_restored(window, exc)
        window.open_project(project)
        return False
    if window.open_project(project):
        done = translate("RestoreDialog", "Restored from the backup.")
        window.statusBar().showMessage(done, 5000)
        return True
    return False


def open_restore_dialog(window: MainWindow) -> RestoreDialog | None:
    """Show the backups of the open project (window-modal) and restore the chosen one."""
    if window.project is None or window.project.on_server:
        return None
    project = window.project.path
    opened = window.project_session.opened
    if opened is not None:
        _ = opened.backup  # the list includes the backup the opening is still writing
    dialog = RestoreDialog(project, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def restore() -> None:
        chosen = dialog.chosen()
        if chosen is not None:
            restore_into_window(window, project, chosen.path)

    dialog.accepted.connect(restore)
    dialog.open()
    return dialog


def offer_restore_of_damaged(window: MainWindow, project: Path, message: str) -> bool:
    """Tell the user ``project`` is damaged; restore its latest good backup if they choose.

    Returns True when a backup was restored (the caller then opens the project).
    """
    box = QMessageBox(QMessageBox.Icon.Critical, "annotator", message, parent=window)
    box.setTextFormat(Qt.TextFormat.PlainText)
    restore = None
    if any(is_intact(b.path) for b in backups_of(project)):
        restore = box.addButton(
            translate("RestoreDialog", "Restore the Latest Good Backup"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Cancel))
    box.exec()
    if restore is None or box.clickedButton() is not restore:
        return False
    try:
        restore_project(project, keep=max(1, window.settings.backups_kept))
    except AnnotatorError as exc:
        _not_restored(window, exc)
        return False
    return True


def _not_restored(window: MainWindow, error: AnnotatorError) -> None:
    window.show_error(
        fill(translate("RestoreDialog", "Nothing was restored: %1"), describe(error))
    )


def install(window: MainWindow) -> QAction:
    """Add File › Restore from Backup… to the main window."""
    text = translate("RestoreDialog", "&Restore from Backup…")
    action = window.add_action("file", text, lambda: open_restore_dialog(window))
    # Beside the project actions: right after Open Project….
    file_menu = window.menu("file")
    actions = file_menu.actions()
    file_menu.removeAction(action)
    file_menu.insertAction(actions[actions.index(window.open_action) + 1], action)

    def follow_project() -> None:
        # A server project has no backups to restore in place (annotator backups URL
        # lists the copies taken on this computer; annotator copy restores one).
        on_server = window.project is not None and window.project.on_server
        action.setEnabled(not on_server)
        action.setStatusTip(translate(
            "RestoreDialog", "A server project is restored by its server's administrator."
        ) if on_server else "")  # fmt: skip

    window.project_opened.connect(follow_project)
    return action
