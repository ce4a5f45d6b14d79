"""Features installed into the main window at start-up.

Each entry is a callable ``install(window)`` that adds its own actions, docks
and behaviour, so the main window stays a small composition of parts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from annotator.ui import (
    import_export,
    recent_projects,
    restore_dialog,
    review,
    search_panel,
    server_dialog,
    settings_dialog,
    shortcuts_sheet,
    window_state,
    workspace,
)

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

FEATURES: list[Callable[[MainWindow], object]] = []
FEATURES.append(workspace.install)
FEATURES.append(import_export.install)
FEATURES.append(settings_dialog.install)
FEATURES.append(restore_dialog.install)
# Each inserts its action right after Open Project… (before Restore from Backup…).
FEATURES.append(server_dialog.install)
FEATURES.append(recent_projects.install)
FEATURES.append(review.install)
FEATURES.append(search_panel.install)
FEATURES.append(shortcuts_sheet.install)  # after the others: it lists their keys
FEATURES.append(window_state.install)  # last: restores the docks the others added
