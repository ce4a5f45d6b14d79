"""Shortcuts: the platform's own key for a standard action, where it has one."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence


def standard_key(key: QKeySequence.StandardKey, fallback: str) -> QKeySequence:
    """The platform's key for ``key`` (F1 for help, Ctrl+, for preferences on some
    desktops), or ``fallback`` on a platform that has none (e.g. Preferences on Linux)."""
    keys = QKeySequence(key)
    return keys if not keys.isEmpty() else QKeySequence(fallback)
