"""Review › Assign Documents…: distribute the project's documents among annotators.

The dialog only chooses; the assignment itself goes through the same service as
``annotator assign`` (one transaction). The preview is that service's own plan,
so what the dialog shows is what will be stored.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import ValidationError
from annotator.core.model import AnnotatorKind
from annotator.services.assignment import AssignmentPreview
from annotator.services.project import Project
from annotator.ui.bidi import isolate
from annotator.ui.i18n import fill

MAX_NAME_LENGTH = 64
DEFAULT_SHARE_PERCENT = 20
MAX_SEED = 2**31 - 1


@dataclass(frozen=True)
class AssignmentChoice:
    """What the user chose, in the terms of ``assign_documents``."""

    annotators: list[str]
    share: float
    seed: int
    every: bool
    replace: bool


class AssignDialog(QDialog):
    """Choose annotators and how to share the documents; shows the resulting workload."""

    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Assign Documents"))
        self._project = project
        self._not_people = {
            a.name for a in project.annotators() if a.kind is not AnnotatorKind.HUMAN
        }
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_annotators())
        layout.addWidget(self._build_mode())
        layout.addWidget(self._build_preview())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Assign"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(520, 560)
        self.refresh()

    # -- building ----------------------------------------------------------------

    def _build_annotators(self) -> QGroupBox:
        box = QGroupBox(self.tr("Annotators"), self)
        self.annotators = QListWidget(box)
        for annotator in self._project.annotators(AnnotatorKind.HUMAN):
            self._add_item(annotator.name)
        self.annotators.itemChanged.connect(self.refresh)
        self.new_name = QLineEdit(box)
        self.new_name.setMaxLength(MAX_NAME_LENGTH)
        self.new_name.setPlaceholderText(self.tr("New annotator's name"))
        # Enter in the name field adds the name instead of accepting the dialog.
        self.new_name.installEventFilter(self)
        self.add_button = QPushButton(self.tr("A&dd"), box)
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_name)
        row = QHBoxLayout()
        row.addWidget(self.new_name)
        row.addWidget(self.add_button)
        column = QVBoxLayout(box)
        column.addWidget(self.annotators)
        column.addLayout(row)
        return box

    def _build_mode(self) -> QGroupBox:
        box = QGroupBox(self.tr("Documents"), self)
        self.every = QRadioButton(self.tr("&Every document to every annotator"), box)
        self.split = QRadioButton(self.tr("S&plit the documents; annotate a share twice:"), box)
        self.split.setChecked(True)
        self.share = QSpinBox(box)
        self.share.setRange(0, 100)
        self.share.setSuffix("%")
        self.share.setValue(DEFAULT_SHARE_PERCENT)
        self.share.setToolTip(self.tr("Documents annotated by two annotators, for agreement"))
        self.seed = QSpinBox(box)
        self.seed.setRange(0, MAX_SEED)
        self.seed.setToolTip(self.tr("The same seed gives the same assignment"))
        self.replace = QCheckBox(self.tr("&Withdraw these annotators' earlier assignments"), box)
        split_row = QHBoxLayout()
        split_row.addWidget(self.split)
        split_row.addWidget(self.share)
        split_row.addStretch()
        seed_label = QLabel(self.tr("&Seed:"), box)
        seed_label.setBuddy(self.seed)
        seed_row = QHBoxLayout()
        seed_row.addWidget(seed_label)
        seed_row.addWidget(self.seed)
        seed_row.addStretch()
        column = QVBoxLayout(box)
        column.addWidget(self.every)
        column.addLayout(split_row)
        column.addLayout(seed_row)
        column.addWidget(self.replace)
        for signal in (self.every.toggled, self.share.valueChanged, self.seed.valueChanged,
                       self.replace.toggled):
            signal.connect(self.refresh)
        return box

    def _build_preview(self) -> QGroupBox:
        box = QGroupBox(self.tr("Preview"), self)
        self.preview = QTableWidget(0, 4, box)
        self.preview.setHorizontalHeaderLabels(
            [self.tr("Annotator"), self.tr("Before"), self.tr("This assignment"), self.tr("After")]
        )
        self.preview.setToolTip(
            self.tr("Documents assigned to each annotator now, by this assignment, and after it")
        )
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().hide()
        header = self.preview.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel(box)
        self.summary.setWordWrap(True)
        column = QVBoxLayout(box)
        column.addWidget(self.preview)
        column.addWidget(self.summary)
        return box

    def _add_item(self, name: str) -> QListWidgetItem:
        item = QListWidgetItem(name, self.annotators)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        return item

    # -- behaviour ---------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the name field adds the name."""
        if (
            watched is self.new_name
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.add_name()
            return True
        return super().eventFilter(watched, event)

    def add_name(self) -> None:
        """Add the typed name to the list, checked (an existing one is just checked)."""
        name = self.new_name.text().strip()
        if not name:
            return
        found = self.annotators.findItems(name, Qt.MatchFlag.MatchExactly)
        if found:
            found[0].setCheckState(Qt.CheckState.Checked)
        else:
            self._add_item(name)
        self.new_name.clear()
        self.refresh()

    def choice(self) -> AssignmentChoice:
        """The assignment as currently chosen."""
        names = [
            self.annotators.item(row).text()
            for row in range(self.annotators.count())
            if self.annotators.item(row).checkState() == Qt.CheckState.Checked
        ]
        every = self.every.isChecked()
        share = 0.0 if every else self.share.value() / 100
        return AssignmentChoice(names, share, self.seed.value(), every, self.replace.isChecked())

    def refresh(self) -> None:
        """Recompute the preview; Assign is enabled only for an assignment that can be made."""
        self.share.setEnabled(self.split.isChecked())
        problem, preview = self._preview()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(preview is not None)
        self.preview.setRowCount(0)
        if preview is None:
            self.summary.setText(problem)
            return
        for name, planned in preview.planned.items():
            row = self.preview.rowCount()
            self.preview.insertRow(row)
            self.preview.setItem(row, 0, QTableWidgetItem(name))
            counts = (preview.current[name], planned, preview.totals[name])
            for column, value in enumerate(counts, start=1):
                cell = QTableWidgetItem(str(value))
                cell.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.preview.setItem(row, column, cell)
        self.summary.setText(
            fill(
                self.tr("Documents in the project: %1 · annotated twice for agreement: %2"),
                preview.documents,
                preview.shared,
            )
        )

    def _preview(self) -> tuple[str, AssignmentPreview | None]:
        choice = self.choice()
        if not choice.annotators:
            return self.tr("Choose at least one annotator."), None
        not_people = [name for name in choice.annotators if name in self._not_people]
        if not_people:
            message = self.tr("%1 holds a model's or the gold annotations: only people can be "
                              "assigned.")
            return fill(message, isolate(not_people[0])), None
        if choice.share > 0 and len(choice.annotators) < 2:
            return self.tr("Annotating a share twice needs two or more annotators."), None
        try:
            preview = self._project.preview_assignment(
                choice.annotators, choice.share, choice.seed, choice.every,
                choice.replace,
            )
        except ValidationError as exc:
            return str(exc), None
        if not preview.documents:
            return self.tr("The project has no documents to assign."), None
        return "", preview
