"""The PyInstaller bundle in dist/annotator (built by `make package`): size and start-up.

Prints `bundle_size_mb` (the whole folder), `bundle_version_s` (median of 5 runs of
`annotator --version`: the bundle's own start-up cost) and `bundle_selfcheck_s` (median
of 3 runs of `annotator selfcheck --gui`, which also opens the main window). Prints
nothing (and says why on stderr) when no bundle was built.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "annotator"
EXECUTABLE = BUNDLE / ("annotator.exe" if sys.platform == "win32" else "annotator")


def timed(args: list[str], env: dict[str, str]) -> float:
    """Seconds one run of the bundle takes; raises if it fails."""
    started = time.perf_counter()
    subprocess.run([str(EXECUTABLE), *args], check=True, capture_output=True, env=env)
    return time.perf_counter() - started


def folder_size(folder: Path) -> int:
    """Bytes of every file below ``folder``."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> None:
    """Print the bundle figures."""
    if not EXECUTABLE.is_file():
        print(f"bench_bundle: no bundle at {BUNDLE} (run `make package`)", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as home:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "ANNOTATOR_DATA_DIR": f"{home}/data",
            "ANNOTATOR_CONFIG_DIR": f"{home}/config",
            "ANNOTATOR_LOG_DIR": f"{home}/logs",
        }
        timed(["--version"], env)  # first run fills the file cache; not a figure
        version = [timed(["--version"], env) for _ in range(5)]
        selfcheck = [timed(["selfcheck", "--gui"], env) for _ in range(3)]
    print(f"bundle_size_mb: {folder_size(BUNDLE) / 2**20:.1f} MB", flush=True)
    print(f"bundle_version_s: {statistics.median(version):.3f} s", flush=True)
    print(f"bundle_selfcheck_s: {statistics.median(selfcheck):.3f} s", flush=True)


if __name__ == "__main__":
    main()
