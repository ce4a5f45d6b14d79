"""An uncaught exception in the GUI shows a dialog naming the log file and is logged."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QMessageBox

from annotator.services.logs import setup_logging
from annotator.ui.errors import install_excepthook


def test_uncaught_exception_dialog_names_the_log(qtbot, monkeypatch) -> None:
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box) or 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    log_path = setup_logging()
    install_excepthook(log_path)
    try:
        raise RuntimeError("the disk said no")
    except RuntimeError as error:
        sys.excepthook(type(error), error, error.__traceback__)
    (box,) = shown
    assert "the disk said no" in box.text()
    assert str(log_path) in box.informativeText()
    for handler in __import__("logging").getLogger().handlers:
        handler.flush()
    assert "the disk said no" in log_path.read_text(encoding="utf-8")
