"""Import and export speed on a generated corpus of 10,000 articles (~30 MB).

Prints:
  import_corpus_mb          size of the generated corpus
  import_10k_s              seconds to import the folder of 10,000 text files
  export_ratio_text_only    export_ratio of that project (no annotations yet)
  import_preannotated_s     seconds to import model predictions for all of them (JSONL,
                            ~20 entity mentions per article)
  export_10k_s              seconds to export the pre-annotated project as native JSONL
                            (best of 3)
  export_ratio              export throughput / throughput of merely serialising the same
                            records with the same JSON encoder, in this run (pre-annotated;
                            best of 3 runs of each)
  export_hf_10k_s           seconds to export the pre-annotated project for Hugging Face
                            (tokenised, cut at annotation boundaries, sentence records; best of 3)
  export_events_10k_s       seconds to export it as ACE05-E style event sentences (best of 3)

The project's records are the model's predictions, with no status: the figures use
the full dump (every record), the most an export writes.
"""

from __future__ import annotations

import json
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from annotator.core.formats import native
from annotator.services.export_selection import ExportFilter, select_items
from annotator.services.exporting import ENCODER, ExportOptions, export_project
from annotator.services.importing import import_paths
from annotator.services.projects import new_project
from annotator.store import ProjectStore

ARTICLES = 10_000
REPEATS = 3  # best of, for both the export and the bare serialisation
FULL = ExportFilter(full_dump=True)
PROSE = (
    "قال وزير الداخلية إن الحكومة ستواصل العمل مع الشركاء في المنطقة لتعزيز الأمن "
    "والاستقرار وأكد المتحدث باسم الوزارة أن الاجتماع تناول ملفات اقتصادية وسياسية "
    "عديدة بينها إعادة إعمار المدن المتضررة ودعم المزارعين في الريف الـــجنوبي "
    "وأضاف مصدر مطلع أن الوفد سيزور العاصمة الأسبوع المقبل"
)
WORDS = PROSE.split()
NAMES = ["أحمد الساعدي", "بغداد", "الأمم المتحدة", "NATO", "البصرة", "ليلى حسن"]
LABELS = ["PER", "GPE", "ORG", "ORG", "GPE", "PER"]


def make_article(rng: random.Random, number: int) -> tuple[str, list[list]]:
    """About 3 KB of text with a headline line, and the doccano labels of its mentions."""
    text = f"خبر رقم {number}\n"
    parts, labels, length = [], [], len(text)
    while length < 1650:
        if rng.random() < 0.08:
            k = rng.randrange(len(NAMES))
            labels.append([length, length + len(NAMES[k]), LABELS[k]])
            piece = NAMES[k]
        else:
            piece = rng.choice(WORDS) + (" 😀" if rng.random() < 0.01 else "")
        parts.append(piece)
        length += len(piece) + 1
    return text + " ".join(parts) + ".", labels


def make_corpus(root: Path) -> tuple[Path, Path, float]:
    """A folder of text files, the matching predictions JSONL, and the folder's size in MB."""
    rng = random.Random(4)
    corpus, predictions = root / "corpus", root / "predictions.jsonl"
    corpus.mkdir()
    with predictions.open("w", encoding="utf-8") as out:
        for i in range(ARTICLES):
            text, labels = make_article(rng, i)
            (corpus / f"{i:05d}.txt").write_text(text, encoding="utf-8")
            out.write(json.dumps({"text": text, "label": labels}, ensure_ascii=False) + "\n")
    megabytes = sum(p.stat().st_size for p in corpus.iterdir()) / 1e6
    return corpus, predictions, megabytes


def export_ratio(store: ProjectStore, target: Path) -> tuple[float, float]:
    """(export seconds, bare-serialisation seconds / export seconds) for native JSONL.

    Each side is the best of REPEATS runs (as timeit does), so a moment of load on
    the machine moves neither figure. Raises if the export is not byte for byte
    the serialised records, one a line.
    """
    export_s = min(
        timed(lambda: export_project(store, ExportOptions(filter=FULL), target))
        for _ in range(REPEATS)
    )
    records = [native.to_json(item) for item in select_items(store, FULL)[1]]
    bare_s = min(timed(lambda: [ENCODER.encode(r) for r in records]) for _ in range(REPEATS))
    expected = "".join(ENCODER.encode(record) + "\n" for record in records).encode("utf-8")
    if target.read_bytes() != expected:
        raise SystemExit("the export differs from the serialised records")
    target.unlink()
    return export_s, bare_s / export_s


def export_seconds(store: ProjectStore, fmt: str, target: Path) -> float:
    """Best of REPEATS exports of ``fmt`` (a folder for hf), removed afterwards."""
    best = float("inf")
    for _ in range(REPEATS):
        best = min(best, timed(lambda: export_project(store, ExportOptions(fmt, FULL), target)))
        if target.is_dir():
            shutil.rmtree(target)
        else:
            target.unlink()
    return best


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        corpus, predictions, megabytes = make_corpus(root)
        with new_project(root / "bench.annproj") as store:
            seconds = timed(lambda: import_paths(store, [corpus]))
            print(f"import_corpus_mb: {megabytes:.1f} MB", flush=True)
            print(f"import_10k_s: {seconds:.2f} s", flush=True)
            _, ratio = export_ratio(store, root / "plain.jsonl")
            print(f"export_ratio_text_only: {ratio:.2f} ratio", flush=True)
            seconds = timed(lambda: import_paths(store, [predictions]))
            print(f"import_preannotated_s: {seconds:.2f} s", flush=True)
            export_s, ratio = export_ratio(store, root / "annotated.jsonl")
            print(f"export_10k_s: {export_s:.2f} s", flush=True)
            print(f"export_ratio: {ratio:.2f} ratio", flush=True)
            seconds = export_seconds(store, "hf", root / "hf")
            print(f"export_hf_10k_s: {seconds:.2f} s", flush=True)
            seconds = export_seconds(store, "events", root / "events.jsonl")
            print(f"export_events_10k_s: {seconds:.2f} s", flush=True)


if __name__ == "__main__":
    main()
