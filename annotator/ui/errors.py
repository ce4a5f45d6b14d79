"""Uncaught exceptions in the GUI: logged, and shown in a dialog naming the log file."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.ui.bidi import isolate
from annotator.ui.i18n import fill

log = logging.getLogger("annotator.crash")


def install_excepthook(log_path: Path) -> None:
    """Route uncaught exceptions to the log and to a dialog instead of losing them."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(kind, error, tb))
        log.error("uncaught exception:\n%s", details)
        if QApplication.instance() is None:
            sys.__excepthook__(kind, error, tb)
            return
        box = QMessageBox(QMessageBox.Icon.Critical, "annotator", "")
        box.setTextFormat(box.textFormat().PlainText)
        box.setText(
            fill(QApplication.translate("errors", "Something went wrong: %1"), str(error))
        )
        box.setInformativeText(
            fill(
                QApplication.translate(
                    "errors", "Your saved work is safe. Details were written to %1"
                ),
                isolate(str(log_path)),
            )
        )
        box.setDetailedText(details)
        box.exec()

    sys.excepthook = hook
