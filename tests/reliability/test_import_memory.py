"""Import and merge memory do not grow with the size: three times the articles, no more memory.

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
# What a threefold input may add to the peak: the allowance for noise (a longer
# report line, a dict resized once more, a statement more in the connection's
# cache), far below what keeping anything per article would cost (10,000 more
# articles x ~100 bytes = 1 MB at the very least).
ALLOWANCE_BYTES = 400_000
# The smaller import must already be in the steady state: a batch being written
# (import_writer.BATCH, 1,000) while the next one is read ahead (importing), and
# the connection's cache of statements warm (measured: 6.8 MB at 1,000 articles,
# 11.4 MB at 2,500, 11.70 at 5,000, 11.86 at 10,000, 11.88 at 25,000).
SMALL, LARGE = 5_000, 15_000


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


def test_a_three_times_larger_import_or_merge_needs_no_more_memory(
    tmp_path: Path,
) -> None:
    small = peaks_of(SMALL, tmp_path / "small")
    large = peaks_of(LARGE, tmp_path / "large")
    for step in ("peak_bytes", "merge_peak_bytes"):
        assert large[step] - small[step] <= ALLOWANCE_BYTES, (step, small, large)
