"""Logging to a rotating file under the user log directory, so no error goes unseen."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from annotator.services.locations import log_file

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(level: int = logging.INFO) -> Path:
    """Send log records to the log file (once per process) and return its path."""
    path = log_file()
    root = logging.getLogger()
    if not any(getattr(h, "_annotator", False) for h in root.handlers):
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter(_FORMAT))
        handler._annotator = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(level)
    return path
