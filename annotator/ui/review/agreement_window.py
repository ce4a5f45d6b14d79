"""The agreement view: pair matrix, per-label figures, confusion, documents by disagreement."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.agreement import AgreementReport, PairFigures
from annotator.core.agreement.report import total
from annotator.core.errors import AnnotatorError
from annotator.services.agreement_export import (
    confusion_totals,
    label_rows,
    score_color,
    write_report,
)
from annotator.services.project import Project
from annotator.ui.background import run_job
from annotator.ui.i18n import fill
from annotator.ui.messages import describe
from annotator.ui.review.agreement_documents import AgreementDocumentsModel
from annotator.ui.review.effort_table import EffortTable

# Figures the pair matrix can show: (name, how to read it from a pair).
# The names are marked for lupdate; the combo box shows them translated.
PAIR_METRICS = {
    QT_TRANSLATE_NOOP("AgreementWindow", "Span F1 (exact)"): lambda p: total(p.exact).f1,
    QT_TRANSLATE_NOOP("AgreementWindow", "Span F1 (overlap)"): lambda p: total(p.overlap).f1,
    QT_TRANSLATE_NOOP("AgreementWindow", "Cohen's kappa (tokens)"): lambda p: p.cohen_kappa,
    QT_TRANSLATE_NOOP("AgreementWindow", "alpha-u (characters)"): lambda p: p.alpha_u,
    QT_TRANSLATE_NOOP("AgreementWindow", "Trigger F1"): lambda p: p.triggers.f1,
    QT_TRANSLATE_NOOP("AgreementWindow", "Argument F1"): lambda p: p.arguments.f1,
}


def _number(value: float | None, colour: bool = True) -> QTableWidgetItem:
    item = QTableWidgetItem("n/a" if value is None else f"{value:.3f}")
    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if colour:
        item.setBackground(QBrush(QColor(score_color(value))))
    return item


def _text(value: object) -> QTableWidgetItem:
    item = QTableWidgetItem(str(value))
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


class AgreementWindow(QWidget):
    """Shows a project's agreement report; ``document_chosen`` asks to review a document."""

    document_chosen = Signal(str)

    def __init__(self, show_error: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("agreement_window")
        self._show_error = show_error
        self.setWindowTitle(self.tr("Agreement"))
        self.project: Project | None = None
        self.report: AgreementReport | None = None
        self.annotators = QListWidget(self)
        self.annotators.setMaximumHeight(64)
        self.annotators.itemChanged.connect(lambda _item: self.refresh())
        self.pair_figure = QComboBox(self)
        for name in PAIR_METRICS:
            self.pair_figure.addItem(self.tr(name), name)
        self.pair_figure.currentIndexChanged.connect(lambda _i: self._fill_pairs())
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # errors name annotators, files
        self.summary.setWordWrap(True)
        self.pairs = QTableWidget(self)
        self.labels = QTableWidget(self)
        self.confusion = QTableWidget(self)
        self.documents_model = AgreementDocumentsModel(self)
        self.documents = QTableView(self)
        self.documents.setModel(self.documents_model)
        self.documents.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.documents.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.documents.setWordWrap(False)
        self.documents.verticalHeader().hide()
        header = self.documents.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(100)  # measure a sample, never 50,000 rows
        self.documents.activated.connect(self._document_activated)
        self.effort = EffortTable(self)
        self.tabs = QTabWidget(self)
        for widget, title in (
            (self.pairs, self.tr("Pairs")),
            (self.labels, self.tr("Labels")),
            (self.confusion, self.tr("Confusion")),
            (self.documents, self.tr("Documents")),
            (self.effort, self.tr("Speed")),
        ):
            self.tabs.addTab(widget, title)
        self._layout()
        self.resize(900, 640)

    def _layout(self) -> None:
        export_csv = QPushButton(self.tr("Export CSV…"), self)
        export_csv.clicked.connect(lambda: self.export_dialog("csv"))
        export_html = QPushButton(self.tr("Export HTML…"), self)
        export_html.clicked.connect(lambda: self.export_dialog("html"))
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Annotators:"), self))
        controls.addWidget(self.annotators, 1)
        controls.addWidget(QLabel(self.tr("Pair figure:"), self))
        controls.addWidget(self.pair_figure)
        controls.addWidget(export_csv)
        controls.addWidget(export_html)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)

    # -- data -------------------------------------------------------------------

    def set_project(self, project: Project | None) -> None:
        """Show the agreement of ``project``'s annotators (all people checked)."""
        self.project = project
        self.annotators.blockSignals(True)
        self.annotators.clear()
        for name in project.comparable_annotators() if project else []:
            item = QListWidgetItem(name, self.annotators)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        self.annotators.blockSignals(False)
        self.refresh()

    def chosen_annotators(self) -> list[str]:
        """The checked annotators, in list order."""
        items = (self.annotators.item(i) for i in range(self.annotators.count()))
        return [i.text() for i in items if i.checkState() == Qt.CheckState.Checked]

    def refresh(self) -> None:
        """Recompute the report for the checked annotators."""
        names = self.chosen_annotators()
        self.report = None
        project = self.project
        if project is not None and len(names) >= 2:
            try:
                self.report = run_job(
                    self,
                    self.tr("Computing agreement…"),
                    project,
                    # A document's own figures are read again later on the window's project.
                    lambda own, progress: own.agreement_read_again_by(project, names, progress),
                )
            except AnnotatorError as exc:
                self.summary.setText(describe(exc))
        if self.report is None and len(names) < 2:
            self.summary.setText(self.tr("Check at least two annotators."))
        elif self.report is not None:
            corpus = self.report.corpus
            self.summary.setText(fill(
                self.tr(
                    "%1 documents compared. Fleiss' kappa %2, Krippendorff's alpha %3, "
                    "alpha-u %4 (see README: How agreement is computed)."
                ),
                len(self.report.documents),
                _f(corpus.fleiss_kappa),
                _f(corpus.krippendorff_alpha),
                _f(corpus.alpha_u),
            ))
        self.effort.fill(self.project)
        self._fill_pairs()
        self._fill_labels()
        self._fill_confusion()
        self._fill_documents()

    def _fill_pairs(self) -> None:
        names = self.report.corpus.annotators if self.report else []
        read = PAIR_METRICS[self.pair_figure.currentData()]
        self.pairs.clear()
        self.pairs.setRowCount(len(names))
        self.pairs.setColumnCount(len(names))
        self.pairs.setHorizontalHeaderLabels(names)
        self.pairs.setVerticalHeaderLabels(names)
        for row, a in enumerate(names):
            for column, b in enumerate(names):
                if a == b:
                    self.pairs.setItem(row, column, _text("—"))
                    continue
                pair: PairFigures = self.report.corpus.pair(a, b)
                self.pairs.setItem(row, column, _number(read(pair)))
        self.pairs.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def _fill_labels(self) -> None:
        rows = label_rows(self.report.corpus) if self.report else []
        self.labels.clear()
        self.labels.setColumnCount(4)
        self.labels.setHorizontalHeaderLabels(
            [self.tr("Label"), self.tr("F1 exact"), self.tr("F1 overlap"), self.tr("alpha-u")]
        )
        self.labels.setRowCount(len(rows))
        for r, (label, exact, overlap, alpha_u) in enumerate(rows):
            self.labels.setItem(r, 0, _text(label))
            for c, value in enumerate((exact, overlap, alpha_u), start=1):
                self.labels.setItem(r, c, _number(value))
        self.labels.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def _fill_confusion(self) -> None:
        labels, cells = confusion_totals(self.report.corpus) if self.report else ([], {})
        self.confusion.clear()
        self.confusion.setRowCount(len(labels))
        self.confusion.setColumnCount(len(labels))
        self.confusion.setHorizontalHeaderLabels(labels)
        self.confusion.setVerticalHeaderLabels(labels)
        for r, a in enumerate(labels):
            for c, b in enumerate(labels):
                n = cells.get((a, b), 0)
                item = _text(n if n else "")
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if n:
                    item.setBackground(QBrush(QColor("#cfe8cf" if a == b else "#f4c7c3")))
                self.confusion.setItem(r, c, item)
        self.confusion.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.confusion.setToolTip(self.tr("Rows: first annotator of each pair; columns: second."))

    def _fill_documents(self) -> None:
        self.documents_model.set_report(self.report)

    def _document_activated(self, index: QModelIndex) -> None:
        doc_id = index.siblingAtColumn(0).data(AgreementDocumentsModel.ID_ROLE)
        if doc_id is not None:
            self.document_chosen.emit(doc_id)

    # -- export -----------------------------------------------------------------

    def export_dialog(self, kind: str) -> None:
        """Ask for a file and write the report there (CSV or self-contained HTML)."""
        if self.report is None:
            return
        pattern = "HTML (*.html)" if kind == "html" else "CSV (*.csv)"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export Report"), "", pattern)
        if path:
            self.export(Path(path).with_suffix(f".{kind}"))

    def export(self, path: Path) -> None:
        """Write the current report to ``path`` (the suffix chooses HTML or CSV)."""
        if self.report is None:
            return
        title = fill(self.tr("Agreement — %1"), self.project.name if self.project else "")
        try:
            write_report(self.report, path, title)
        except AnnotatorError as exc:
            self._show_error(describe(exc))


def _f(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"
