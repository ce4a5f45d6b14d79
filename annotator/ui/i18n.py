"""Interface languages: pick one (the system's, or the user's choice) and install its translators.

Translations are Qt Linguist files, ``resources/translations/annotator_<lang>.ts``.
Builds compile them to ``.qm`` (``make resources``, the PyInstaller spec). A
source checkout or a pip install without compiled files still speaks Arabic:
``compiled_translation`` compiles a missing or outdated ``.qm`` with the
``lrelease`` that PySide6-Essentials ships, into the user data folder.
"""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
from pathlib import Path

import PySide6
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    Qt,
    QTranslator,
)

from annotator.core.resources import resource_path
from annotator.services.locations import data_dir

log = logging.getLogger(__name__)

SYSTEM = "system"
SOURCE_LANGUAGE = "en"
LANGUAGES = {"en": "English", "ar": "العربية"}
"""Interface languages, each named in itself (as a language menu shows them)."""
RIGHT_TO_LEFT = {"ar"}

_installed: list[QTranslator] = []
_language = [SOURCE_LANGUAGE]  # the language installed last

# Qt's own strings its bundled Arabic catalogue lacks (Qt 6 added the mnemonics, so the
# old translations no longer match). Our catalogue carries them: Qt asks every installed
# translator, so they are found there.
QT_STRINGS_MISSING_IN_QT = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``QCoreApplication.translate``, for code outside a QObject's own methods.

    Spell the call ``translate("Context", "text")`` with literals: that is what lupdate
    extracts. (``tr()`` called on another object than ``self`` is extracted under that
    variable's name as context, and then never translated.)
    """
    return QCoreApplication.translate(context, text, disambiguation, n)


_PLACEHOLDER = re.compile(r"%(\d{1,2})")


def fill(template: str, *values: object) -> str:
    """``template`` with ``%1``, ``%2``... replaced by ``values``, in one pass.

    Like QString::arg with several arguments: text put in is never searched again,
    so a title or a note holding "%2" stays as the user wrote it (chained
    ``.replace("%1", a).replace("%2", b)`` would substitute inside ``a``). A
    placeholder without a value is left as it is.
    """

    def value(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return str(values[number - 1]) if 1 <= number <= len(values) else match.group(0)

    return _PLACEHOLDER.sub(value, template)


def interface_language(setting: str, system: QLocale | None = None) -> str:
    """The language to show: the setting, or for ``"system"`` the system's if supported."""
    if setting in LANGUAGES:
        return setting
    locale = system or QLocale.system()
    for name in locale.uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def translations_dir() -> Path:
    """Where the bundled ``.ts`` sources and compiled ``.qm`` files are."""
    return resource_path("translations")


def lrelease_program() -> str | None:
    """The Qt ``lrelease`` compiler: PySide6's own copy, else one on PATH."""
    folder = Path(PySide6.__file__).parent
    for name in ("lrelease", "lrelease.exe"):
        if (folder / name).is_file():
            return str(folder / name)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def compile_translation(source: Path, target: Path) -> None:
    """Compile a ``.ts`` file to ``.qm`` with lrelease; raises OSError if it cannot."""
    program = lrelease_program()
    if program is None:
        raise FileNotFoundError(f"lrelease not found: cannot compile {source}")
    target.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [program, "-silent", str(source), "-qm", str(target)], capture_output=True, text=True
    )
    if done.returncode != 0 or not target.is_file():
        raise OSError(f"lrelease failed on {source}: {done.stderr.strip() or done.returncode}")


def _fresh(compiled: Path, source: Path) -> bool:
    return compiled.is_file() and (
        not source.is_file() or compiled.stat().st_mtime >= source.stat().st_mtime
    )


def compiled_translation(language: str) -> Path | None:
    """The up-to-date ``.qm`` file of ``language``, compiling it first if needed."""
    source = translations_dir() / f"annotator_{language}.ts"
    bundled = source.with_suffix(".qm")
    if _fresh(bundled, source):
        return bundled
    if not source.is_file():
        return None
    cached = data_dir() / "translations" / bundled.name
    if not _fresh(cached, source):
        try:
            compile_translation(source, cached)
        except OSError as exc:
            log.warning("%s", exc)
            return bundled if bundled.is_file() else None
    return cached


def _load(translator: QTranslator, path: Path) -> bool:
    return path.is_file() and translator.load(str(path))


def install_language(setting: str) -> str:
    """Install the translators of the interface language and set the layout direction.

    Returns the language installed. Qt's own strings (standard buttons, file dialogs)
    come from Qt's bundled ``qtbase_<lang>.qm``.
    """
    app = QCoreApplication.instance()
    language = interface_language(setting)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    qt_folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    for path in (compiled_translation(language), qt_folder / f"qtbase_{language}.qm"):
        translator = QTranslator(app)
        if path is not None and _load(translator, path):
            app.installTranslator(translator)
            _installed.append(translator)
        elif language != SOURCE_LANGUAGE:
            log.warning("no %s translation at %s", language, path)
    if hasattr(app, "setLayoutDirection"):
        app.setLayoutDirection(layout_direction(language))
    _language[0] = language
    return language


def current_language() -> str:
    """The interface language installed (e.g. "ar" for Arabic)."""
    return _language[0]


def layout_direction(language: str) -> Qt.LayoutDirection:
    """Right-to-left for Arabic, else left-to-right."""
    if language in RIGHT_TO_LEFT:
        return Qt.LayoutDirection.RightToLeft
    return Qt.LayoutDirection.LeftToRight
