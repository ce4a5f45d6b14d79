"""The Preferences dialog: annotator name, interface language, reading font, snapping, backups.

Everything is stored in AppSettings when the user presses OK, so it is remembered
across runs. The font and the annotator apply at once; the interface language
applies at the next start (widgets translate their labels when they are built).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QFont, QFontDatabase, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFontComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.ui.fonts import reading_font
from annotator.ui.i18n import LANGUAGES, SYSTEM, fill, interface_language
from annotator.ui.keys import standard_key
from annotator.ui.reading_view import MAX_FONT_SIZE, MIN_FONT_SIZE
from annotator.ui.settings import AppSettings
from annotator.ui.workspace.annotator_choice import usable_name

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

MAX_NAME_LENGTH = 64
MAX_BACKUPS = 100
PREVIEW_TEXT = "أعلنت وزارة الصحة في بغداد يوم الأحد عن افتتاح مستشفى جديد."


@dataclass(frozen=True)
class Preferences:
    """The values the dialog edits, each stored under the AppSettings attribute of its name."""

    annotator: str
    language: str
    font_family: str
    font_size: int
    word_snapping: bool
    backups_kept: int

    @classmethod
    def load(cls, settings: AppSettings, annotator: str = "") -> Preferences:
        """The stored values; ``annotator`` stands in for a name never stored."""
        values = {f.name: getattr(settings, f.name) for f in fields(cls)}
        return cls(**{**values, "annotator": values["annotator"] or annotator})

    @classmethod
    def defaults(cls, annotator: str) -> Preferences:
        """The values of a fresh installation (keeping the annotator's name)."""
        values = {f.name: vars(AppSettings)[f.name].default for f in fields(cls)}
        return cls(**{**values, "annotator": annotator})

    def save(self, settings: AppSettings) -> None:
        """Store every value."""
        for f in fields(self):
            setattr(settings, f.name, getattr(self, f.name))


class SettingsDialog(QDialog):
    """Edit the Preferences; ``preferences()`` holds what the user chose."""

    def __init__(
        self, settings: AppSettings, parent: QWidget | None = None, annotator: str = ""
    ) -> None:
        """``annotator``: the name in use, shown when none was ever stored (the login name)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self._settings = settings
        self._stored = Preferences.load(settings, annotator)
        self._build()
        self.set_preferences(self._stored)

    # -- building --------------------------------------------------------------

    def _build(self) -> None:
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(MAX_NAME_LENGTH)
        self.name_edit.setPlaceholderText(self.tr("Your name as it is stored with your work"))
        self.language_combo = QComboBox(self)
        system_name = LANGUAGES[interface_language(SYSTEM)]
        system = fill(self.tr("System language (%1)"), system_name)
        self.language_combo.addItem(system, SYSTEM)
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.language_note = QLabel(self)
        self.language_note.setWordWrap(True)
        # The note's room is there from the start (two lines, empty until a language is
        # picked): showing it must not move the OK button under the pointer.
        self.language_note.setMinimumHeight(2 * self.language_note.fontMetrics().lineSpacing())
        self.font_combo = QFontComboBox(self)
        self.font_combo.setWritingSystem(QFontDatabase.WritingSystem.Arabic)
        self.size_spin = QSpinBox(self)
        self.size_spin.setRange(MIN_FONT_SIZE, MAX_FONT_SIZE)
        self.size_spin.setSuffix(self.tr(" pt"))
        self.preview = QLabel(PREVIEW_TEXT, self)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.snapping_check = QCheckBox(self.tr("Extend selections to whole words"), self)
        self.backups_spin = QSpinBox(self)
        self.backups_spin.setRange(0, MAX_BACKUPS)
        self.backups_spin.setSpecialValueText(self.tr("None"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )
        self._lay_out()
        self._connect()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&Annotator name:"), self.name_edit)
        form.addRow(self.tr("Interface &language:"), self.language_combo)
        form.addRow("", self.language_note)
        form.addRow(self.tr("Reading &font:"), self.font_combo)
        form.addRow(self.tr("Font &size:"), self.size_spin)
        form.addRow("", self.preview)
        form.addRow(self.tr("Selection:"), self.snapping_check)
        form.addRow(self.tr("&Backups kept:"), self.backups_spin)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.name_edit.textChanged.connect(self._validate)
        self.language_combo.currentIndexChanged.connect(self._show_language_note)
        self.font_combo.currentFontChanged.connect(self._update_preview)
        self.size_spin.valueChanged.connect(self._update_preview)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        restore = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.clicked.connect(self.restore_defaults)

    # -- values ------------------------------------------------------------------

    def preferences(self) -> Preferences:
        """The values shown in the dialog."""
        return Preferences(
            annotator=self.name_edit.text().strip(),
            language=self.language_combo.currentData(),
            font_family=self.font_combo.currentFont().family(),
            font_size=self.size_spin.value(),
            word_snapping=self.snapping_check.isChecked(),
            backups_kept=self.backups_spin.value(),
        )

    def set_preferences(self, values: Preferences) -> None:
        """Show ``values`` in the fields."""
        self.name_edit.setText(values.annotator)
        index = self.language_combo.findData(values.language)
        self.language_combo.setCurrentIndex(max(index, 0))
        self.font_combo.setCurrentFont(QFont(values.font_family))
        self.size_spin.setValue(values.font_size)
        self.snapping_check.setChecked(values.word_snapping)
        self.backups_spin.setValue(values.backups_kept)
        self._show_language_note()
        self._update_preview()
        self._validate()

    def restore_defaults(self) -> None:
        """Reset every field but the annotator's name to the value of a fresh installation."""
        self.set_preferences(Preferences.defaults(self.name_edit.text()))

    def accept(self) -> None:
        """Store the values (only when the name is valid) and close."""
        if usable_name(self.preferences().annotator) is None:
            return
        self.preferences().save(self._settings)
        super().accept()

    def _validate(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        # Control characters (a pasted newline) would forge lines in lists and reports.
        ok.setEnabled(usable_name(self.name_edit.text()) is not None)

    def _show_language_note(self) -> None:
        changed = self.language_combo.currentData() != self._stored.language
        note = self.tr("The new language is used the next time annotator starts.")
        self.language_note.setText(note if changed else "")

    def _update_preview(self) -> None:
        family = self.font_combo.currentFont().family()
        self.preview.setFont(reading_font(family, self.size_spin.value()))


def apply_preferences(window: MainWindow, values: Preferences) -> None:
    """Make the main window show what the user chose (the language waits for a restart)."""
    window.reading_view.set_font_family(values.font_family)
    window.reading_view.set_font_size(values.font_size)
    window.set_annotator(values.annotator)
    window.settings_changed.emit()


def open_settings_dialog(window: MainWindow) -> SettingsDialog:
    """Show the dialog window-modal (it does not block the caller) and apply it on OK."""
    dialog = SettingsDialog(window.settings, window, window.annotator)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: apply_preferences(window, dialog.preferences()))
    dialog.open()
    return dialog


def install(window: MainWindow) -> QAction:
    """Add Edit > Preferences… (Ctrl+,) to the main window."""
    action = window.add_action(
        "edit",
        QCoreApplication.translate("SettingsDialog", "&Preferences…"),
        lambda: open_settings_dialog(window),
        standard_key(QKeySequence.StandardKey.Preferences, "Ctrl+,"),
    )
    action.setMenuRole(QAction.MenuRole.PreferencesRole)
    return action
