"""The 1,000,000-article figures, run once on request (ANNOTATOR_BENCH_HUGE=1).

The corpus (~3.4 GB of pre-annotated doccano JSONL) is generated into a temporary
folder, imported with `annotator import` into a new project (several GB), and
that project is opened in the window and searched; everything is deleted at the
end (needs ~35 GB free on the temporary folder's disk while it runs, about half an
hour on the 2-core development machine). Prints:
  import_1m_s             `annotator import` of the 1,000,000 pre-annotated articles
  import_1m_peak_rss_mb   that process's peak resident memory
  project_size_ratio_1m   project file size / input file size after that import
  open_1m_s               process start to the painted main window on that project
  doc_search_1m_ms        one keystroke in the document list (median; as bench_scale)
  doc_search_1m_max_ms    the slowest keystroke
  doc_scroll_1m_ms        jump anywhere in the list and read a screen of rows
Set ANNOTATOR_BENCH_HUGE_ARTICLES=N to try the same steps on another size.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

from bench_scale import app_env, label, open_window, print_list_figures  # noqa: E402
from bench_scale_io import import_into_new  # noqa: E402
from large_corpus import articles_of  # noqa: E402


def huge_articles() -> int:
    """How many articles (0: not asked for)."""
    if os.environ.get("ANNOTATOR_BENCH_HUGE") != "1":
        return 0
    return int(os.environ.get("ANNOTATOR_BENCH_HUGE_ARTICLES", "1000000"))


def write_corpus(path: Path, count: int) -> None:
    """The pre-annotated doccano JSONL of ``count`` generated articles (as large_corpus)."""
    with path.open("w", encoding="utf-8") as out:
        for text, labels in articles_of(count):
            out.write(json.dumps({"text": text, "label": labels}, ensure_ascii=False) + "\n")


def main() -> None:
    """Print the figures (nothing unless asked for, see the module's docstring)."""
    count = huge_articles()
    if not count:
        return
    name = label(count)
    with tempfile.TemporaryDirectory() as tmp:
        source, project = Path(tmp) / "predictions.jsonl", Path(tmp) / "huge.annproj"
        write_corpus(source, count)
        seconds, peak, ratio = import_into_new(project, source)
        source.unlink()  # room for the opening backup
        print(f"import_{name}_s: {seconds:.1f} s", flush=True)
        print(f"import_{name}_peak_rss_mb: {peak:.0f} MB", flush=True)
        print(f"project_size_ratio_{name}: {ratio:.2f} ratio", flush=True)
        with tempfile.TemporaryDirectory() as home:
            opened = open_window(project, app_env(Path(home), "amal"))
        print(f"open_{name}_s: {opened:.2f} s", flush=True)
        print_list_figures(name, project)


if __name__ == "__main__":
    main()
