"""Scale of import, export and agreement: 100,000 generated articles (ANNOTATOR_BENCH_LARGE=1).

Each step runs in a process of its own so its peak memory is its own. Prints:
  import_100k_s           `annotator import` of a pre-annotated doccano JSONL of 100,000
                          articles (~20 mentions each) into a new project
  import_peak_rss_mb      that process's peak resident memory
  project_size_ratio      project file size / input file size after that import
  export_100k_s           native JSONL export of the large project (two annotators)
  export_peak_rss_mb
  agreement_100k_s        agreement of amal and karim over it (50,000 shared documents)
  agreement_peak_rss_mb
Set ANNOTATOR_BENCH_ARTICLES=N for another size (names then say e.g. 1m).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

from bench_scale import articles, label  # noqa: E402
from large_corpus import built_project, doccano_jsonl  # noqa: E402

# Runs the rest of its arguments as an annotator command and prints its peak memory.
MEASURED = """
import resource, sys
from annotator.cli import main
code = main(sys.argv[1:])
print("peak_kb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
sys.exit(code)
"""


def measured(*command: str) -> tuple[float, float]:
    """(seconds, peak MB) of one annotator command in a fresh process."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", MEASURED, *command],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"{command[0]} failed:\n{result.stderr[-2000:]}")
    peak_kb = int(result.stderr.rsplit("peak_kb", 1)[1].split()[0])
    return elapsed, peak_kb / 1024


def main() -> None:
    """Print the figures (nothing unless asked for, see the module's docstring)."""
    count = articles()
    if not count:
        return
    name = label(count)
    source = doccano_jsonl(count)
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "imported.annproj"
        seconds, peak, ratio = import_into_new(project, source)
        print(f"import_{name}_s: {seconds:.1f} s", flush=True)
        print(f"import_peak_rss_mb: {peak:.0f} MB", flush=True)
        print(f"project_size_ratio: {ratio:.2f} ratio", flush=True)
        project.unlink()
        large = built_project(count)
        seconds, peak = measured(
            "export", str(large), "--format", "jsonl", "--full-dump", "-o", f"{tmp}/out"
        )
        print(f"export_{name}_s: {seconds:.1f} s", flush=True)
        print(f"export_peak_rss_mb: {peak:.0f} MB", flush=True)
        seconds, peak = measured("agreement", str(large), "--annotators", "amal,karim")
        print(f"agreement_{name}_s: {seconds:.1f} s", flush=True)
        print(f"agreement_peak_rss_mb: {peak:.0f} MB", flush=True)



def import_into_new(project: Path, source: Path) -> tuple[float, float, float]:
    """`annotator new` then `annotator import`: seconds, peak MB, file size / input size."""
    subprocess.run(
        [sys.executable, "-m", "annotator", "new", str(project)],
        check=True,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    seconds, peak = measured("import", str(project), str(source))
    return seconds, peak, project.stat().st_size / source.stat().st_size

if __name__ == "__main__":
    main()
