"""File > Import…, Import Folder…, Export…, and dropping files onto the window.

Long jobs run on a worker thread with a connection of their own (ui.background),
behind a progress dialog whose Cancel rolls the import back (or leaves no export
file); the window stays usable meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

from annotator.core.errors import AnnotatorError
from annotator.services.project import PROJECT_SUFFIX, Project
from annotator.ui.background import Progress, run_job
from annotator.ui.messages import (
    describe,
    export_details,
    export_summary,
    import_details,
    import_summary,
)

T = TypeVar("T")

if TYPE_CHECKING:
    from annotator.services.exporting import ExportOptions
    from annotator.ui.main_window import MainWindow

IMPORT_FILTER = QT_TRANSLATE_NOOP(
    "ImportExport",
    "Texts, JSONL, CoNLL (*.txt *.jsonl *.ndjson *.json *.conll *.bio *.iob);;All files (*)",
)
EXPORT_SUFFIXES = {
    "jsonl": ".jsonl",
    "doccano": ".jsonl",
    "spacy": ".jsonl",
    "conll": ".conll",
    "events": ".jsonl",
}


def install(window: MainWindow) -> ImportExport:
    """Add import and export to ``window``'s File menu and accept dropped files."""
    return ImportExport(window)


class ImportExport(QObject):
    """The import/export feature of one main window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        menu = window.menu("file")
        before = next((a for a in menu.actions() if a.isSeparator()), None)
        self.import_files_action = window.add_action(
            "file", self.tr("&Import Files…"), self.import_files_dialog, "Ctrl+I"
        )
        self.import_folder_action = window.add_action(
            "file", self.tr("Import &Folder…"), self.import_folder_dialog
        )
        self.export_action = window.add_action(
            "file", self.tr("&Export…"), self.export_dialog, "Ctrl+E"
        )
        actions = [self.import_files_action, self.import_folder_action, self.export_action]
        if before is not None:  # keep Quit last: move ours above the separator
            for action in actions:
                menu.removeAction(action)
            menu.insertActions(before, actions)
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    # -- import ------------------------------------------------------------

    def import_files_dialog(self) -> None:
        """Ask for files, then import them."""
        paths, _ = QFileDialog.getOpenFileNames(
            self.window, self.tr("Import Files"), "", self.tr(IMPORT_FILTER)
        )
        if paths:
            self.import_paths([Path(p) for p in paths])

    def import_folder_dialog(self) -> None:
        """Ask for a folder, then import its texts and JSONL files (recursively)."""
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Import Folder"))
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> None:
        """Ask for the import options, import with a progress dialog, and report."""
        project = self.window.project
        if project is None:
            self.window.show_error(self.tr("Open or create a project first."))
            return
        # Imported here, as the export below: opening the window needs neither module.
        from annotator.services.importing import ImportCancelled
        from annotator.ui.import_export_dialogs import ImportOptionsDialog

        dialog = ImportOptionsDialog(self.window)
        if not dialog.exec():
            return
        options = dialog.options()
        report = self._with_progress(
            self.tr("Importing…"),
            lambda own, progress: own.import_paths(paths, options, progress=progress),
            ImportCancelled,
            self.tr("Import cancelled; nothing changed."),
        )
        if report is None:
            return
        self._show_imported()
        summary, details = import_summary(report), import_details(report)
        self.window.statusBar().showMessage(summary)
        if details:
            self._show_details(summary, details)

    def _with_progress(
        self,
        title: str,
        job: Callable[[Project, Progress], T],
        cancelled: type[Exception],
        cancelled_message: str,
    ) -> T | None:
        """Run ``job(own_project, progress)`` in the background; None when cancelled or failed.

        A failure is shown at once; a cancel (which leaves everything unchanged) is
        said in the status bar.
        """
        assert self.window.project is not None
        try:
            return run_job(self.window, title, self.window.project, job)
        except cancelled:
            self.window.statusBar().showMessage(cancelled_message)
        except AnnotatorError as exc:
            self.window.show_error(describe(exc))
        return None

    def _show_imported(self) -> None:
        """Refresh the list; in a project that showed nothing yet, open the first document."""
        self.window.reload()
        first = self.window.document_list.model.first_id()
        if self.window.current_document_id is None and first:
            self.window.document_list.select(first)

    # -- export ------------------------------------------------------------

    def export_dialog(self) -> None:
        """Ask for format, filters and target, then export with a progress dialog."""
        project = self.window.project
        if project is None:
            self.window.show_error(self.tr("Open or create a project first."))
            return
        from annotator.services.exporting import ExportCancelled
        from annotator.ui.import_export_dialogs import ExportOptionsDialog

        annotators = [a.name for a in project.annotators()]
        labels = project.schema.entity_keys + project.schema.event_keys
        dialog = ExportOptionsDialog(self.window, annotators, labels)
        if not dialog.exec():
            return
        options = dialog.options()
        target = self._ask_target(options)
        if target is None:
            return
        report = self._with_progress(
            self.tr("Exporting…"),
            lambda own, progress: own.export(options, target, progress=progress),
            ExportCancelled,
            self.tr("Export cancelled; nothing written."),
        )
        if report is None:
            return
        summary, warnings = export_summary(report, target), export_details(report)
        self.window.statusBar().showMessage(summary)
        if warnings:
            self._show_details(summary, warnings)

    def _ask_target(self, options: ExportOptions) -> Path | None:
        suffix = "" if options.writes_folder else EXPORT_SUFFIXES.get(options.format, "")
        title = self.tr("Export to folder") if options.writes_folder else self.tr("Export")
        stem = self.window.project.path.stem if self.window.project else "export"
        path, _ = QFileDialog.getSaveFileName(self.window, title, f"{stem}{suffix}")
        if not path:
            return None
        target = Path(path)
        return target if target.suffix or not suffix else target.with_suffix(suffix)

    # -- drag and drop -----------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Accept files dragged onto the window and import them when dropped."""
        kind = event.type()
        if watched is not self.window or kind not in (QEvent.Type.DragEnter, QEvent.Type.Drop):
            return super().eventFilter(watched, event)
        paths = _importable(event)  # type: ignore[arg-type]
        if not paths:
            return super().eventFilter(watched, event)
        event.acceptProposedAction()  # type: ignore[attr-defined]
        if kind == QEvent.Type.Drop:
            # Leave the drop handler first: the drag source waits until it returns.
            QTimer.singleShot(0, lambda: self.import_paths(paths))
        return True

    # -- helpers -----------------------------------------------------------

    def _show_details(self, summary: str, details: list[str]) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, "annotator", summary, parent=self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(self.tr("%n item(s) to review; see the details.", "", len(details)))
        box.setDetailedText("\n".join(details))
        box.exec()


def _importable(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """The local files and folders being dragged, except project files."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if p.suffix != PROJECT_SUFFIX]
