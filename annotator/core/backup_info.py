"""What a list of backups shows about one backup file (a plain value, shared by all layers)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class BackupInfo:
    """One backup file of a project."""

    path: Path
    taken_at: datetime.datetime
    size: int

    def label(self) -> str:
        """How a list shows it: local time and size."""
        when = self.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        return f"{when}  {self.size / 1024:,.0f} KB  {self.path.name}"
