"""Review › Progress: documents per status for every annotator, their work and time spent.

More than the document list's "Done x/N": a row per annotator (people, then models
and gold) with their documents new, in progress, done and skipped, a bar of the
share done, their spans and events, the time worked (estimated from the times of
their edits, see services/progress.py) and their last change.
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QLocale, Qt, QTimeZone
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import Status
from annotator.services.progress import AnnotatorProgress, ProjectProgress
from annotator.services.project import Project
from annotator.ui.bidi import isolate
from annotator.ui.i18n import fill

STATUS_COLUMNS = (Status.NEW, Status.IN_PROGRESS, Status.DONE, Status.SKIPPED)


class ProgressWindow(QWidget):
    """The progress table of one project, re-read each time it is shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("progress_window")
        self.setWindowTitle(self.tr("Progress"))
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(self)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        headers = [
            self.tr("Annotator"), self.tr("New"), self.tr("In progress"), self.tr("Done"),
            self.tr("Skipped"), self.tr("Share done"), self.tr("Spans"), self.tr("Events"),
            self.tr("Time worked"), self.tr("Last change"),
        ]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.progress: ProjectProgress | None = None
        self.resize(980, 360)

    def set_project(self, project: Project | None) -> None:
        """Read the progress of ``project`` and show it."""
        self.progress = project.project_progress() if project is not None else None
        self.table.setRowCount(0)
        if self.progress is None:
            self.summary.clear()
            return
        documents = self.progress.documents
        people = [a for a in self.progress.annotators if a.kind.value == "human"]
        done_by_all = min((a.done for a in people), default=0)
        self.summary.setText(
            self.tr("%n document(s)", "", documents)
            + " · "
            + fill(self.tr("done by every annotator: %1"), done_by_all)
        )
        for row, annotator in enumerate(self.progress.annotators):
            self.table.insertRow(row)
            self._fill_row(row, annotator, documents)

    def _fill_row(self, row: int, annotator: AnnotatorProgress, documents: int) -> None:
        cells = [isolate(annotator.name)]
        cells += [str(annotator.statuses.get(status, 0)) for status in STATUS_COLUMNS]
        cells += ["", str(annotator.spans), str(annotator.events)]
        cells += [self.duration(annotator.seconds), self.when(annotator)]
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if 0 < column < len(cells) - 2:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(row, column, item)
        bar = QProgressBar(self.table)
        bar.setRange(0, max(documents, 1))
        bar.setValue(annotator.done)
        bar.setFormat(fill(self.tr("%1 of %2"), annotator.done, documents))
        self.table.setCellWidget(row, 5, bar)

    def duration(self, seconds: float) -> str:
        """"2 h 05 min" or "12 min"."""
        minutes = round(seconds / 60)
        if minutes < 60:
            return self.tr("%n min", "", minutes)
        return fill(self.tr("%1 h %2 min"), minutes // 60, f"{minutes % 60:02d}")

    def when(self, annotator: AnnotatorProgress) -> str:
        """The last change in local time, in the interface's date format."""
        if annotator.last_change is None:
            return ""
        moment = QDateTime.fromSecsSinceEpoch(
            int(annotator.last_change.timestamp()), QTimeZone.utc()
        ).toLocalTime()
        return QLocale().toString(moment, QLocale.FormatType.ShortFormat)
