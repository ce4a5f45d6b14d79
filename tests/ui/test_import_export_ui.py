"""File > Import/Export and drag and drop, driven as a user would (file dialogs patched)."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QProgressDialog, QPushButton

from annotator.core.model import AnnotatorKind, Status, text_sha256
from annotator.services import importing
from annotator.services.project import Project, _UseCase
from annotator.services.projects import new_project
from annotator.ui import import_export_dialogs
from annotator.ui.i18n import install_language
from annotator.ui.import_export import ImportExport
from annotator.ui.import_export_dialogs import ExportOptionsDialog, ImportOptionsDialog
from tests.io_samples import (
    ARTICLE_1,
    ARTICLE_2,
    file_hash,
    locate,
    sample_project_file,
)


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    return sample_project_file(tmp_path)


@pytest.fixture
def accept_dialogs(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """Option dialogs return OK at once; ``choices`` may set widgets first."""
    choices: dict[str, object] = {}

    def accept_import(self: ImportOptionsDialog) -> bool:
        if "annotator" in choices:
            self.annotator.setText(str(choices["annotator"]))
        return True

    def accept_export(self: ExportOptionsDialog) -> bool:
        fmt = choices.get("format", "jsonl")
        self.format.setCurrentIndex(self.format.findData(fmt))
        self.records.setCurrentIndex(self.records.findData(bool(choices.get("full_dump"))))
        if "split" in choices:
            QTest.keyClicks(self.split, str(choices["split"]))
        return True

    monkeypatch.setattr(ImportOptionsDialog, "exec", accept_import)
    monkeypatch.setattr(ExportOptionsDialog, "exec", accept_export)
    return choices


def choose_files(monkeypatch: pytest.MonkeyPatch, *paths: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(p) for p in paths], ""))
    )


def test_file_menu_lists_import_and_export_before_quit(make_window, project_path: Path) -> None:
    window = make_window(str(project_path))
    texts = [a.text() for a in window.menu("file").actions() if not a.isSeparator()]
    assert texts[-4:] == ["&Import Files…", "Import &Folder…", "&Export…", "&Quit"]


def test_ctrl_i_imports_files_with_pre_annotations(
    make_window, project_path: Path, tmp_path: Path, qtbot, monkeypatch, accept_dialogs, messages
) -> None:
    window = make_window(str(project_path))
    start, end = locate(ARTICLE_2, "كركوك")
    jsonl = tmp_path / "pred.jsonl"
    line = {"text": "خبر جديد: " + ARTICLE_2, "label": [[start + 10, end + 10, "GPE"]]}
    jsonl.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    (tmp_path / "dup.txt").write_text(ARTICLE_1, encoding="utf-8")
    choose_files(monkeypatch, jsonl, tmp_path / "dup.txt")
    accept_dialogs["annotator"] = "bert"
    rows = window.document_list.model.rowCount()
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert window.document_list.model.rowCount() == rows + 1
    assert window.project._store.annotators.get("bert").kind is AnnotatorKind.MODEL
    assert "Imported 1 document, 1 span" in window.statusBar().currentMessage()
    assert messages == ["Imported 1 document, 1 span, 0 events"]  # duplicate to review


def test_a_refused_import_shows_file_and_line_and_changes_nothing(
    make_window, project_path: Path, tmp_path: Path, qtbot, monkeypatch, accept_dialogs, messages
) -> None:
    window = make_window(str(project_path))
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "نص"}\n{"text": oops}\n', encoding="utf-8")
    choose_files(monkeypatch, bad)
    before = window.project.document_count()
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert len(messages) == 1 and f"{bad}:2: invalid JSON" in messages[0]
    assert window.project.document_count() == before


def hold_imports(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Imports started from the window wait at their first progress report until released."""
    released = threading.Event()
    real = importing.import_paths

    def held(store, paths, options=None, progress=None):
        def report(done: int, total: int) -> bool:
            released.wait(10)
            return progress(done, total) if progress else True

        return real(store, paths, options, progress=report)

    monkeypatch.setattr(Project, "import_paths", _UseCase(held))
    return released


def test_cancel_in_the_progress_dialog_rolls_back(
    make_window, project_path: Path, tmp_path: Path, monkeypatch, accept_dialogs
) -> None:
    window = make_window(str(project_path))
    for i, text in enumerate(["نص أول للتجربة", "نص ثان للتجربة"]):
        (tmp_path / f"{i}.txt").write_text(text, encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(tmp_path))
    )
    released = hold_imports(monkeypatch)

    def press_cancel() -> None:  # as the user would, while the import runs
        dialog = window.findChild(QProgressDialog)
        if dialog is None:
            QTimer.singleShot(20, press_cancel)
            return
        dialog.findChild(QPushButton).click()  # its Cancel button
        released.set()

    before = file_hash(project_path)
    count = window.project.document_count()
    feature = next(f for f in window.features if isinstance(f, ImportExport))
    QTimer.singleShot(20, press_cancel)
    feature.import_folder_action.trigger()
    assert "cancelled" in window.statusBar().currentMessage()
    assert window.project.document_count() == count
    assert file_hash(project_path) == before


def test_dropping_files_on_the_window_imports_them(
    make_window, project_path: Path, tmp_path: Path, qtbot, accept_dialogs
) -> None:
    window = make_window(str(project_path))
    dropped = tmp_path / "dropped.txt"
    dropped.write_text("خبر أسقطه المستخدم على النافذة", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    enter = QDragEnterEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(window, drop)
    dropped = text_sha256("خبر أسقطه المستخدم على النافذة")
    documents = window.project._store.documents  # the test looks into the file itself
    qtbot.waitUntil(lambda: documents.find_by_hash(dropped) is not None)
    assert window.document_list.model.rowCount() == 4


def test_importing_into_an_empty_project_opens_the_first_document(
    make_window, tmp_path: Path, monkeypatch, accept_dialogs
) -> None:
    path = tmp_path / "empty.annproj"
    new_project(path).close()
    window = make_window(str(path))
    assert window.current_document_id is None
    (tmp_path / "first.txt").write_text(ARTICLE_2, encoding="utf-8")
    choose_files(monkeypatch, tmp_path / "first.txt")
    feature = next(f for f in window.features if isinstance(f, ImportExport))
    feature.import_files_action.trigger()
    assert window.current_document_id is not None
    assert window.reading_view.toPlainText() == ARTICLE_2


def test_a_dragged_project_file_is_not_taken_for_an_import(make_window, project_path: Path) -> None:
    window = make_window(str(project_path))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(project_path))])
    enter = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter.ignore()
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()


def test_ctrl_e_exports_conll_and_lists_what_was_left_out(
    make_window, project_path: Path, tmp_path: Path, qtbot, monkeypatch, accept_dialogs, messages
) -> None:
    window = make_window(str(project_path))
    target = tmp_path / "out"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    accept_dialogs["format"] = "conll"
    accept_dialogs["full_dump"] = True
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    written = tmp_path / "out.conll"
    assert written.is_file() and "B-PER" in written.read_text(encoding="utf-8")
    expected = f"Exported 4 records to \u2068{written}\u2069"
    assert window.statusBar().currentMessage() == expected
    assert messages == [expected]


def test_export_dialog_builds_the_options(qtbot, make_window, project_path: Path) -> None:
    window = make_window(str(project_path))
    dialog = ExportOptionsDialog(window, ["amal", "karim"], ["PER", "GPE"])
    qtbot.addWidget(dialog.dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("spacy"))
    assert dialog.utf16.isEnabled() and dialog.split_clitics.isEnabled()
    dialog.annotator.setCurrentIndex(dialog.annotator.findData("karim"))
    dialog.status.setCurrentIndex(dialog.status.findData("done"))
    dialog.split_clitics.setChecked(True)
    options = dialog.options()
    assert (options.format, options.split_clitics, options.utf16) == ("spacy", True, False)
    assert options.filter.annotators == ["karim"] and options.filter.labels is None
    assert not options.filter.full_dump and options.filter.statuses is None  # training: done
    assert not dialog.status.isEnabled()
    dialog.format.setCurrentIndex(dialog.format.findData("brat"))
    assert not dialog.utf16.isEnabled() and not dialog.split_clitics.isEnabled()
    assert import_export_dialogs.TOKEN_FORMATS == ("spacy", "conll", "hf", "events")


def test_ctrl_e_exports_a_split_hugging_face_folder(
    make_window, project_path: Path, tmp_path: Path, qtbot, monkeypatch, accept_dialogs, messages
) -> None:
    window = make_window(str(project_path))
    target = tmp_path / "hf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    accept_dialogs.update(format="hf", split="train=0.5,test=0.5")
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert (target / "labels.json").is_file()
    assert sorted(p.name for p in target.glob("*.jsonl")) == ["test.jsonl", "train.jsonl"]
    summary = window.statusBar().currentMessage()
    assert summary.startswith("Exported 2 records to ") and "train 1" in summary


def test_export_dialog_offers_the_full_dump_and_splits(
    qtbot, make_window, project_path: Path
) -> None:
    window = make_window(str(project_path))
    dialog = ExportOptionsDialog(window, ["amal"], ["PER"])
    qtbot.addWidget(dialog.dialog)
    dialog.records.setCurrentIndex(dialog.records.findData(True))
    assert dialog.status.isEnabled()
    dialog.status.setCurrentIndex(dialog.status.findData("new"))
    qtbot.keyClicks(dialog.split, "train=0.9,test=0.1")
    dialog.seed.setValue(7)
    dialog.format.setCurrentIndex(dialog.format.findData("conll"))
    qtbot.mouseClick(dialog.docstart, Qt.MouseButton.LeftButton)
    options = dialog.options()
    assert options.filter.full_dump and options.filter.statuses == [Status.NEW]
    assert (options.split, options.seed, options.docstart) == ("train=0.9,test=0.1", 7, "none")


def test_import_dialog_builds_the_options(qtbot, make_window, project_path: Path) -> None:
    window = make_window(str(project_path))
    dialog = ImportOptionsDialog(window)
    qtbot.addWidget(dialog.dialog)
    assert dialog.options().annotator is None  # each line's own annotator, else "model"
    qtbot.keyClicks(dialog.annotator, "reviewer")
    qtbot.mouseClick(dialog.is_model, Qt.MouseButton.LeftButton)
    dialog.encoding.setCurrentIndex(dialog.encoding.findData("windows-1256"))
    options = dialog.options()
    assert (options.annotator, options.kind, options.encoding) == (
        "reviewer",
        AnnotatorKind.HUMAN,
        "windows-1256",
    )


def test_import_and_export_results_speak_arabic(
    make_window, project_path: Path, tmp_path: Path, qtbot, monkeypatch, accept_dialogs, messages,
    english_afterwards, settings,
) -> None:
    """Issue 13.4: the results are translated, counts in their Arabic plural forms."""
    settings.language = "ar"
    window = make_window(str(project_path))
    (tmp_path / "new.txt").write_text("خبر جديد عن بغداد.", encoding="utf-8")
    choose_files(monkeypatch, tmp_path / "new.txt")
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == "استُورد: وثيقة واحدة، لا مقاطع، لا أحداث"
    target = tmp_path / "out.jsonl"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == f"صُدِّر سجلان إلى \u2068{target}\u2069"  # the dual


def test_a_service_error_speaks_arabic(make_window, project_path, tmp_path, messages,
                                       english_afterwards, settings) -> None:
    settings.language = "ar"
    window = make_window(str(project_path))
    window.open_project(tmp_path / "missing.annproj")
    assert messages == [f"{tmp_path / 'missing.annproj'}: لا يوجد ملف مشروع بهذا الاسم"]


def test_qt_dialogs_speak_arabic(qtbot, english_afterwards) -> None:
    """Qt's own file dialog ("Look in:", "Files of type:") uses Qt's Arabic translations."""
    install_language("ar")
    dialog = QFileDialog(None, "", "")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"ا&بحث في:", "الملفات من ال&نوع:"} <= labels


def test_the_window_answers_keys_while_an_import_runs(
    make_window, project_path: Path, tmp_path: Path, monkeypatch, accept_dialogs, qtbot
) -> None:
    window = make_window(str(project_path))
    (tmp_path / "new.txt").write_text("نص جديد يصل أثناء العمل", encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(tmp_path))
    )
    released = hold_imports(monkeypatch)
    seen: dict[str, object] = {}

    def while_importing() -> None:
        if window.findChild(QProgressDialog) is None:
            QTimer.singleShot(20, while_importing)
            return
        first = window.current_document_id
        qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
        seen["moved"] = window.current_document_id not in (None, first)
        # The import's transaction is on its own connection, not the window's.
        seen["window_in_transaction"] = window.project._store.db.conn.in_transaction
        released.set()

    count = window.project.document_count()
    feature = next(f for f in window.features if isinstance(f, ImportExport))
    QTimer.singleShot(20, while_importing)
    feature.import_folder_action.trigger()
    assert seen == {"moved": True, "window_in_transaction": False}
    assert window.project.document_count() == count + 1
    assert "Imported 1 document," in window.statusBar().currentMessage()
