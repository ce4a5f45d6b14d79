"""Settings remembered across runs, stored in an INI file in the user config directory."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QSettings

from annotator.services.locations import config_dir

T = TypeVar("T")


class _Setting(Generic[T]):
    """A typed attribute of AppSettings backed by one QSettings key."""

    def __init__(self, key: str, default: T, kind: type) -> None:
        self.key, self.default, self.kind = key, default, kind

    def __get__(self, owner: AppSettings, _cls: Any = None) -> T:
        value = owner.qsettings.value(self.key, self.default)
        if value is None:
            return self.default
        if self.kind is bool and isinstance(value, str):
            return value.lower() == "true"  # type: ignore[return-value]
        try:
            return self.kind(value)
        except (TypeError, ValueError):
            return self.default

    def __set__(self, owner: AppSettings, value: T) -> None:
        if value is None:
            owner.qsettings.remove(self.key)
        else:
            owner.qsettings.setValue(self.key, value)
        owner.qsettings.sync()


class AppSettings:
    """Everything the application remembers between runs."""

    annotator = _Setting[str]("annotator/name", "", str)
    language = _Setting[str]("interface/language", "system", str)
    font_family = _Setting[str]("reading/font_family", "Noto Naskh Arabic", str)
    font_size = _Setting[int]("reading/font_size", 16, int)
    word_snapping = _Setting[bool]("annotate/word_snapping", True, bool)
    backups_kept = _Setting[int]("backups/kept", 10, int)
    last_project = _Setting[str]("projects/last", "", str)
    # Recommenders train again after this many newly done documents (issue #10).
    retrain_after_done = _Setting[int]("recommenders/retrain_after_done", 5, int)
    # Train the live recommenders in the background when a project opens and as work is done.
    live_recommenders = _Setting[bool]("recommenders/live", True, bool)

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_dir() / "settings.ini"
        self.qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)

    def value(self, key: str, default: Any = None) -> Any:
        """A raw value for settings of individual widgets (window geometry, docks, toggles)."""
        return self.qsettings.value(key, default)

    def set_value(self, key: str, value: Any) -> None:
        """Store a raw value."""
        self.qsettings.setValue(key, value)
        self.qsettings.sync()
