"""Where the program keeps its data and logs on this machine (appdirs)."""

from __future__ import annotations

import os
from pathlib import Path

import appdirs

APP_NAME = "annotator"
APP_AUTHOR = "annotator"


def _override(variable: str) -> Path | None:
    # Tests and portable installs point the program elsewhere without touching $HOME.
    value = os.environ.get(variable)
    return Path(value) if value else None


def data_dir() -> Path:
    """The user data directory (the demo project, backups); created if missing."""
    path = _override("ANNOTATOR_DATA_DIR") or Path(appdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    """The user configuration directory (settings); created if missing."""
    path = _override("ANNOTATOR_CONFIG_DIR") or Path(
        appdirs.user_config_dir(APP_NAME, APP_AUTHOR)
    )
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    """The user log directory; created if missing."""
    path = _override("ANNOTATOR_LOG_DIR") or Path(appdirs.user_log_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_file() -> Path:
    """The log file every run appends to."""
    return log_dir() / "annotator.log"
