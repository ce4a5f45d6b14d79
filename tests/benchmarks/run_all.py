"""Run every benchmark in this folder; each prints lines of the form `name: value unit`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

HERE = Path(__file__).resolve().parent


def main() -> int:
    """Run each bench_*.py in its own process, so no benchmark warms another's caches."""
    failures = 0
    for script in sorted(HERE.glob("bench_*.py")):
        result = subprocess.run([sys.executable, str(script)], check=False)
        if result.returncode != 0:
            print(f"{script.stem}_failed: {result.returncode} exit", flush=True)
            failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
