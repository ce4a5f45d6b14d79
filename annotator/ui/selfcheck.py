"""The Qt half of `annotator selfcheck`, run in a child process (see services/selfcheck.py).

Prints one ``CheckResult.line()`` per check on stdout and exits 0 when all passed.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase, QImageReader

from annotator.services.demo import create_demo_project
from annotator.services.project import open_project
from annotator.services.selfcheck import run_check
from annotator.ui.app import application
from annotator.ui.app_icon import app_icon
from annotator.ui.i18n import install_language
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import AppSettings

# A string of the main window that every translation must translate.
PROBE_CONTEXT, PROBE_SOURCE = "MainWindow", "&File"
# A string of Qt's standard buttons, translated by Qt's own qtbase_ar.qm.
QT_PROBE = ("QPlatformTheme", "Cancel")


def check_platform() -> str:
    """Qt starts (its platform plugin loaded) and renders the SVG icon."""
    app = application()
    if b"svg" not in [bytes(f) for f in QImageReader.supportedImageFormats()]:
        raise RuntimeError("the Qt SVG image format plugin is missing")
    if app_icon().pixmap(64, 64).isNull():
        raise RuntimeError("the application icon does not render")
    return f"Qt platform {app.platformName()}, icon renders"


def check_fonts() -> str:
    """The bundled Arabic fonts are registered."""
    families = set(QFontDatabase.families())
    if "Noto Naskh Arabic" not in families:
        raise RuntimeError("bundled font Noto Naskh Arabic is not registered")
    return "Noto Naskh Arabic registered"


def check_arabic_interface() -> str:
    """The compiled Arabic translation loads, translates and turns the layout right-to-left."""
    app = application()
    try:
        if install_language("ar") != "ar":
            raise RuntimeError("Arabic is not an interface language")
        translated = QCoreApplication.translate(PROBE_CONTEXT, PROBE_SOURCE)
        if translated == PROBE_SOURCE:
            raise RuntimeError(f"{PROBE_SOURCE!r} is not translated: annotator_ar.qm not loaded")
        if app.layoutDirection() != Qt.LayoutDirection.RightToLeft:
            raise RuntimeError("the Arabic interface is not right-to-left")
        if QCoreApplication.translate(*QT_PROBE) == QT_PROBE[1]:
            raise RuntimeError("Qt's own Arabic translation (qtbase_ar.qm) is not loaded")
    finally:
        install_language("en")
    return f"{PROBE_SOURCE!r} -> {translated!r}, Qt's buttons too, right-to-left"


def check_main_window() -> str:
    """The main window opens on a fresh demo project and lists its documents."""
    app = application()
    with tempfile.TemporaryDirectory(prefix="annotator-selfcheck-") as folder:
        path = Path(folder) / "demo.annproj"
        create_demo_project(path).close()
        with open_project(path, read_only=True) as project:
            documents, name = project.document_count(), project.name
        window = MainWindow(AppSettings(Path(folder) / "settings.ini"), "selfcheck")
        try:
            if not window.open_project(path):
                raise RuntimeError(f"could not open {path}")
            window.show()
            app.processEvents()
            rows = window.document_list.model.rowCount()
            title = window.windowTitle()
        finally:
            window.close()
    if rows != documents:
        raise RuntimeError(f"document list shows {rows} of {documents} documents")
    if name not in title:
        raise RuntimeError(f"window title {title!r} does not name the project")
    return f"main window lists {rows} documents"


def main(argv: Sequence[str]) -> int:
    """Run the Qt checks (with ``--gui``, the main window too) and print their results."""
    checks: list[tuple[str, Callable[[], str]]] = [
        ("qt", check_platform),
        ("fonts", check_fonts),
        ("arabic interface", check_arabic_interface),
    ]
    if "--gui" in argv:
        checks.append(("main window", check_main_window))
    results = [run_check(name, check) for name, check in checks]
    for result in results:
        print(result.line(), flush=True)
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
