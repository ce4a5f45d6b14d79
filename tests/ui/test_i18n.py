"""Interface language: system language or the user's choice; Arabic is right-to-left."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from annotator.ui import i18n
from annotator.ui.i18n import compile_translation, compiled_translation, install_language
from annotator.ui.settings import AppSettings


@pytest.mark.parametrize(
    ("setting", "system", "expected"),
    [
        ("system", "ar_EG", "ar"),
        ("system", "ar_SA", "ar"),
        ("system", "de_DE", "en"),
        ("system", "en_US", "en"),
        ("ar", "en_US", "ar"),
        ("en", "ar_EG", "en"),
        ("klingon", "ar_EG", "ar"),  # an unknown setting falls back to the system language
    ],
)
def test_interface_language(setting: str, system: str, expected: str) -> None:
    assert i18n.interface_language(setting, QLocale(system)) == expected


def test_arabic_translates_the_interface_and_turns_it_right_to_left(
    qapp: QApplication, english_afterwards: None
) -> None:
    assert install_language("ar") == "ar"
    assert QCoreApplication.translate("MainWindow", "&Open Project…") == "&فتح مشروع…"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") != "Cancel"  # Qt's own strings
    assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
    install_language("en")
    assert QCoreApplication.translate("MainWindow", "&Open Project…") == "&Open Project…"
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_the_main_window_follows_the_language_setting(
    make_window, settings: AppSettings, english_afterwards: None
) -> None:
    settings.language = "ar"
    window = make_window()
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles[:2] == ["&ملف", "&تحرير"]
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.documents_dock.windowTitle() == "المستندات"
    # The document list sits at the start of the reading direction: the right.
    assert window.dockWidgetArea(window.documents_dock) == Qt.DockWidgetArea.RightDockWidgetArea


def test_a_missing_qm_is_compiled_into_the_user_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = i18n.translations_dir() / "annotator_ar.ts"
    folder = tmp_path / "translations"
    folder.mkdir()
    (folder / source.name).write_bytes(source.read_bytes())
    monkeypatch.setattr(i18n, "translations_dir", lambda: folder)
    compiled = compiled_translation("ar")
    assert compiled == Path(os.environ["ANNOTATOR_DATA_DIR"]) / "translations" / "annotator_ar.qm"
    translator = QTranslator()
    assert translator.load(str(compiled))
    assert translator.translate("MainWindow", "&File") == "&ملف"
    # Fresh now: asked again, it is not compiled a second time.
    stamp = compiled.stat().st_mtime_ns
    assert compiled_translation("ar") == compiled and compiled.stat().st_mtime_ns == stamp


def test_a_broken_ts_file_is_reported_with_its_name(tmp_path: Path) -> None:
    broken = tmp_path / "annotator_xx.ts"
    broken.write_text("<TS><context><name>x</name><message>", encoding="utf-8")
    with pytest.raises(OSError, match=r"annotator_xx\.ts"):
        compile_translation(broken, tmp_path / "annotator_xx.qm")


def test_an_arabic_system_gets_the_arabic_interface(tmp_path: Path) -> None:
    """A fresh installation (language "system") on an Arabic desktop starts in Arabic."""
    probe = (
        "from annotator.ui.app import application, create_main_window;"
        "app = application(); window = create_main_window([]);"
        "print(window.menu('file').title(), app.layoutDirection().name); window.close()"
    )
    config = tmp_path / "config"
    AppSettings(config / "settings.ini").annotator = "amal"  # the language is left unset
    env = {
        **os.environ,
        "LANG": "ar_EG.UTF-8",
        "LC_ALL": "",
        "LC_MESSAGES": "",
        "LANGUAGE": "",
        "ANNOTATOR_CONFIG_DIR": str(config),
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
    }
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.stdout.split() == ["&ملف", "RightToLeft"], done.stderr


def test_an_import_summary_counts_notes_in_either_language(
    qapp: QApplication, english_afterwards: None
) -> None:
    from annotator.services.importing import ImportReport
    from annotator.ui.messages import import_summary

    report = ImportReport(documents=1, spans=4, annotator_notes=2)
    assert import_summary(report).endswith("; 2 annotator notes or unsure flags")
    install_language("ar")
    assert import_summary(report).endswith("؛ وملاحظتان أو علامتا «غير متأكد»")
    report.annotator_notes = 1
    assert import_summary(report).endswith("؛ وملاحظة واحدة أو علامة «غير متأكد»")


def test_the_words_inside_note_and_status_messages_are_translated(
    qapp: QApplication, english_afterwards: None
) -> None:
    from annotator.services.editing import Message
    from annotator.ui.workspace.command_texts import command_text

    note, status = Message("set_note", ("span",)), Message("set_status", ("in progress",))
    assert (command_text(note), command_text(status)) == (
        "Note on entity", "Mark document in progress"
    )
    install_language("ar")

    def shown(message: Message) -> str:  # without the isolates around the argument
        return command_text(message).replace("\u2068", "").replace("\u2069", "")

    assert shown(note) == "ملاحظة على كيان"
    assert shown(status) == "تعليم المستند: قيد العمل"
    assert shown(Message("flag_unsure", ("document",))) == "وضع علامة «غير متأكد» على المستند"
