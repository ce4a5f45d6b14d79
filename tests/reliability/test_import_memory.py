"""Import and merge memory do not grow with the size: five times the articles, no more memory.

(Export reads annotations a chunk at a time, but its record plan keeps one small entry
per document — services.export_selection.Plan — so it is not held to this test.)

Each import runs in a subprocess of its own (import_memory_worker.py), which
measures the Python heap the import itself needed at its peak (tracemalloc):
the figure is exact and does not depend on what else the machine is doing.
SQLite's own memory is bounded by its page cache whatever the size.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

WORKER = Path(__file__).with_name("import_memory_worker.py")
# What a fivefold input may add to the peak. An import holds a batch being written
# (import_writer.BATCH, 1,000 articles) and up to ~1,000 read ahead (importing), and
# how many of those are in hand at the peak moment varies with the threads' timing:
# up to ~0.65 MB here (measured peaks: 11.85 MB at 2,500 articles, 12.25 at 5,000,
# 12.78 at 15,000, 12.88 at 25,000). Keeping anything per article would cost far more:
# 20,000 more articles x ~100 bytes = 2 MB at the very least.
ALLOWANCE_BYTES = 1_000_000
# The smaller import must already be in the steady state: batches written while the
# next are read ahead, and the connection's cache of statements warm.
SMALL, LARGE = 5_000, 25_000


def peaks_of(articles: int, folder: Path) -> dict[str, int]:
    folder.mkdir()
    result = subprocess.run(
        [sys.executable, str(WORKER), str(articles), str(folder)],
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    return {
        name: int(value) for name, value in (line.split() for line in result.stdout.splitlines())
    }


def test_a_five_times_larger_import_or_merge_needs_no_more_memory(
    tmp_path: Path,
) -> None:
    small = peaks_of(SMALL, tmp_path / "small")
    large = peaks_of(LARGE, tmp_path / "large")
    for step in ("peak_bytes", "merge_peak_bytes"):
        assert large[step] - small[step] <= ALLOWANCE_BYTES, (step, small, large)
