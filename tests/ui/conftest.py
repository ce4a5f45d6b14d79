"""Fixtures for GUI tests: a main window on a fresh project, owned by the fixture."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from annotator.services.demo import create_demo_project
from annotator.ui.app import create_main_window
from annotator.ui.i18n import install_language
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import AppSettings


@pytest.fixture
def settings() -> AppSettings:
    """Settings in the test's isolated config directory, with a chosen annotator.

    The interface is English whatever the language of the machine running the tests.
    """
    settings = AppSettings()
    settings.annotator = "amal"
    settings.language = "en"
    # No recommender training process behind every window: the tests of the live
    # recommenders switch it on.
    settings.live_recommenders = False
    return settings


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Texts of message boxes the code under test showed (instead of blocking on them)."""
    shown: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box.text())
        return int(QMessageBox.StandardButton.Ok)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` key by key, as a keyboard with an Arabic layout would.

    qtbot.keyClicks() only knows ASCII (QTest aborts the process on Arabic letters),
    so each character is sent as a key event carrying its text.
    """
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )


@pytest.fixture
def make_window(qtbot, settings: AppSettings) -> Iterator[Callable[..., MainWindow]]:
    """A factory of main windows; each is closed (and its project with it) at teardown."""
    windows: list[MainWindow] = []

    def make(*args: str) -> MainWindow:
        window = create_main_window(args)
        qtbot.addWidget(window)
        window.show()
        window.activateWindow()
        # Shortcuts reach only the active window; offscreen, waitActive() returns early.
        qtbot.waitUntil(window.isActiveWindow)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    """A fresh copy of the demo project."""
    path = tmp_path / "demo.annproj"
    create_demo_project(path).close()
    return path


@pytest.fixture
def english_afterwards(qapp) -> Iterator[None]:
    """Put the interface back in English (left-to-right) for the tests that follow."""
    yield
    install_language("en")
