"""Who is annotating: asked on first run, remembered, switchable from the File menu."""

from __future__ import annotations

import getpass

from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

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
    name = name.strip() if ok else ""
    return name or None


def current_annotator(settings: AppSettings) -> str:
    """The remembered annotator; on first run ask (falling back to the login name)."""
    if settings.annotator:
        return settings.annotator
    name = ask_annotator(None) or getpass.getuser()
    settings.annotator = name
    return name
