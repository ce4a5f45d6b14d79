"""Import and merge memory do not grow with the size: ten times the articles, no more memory.

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
# What a tenfold input may add to the peak: the allowance for noise (a longer
# report line, a dict resized once more), far below what keeping anything per
# article would cost (9,000 more articles x ~100 bytes = 900 KB at the very least).
ALLOWANCE_BYTES = 400_000


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


def test_a_ten_times_larger_import_or_merge_needs_no_more_memory(
    tmp_path: Path,
) -> None:
    small = peaks_of(1_000, tmp_path / "small")  # a full batch (import_writer.BATCH)
    large = peaks_of(10_000, tmp_path / "large")
    for step in ("peak_bytes", "merge_peak_bytes"):
        assert large[step] - small[step] <= ALLOWANCE_BYTES, (step, small, large)
