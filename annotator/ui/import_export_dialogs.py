"""The option dialogs of File > Import and File > Export. No logic beyond the form."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import AnnotatorKind, Status
from annotator.core.splits import DEFAULT_SPLIT
from annotator.services.exporting import FORMATS, UTF16_FORMATS, ExportFilter, ExportOptions
from annotator.services.importing import DEFAULT_ANNOTATOR, ImportOptions
from annotator.ui.i18n import fill

# The dialogs are plain classes: their strings are translated in the feature's context,
# "ImportExport", spelled out at each call because lupdate reads only a literal context.
translate = QCoreApplication.translate
ENCODINGS = (
    (QT_TRANSLATE_NOOP("ImportExport", "Detect (UTF-8, UTF-16, Windows-1256)"), None),
    ("UTF-8", "utf-8"),
    ("UTF-16", "utf-16"),
    (QT_TRANSLATE_NOOP("ImportExport", "Windows-1256 (Arabic)"), "windows-1256"),
    (QT_TRANSLATE_NOOP("ImportExport", "ISO-8859-6 (Arabic)"), "iso-8859-6"),
)
FORMAT_NAMES = {
    "jsonl": QT_TRANSLATE_NOOP("ImportExport", "annotator JSONL (entities and events)"),
    "doccano": "doccano JSONL",
    "spacy": QT_TRANSLATE_NOOP("ImportExport", "spaCy / Prodigy JSONL (tokens and spans)"),
    "conll": "CoNLL BIO",
    "hf": QT_TRANSLATE_NOOP("ImportExport", "Hugging Face datasets (folder, token tags)"),
    "events": QT_TRANSLATE_NOOP("ImportExport", "Events, one sentence per line (ACE05-E style)"),
    "brat": QT_TRANSLATE_NOOP("ImportExport", "brat standoff (folder)"),
}
TOKEN_FORMATS = ("spacy", "conll", "hf", "events")


def _form_dialog(parent: QWidget, title: str) -> tuple[QDialog, QFormLayout]:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    form = QFormLayout()
    layout.addLayout(form)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return dialog, form


class ImportOptionsDialog:
    """Asks whose pre-annotations these are, the encoding, and whether to skip bad lines."""

    def __init__(self, parent: QWidget) -> None:
        self.dialog, form = _form_dialog(parent, translate("ImportExport", "Import"))
        # Empty: each line's own annotator (a re-imported export keeps its people),
        # else the default; a name given here takes every pre-annotation.
        self.annotator = QLineEdit(self.dialog)
        self.annotator.setPlaceholderText(
            fill(translate("ImportExport", "as in the files, else %1"), DEFAULT_ANNOTATOR)
        )
        self.annotator.setToolTip(
            translate(
                "ImportExport", "Pre-annotations in the files are attributed to this annotator"
            )
        )
        self.is_model = QCheckBox(translate("ImportExport", "Predictions of a model"), self.dialog)
        self.is_model.setChecked(True)
        self.encoding = QComboBox(self.dialog)
        for label, value in ENCODINGS:
            self.encoding.addItem(translate("ImportExport", label), value)
        self.skip_invalid = QCheckBox(
            translate("ImportExport", "Skip invalid lines (and list them)"), self.dialog
        )
        form.addRow(translate("ImportExport", "Annotator:"), self.annotator)
        form.addRow("", self.is_model)
        form.addRow(translate("ImportExport", "Text encoding:"), self.encoding)
        form.addRow("", self.skip_invalid)

    def exec(self) -> bool:
        """Show the dialog; True when the user chose OK."""
        return self.dialog.exec() == QDialog.DialogCode.Accepted

    def options(self) -> ImportOptions:
        """The options as chosen."""
        return ImportOptions(
            annotator=self.annotator.text().strip() or None,
            kind=AnnotatorKind.MODEL if self.is_model.isChecked() else AnnotatorKind.HUMAN,
            encoding=self.encoding.currentData(),
            skip_invalid=self.skip_invalid.isChecked(),
        )


class ExportOptionsDialog:
    """Asks for the format and the filters of an export."""

    def __init__(self, parent: QWidget, annotators: list[str], labels: list[str]) -> None:
        self.dialog, form = _form_dialog(parent, translate("ImportExport", "Export"))
        self.format = QComboBox(self.dialog)
        for key in FORMATS:
            self.format.addItem(translate("ImportExport", FORMAT_NAMES[key]), key)
        self.records = QComboBox(self.dialog)
        self.records.addItem(
            translate("ImportExport", "Training data: one finished version per document"), False
        )
        self.records.addItem(
            translate("ImportExport", "Everything: every document and annotator"), True
        )
        self.records.setToolTip(
            translate(
                "ImportExport",
                "Training data holds each document once: the gold where it exists, else the "
                "chosen annotator's finished work.",
            )
        )
        self.split = QLineEdit(self.dialog)
        self.split.setPlaceholderText(translate("ImportExport", "none (e.g. %1)").replace(
            "%1", DEFAULT_SPLIT))  # fmt: skip
        self.split.setToolTip(
            translate(
                "ImportExport",
                "Divide the documents into splits; each document keeps its split in every "
                "later export.",
            )
        )
        self.seed = QSpinBox(self.dialog)
        self.seed.setRange(0, 1_000_000)
        self.docstart = QCheckBox(
            translate("ImportExport", "Start each document with -DOCSTART- (CoNLL-2003)"),
            self.dialog,
        )
        self.docstart.setChecked(True)
        self.annotator = self._combo(translate("ImportExport", "All annotators"), annotators)
        self.status = self._combo(
            translate("ImportExport", "Any status"), [s.value for s in Status]
        )
        self.label = self._combo(translate("ImportExport", "All labels"), labels)
        self.utf16 = QCheckBox(
            translate("ImportExport", "Add UTF-16 offsets (for JavaScript)"), self.dialog
        )
        clitics = translate(
            "ImportExport", "Split proclitics (wa-, fa-, bi-, ka-, li-) off words with the article"
        )
        self.split_clitics = QCheckBox(clitics, self.dialog)
        form.addRow(translate("ImportExport", "Format:"), self.format)
        form.addRow(translate("ImportExport", "Records:"), self.records)
        form.addRow(translate("ImportExport", "Annotator:"), self.annotator)
        form.addRow(translate("ImportExport", "Status:"), self.status)
        form.addRow(translate("ImportExport", "Label:"), self.label)
        form.addRow(translate("ImportExport", "Splits:"), self.split)
        form.addRow(translate("ImportExport", "Seed:"), self.seed)
        form.addRow("", self.utf16)
        form.addRow("", self.split_clitics)
        form.addRow("", self.docstart)
        self.format.currentIndexChanged.connect(self._enable_options)
        self.records.currentIndexChanged.connect(self._enable_options)
        self._enable_options()

    def _combo(self, everything: str, values: list[str]) -> QComboBox:
        combo = QComboBox(self.dialog)
        combo.addItem(everything, None)
        for value in values:
            combo.addItem(value, value)
        return combo

    def _enable_options(self) -> None:
        fmt = self.format.currentData()
        self.utf16.setEnabled(fmt in UTF16_FORMATS)
        self.split_clitics.setEnabled(fmt in TOKEN_FORMATS)
        self.docstart.setEnabled(fmt == "conll")
        # A training export takes finished work; the status filter is for the full dump.
        self.status.setEnabled(bool(self.records.currentData()))

    def exec(self) -> bool:
        """Show the dialog; True when the user chose OK."""
        return self.dialog.exec() == QDialog.DialogCode.Accepted

    def options(self) -> ExportOptions:
        """The options as chosen (options the format cannot use are left off)."""
        fmt = self.format.currentData()
        full_dump = bool(self.records.currentData())
        status = self.status.currentData() if full_dump else None
        return ExportOptions(
            format=fmt,
            filter=ExportFilter(
                annotators=[self.annotator.currentData()] if self.annotator.currentData() else None,
                statuses=[Status(status)] if status else None,
                labels=[self.label.currentData()] if self.label.currentData() else None,
                full_dump=full_dump,
            ),
            utf16=self.utf16.isChecked() and fmt in UTF16_FORMATS,
            split_clitics=self.split_clitics.isChecked() and fmt in TOKEN_FORMATS,
            split=self.split.text().strip() or None,
            seed=self.seed.value(),
            docstart="conll2003" if self.docstart.isChecked() else "none",
        )
