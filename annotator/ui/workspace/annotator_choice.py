"""Who is annotating: asked on first run, remembered, switchable from the File menu."""

from __future__ import annotations

import getpass

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from annotator.core.errors import ValidationError
from annotator.core.model import check_annotator_name
from annotator.ui.i18n import translate
from annotator.ui.settings import AppSettings


def ask_annotator(parent: QWidget | None, current: str = "") -> str | None:
    """Ask for the annotator's name; None when cancelled or left empty."""
    name, ok = QInputDialog.getText(
        parent,
        translate("Workspace", "Annotator"),
        translate("Workspace", "Your name as an annotator (your annotations are kept under it):"),
        QLineEdit.EchoMode.Normal,
        current or getpass.getuser(),
    )
    if not ok or not name.strip():
        return None
    try:
        return check_annotator_name(name)
    except ValidationError as exc:  # a pasted newline or control character
        QMessageBox.warning(parent, translate("Workspace", "Annotator"), str(exc))
        return None


def usable_name(name: str | None) -> str | None:
    """``name`` stripped if it can be an annotator's name (no control characters), else None."""
    try:
        return check_annotator_name(name)
    except ValidationError:
        return None


def current_annotator(settings: AppSettings) -> str:
    """The remembered annotator; on first run (or a name edited badly by hand) ask,
    falling back to the login name."""
    remembered = usable_name(settings.annotator)
    if remembered:
        return remembered
    name = ask_annotator(None) or usable_name(getpass.getuser()) or "annotator"
    settings.annotator = name
    return name
