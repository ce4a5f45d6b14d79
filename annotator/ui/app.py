"""The GUI composition root: QApplication, logging, fonts, the main window."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication

from annotator import __version__
from annotator.core.server_urls import is_server_url
from annotator.services.logs import setup_logging
from annotator.ui.app_icon import app_icon
from annotator.ui.errors import install_excepthook
from annotator.ui.fonts import register_bundled_fonts
from annotator.ui.i18n import install_language
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import AppSettings
from annotator.ui.workspace.annotator_choice import current_annotator

log = logging.getLogger(__name__)


def application() -> QApplication:
    """The QApplication, created once with the program's names and bundled fonts."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("annotator")
        app.setOrganizationName("annotator")
        app.setApplicationVersion(__version__)
        app.setDesktopFileName("annotator")
        app.setWindowIcon(app_icon())
        register_bundled_fonts()
    return app  # type: ignore[return-value]


def project_to_open(args: Sequence[str], settings: AppSettings) -> Path | str:
    """The project named on the command line, else the last one, else the demo
    (a postgresql:// URL stays text: a Path would fold its '//')."""
    if args:
        return args[0] if is_server_url(args[0]) else Path(args[0])
    last = settings.last_project
    if last and is_server_url(last):
        return last
    if last and Path(last).is_file():
        return Path(last)
    return _demo_project()


def _demo_project() -> Path:
    """The demo project (created on first run; its module trains recommenders, so it is
    imported only when the demo is what opens)."""
    from annotator.services.demo import ensure_demo_project

    return ensure_demo_project()


def create_main_window(args: Sequence[str] = ()) -> MainWindow:
    """Build the main window on the project to open (used by run_gui and by tests)."""
    settings = AppSettings()
    install_language(settings.language)  # before any widget exists, so every label is translated
    annotator = current_annotator(settings)
    window = MainWindow(settings, annotator)
    target = project_to_open(args, settings)
    if not window.open_project(target) and not args and is_server_url(target):
        # Last time's server cannot be reached (the window said why): work on the demo.
        window.open_project(_demo_project())
    return window


def run_gui(args: Sequence[str] = ()) -> int:
    """Open the application window and run the event loop; returns the exit code."""
    log_path = setup_logging()
    log.info("annotator %s starting", __version__)
    app = application()
    install_excepthook(log_path)
    window = create_main_window(args)
    window.show()
    return app.exec()
