"""Import and export speed on a generated corpus of 10,000 articles (~30 MB).

Prints:
  import_10k_s            seconds to import the folder of 10,000 text files
  import_preannotated_s   seconds to import model predictions for all of them (JSONL)
  export_10k_s            seconds to export the project as native JSONL
  export_ratio            export throughput / throughput of merely serialising the same
                          records with the same JSON encoder, in this run
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from annotator.core.formats import native
from annotator.services.export_selection import ExportFilter, select_items
from annotator.services.exporting import ENCODER, ExportOptions, export_project
from annotator.services.importing import import_paths
from annotator.services.projects import new_project

ARTICLES = 10_000
PROSE = (
    "قال وزير الداخلية إن الحكومة ستواصل العمل مع الشركاء في المنطقة لتعزيز الأمن "
    "والاستقرار وأكد المتحدث باسم الوزارة أن الاجتماع تناول ملفات اقتصادية وسياسية "
    "عديدة بينها إعادة إعمار المدن المتضررة ودعم المزارعين في الريف الـــجنوبي "
    "وأضاف مصدر مطلع أن الوفد سيزور العاصمة الأسبوع المقبل"
)
WORDS = PROSE.split()
NAMES = ["أحمد الساعدي", "بغداد", "الأمم المتحدة", "NATO", "البصرة", "ليلى حسن"]
LABELS = ["PER", "GPE", "ORG", "ORG", "GPE", "PER"]


def make_article(rng: random.Random) -> tuple[str, list[list]]:
    """About 3 KB of text with a dozen entity mentions (and their doccano labels)."""
    parts, labels, length = [], [], 0
    while length < 1650:
        if rng.random() < 0.08:
            k = rng.randrange(len(NAMES))
            labels.append([length, length + len(NAMES[k]), LABELS[k]])
            piece = NAMES[k]
        else:
            piece = rng.choice(WORDS)
        if rng.random() < 0.01:
            piece += " 😀"
        parts.append(piece)
        length += len(piece) + 1
    return " ".join(parts) + ".", labels


def main() -> None:
    rng = random.Random(4)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        corpus, predictions = root / "corpus", root / "predictions.jsonl"
        corpus.mkdir()
        with predictions.open("w", encoding="utf-8") as out:
            for i in range(ARTICLES):
                text, labels = make_article(rng)
                (corpus / f"{i:05d}.txt").write_text(f"خبر رقم {i}\n{text}", encoding="utf-8")
                line = {
                    "text": f"خبر رقم {i}\n{text}",
                    "label": [
                        [s + len(f"خبر رقم {i}\n"), e + len(f"خبر رقم {i}\n"), lab]
                        for s, e, lab in labels
                    ],
                }
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
        megabytes = sum(p.stat().st_size for p in corpus.iterdir()) / 1e6
        store = new_project(root / "bench.annproj")
        started = time.perf_counter()
        import_paths(store, [corpus])
        print(f"import_10k_s: {time.perf_counter() - started:.2f} s  ({megabytes:.1f} MB)")
        started = time.perf_counter()
        report = import_paths(store, [predictions])
        print(
            f"import_preannotated_s: {time.perf_counter() - started:.2f} s  ({report.spans} spans)"
        )

        started = time.perf_counter()
        export_project(store, ExportOptions(), root / "export.jsonl")
        export_s = time.perf_counter() - started
        print(f"export_10k_s: {export_s:.2f} s")
        _, items = select_items(store, ExportFilter())
        records = [native.to_json(item) for item in items]
        started = time.perf_counter()
        for record in records:
            ENCODER.encode(record)
        bare_s = time.perf_counter() - started
        print(f"export_ratio: {bare_s / export_s:.2f} ratio")
        store.close()


if __name__ == "__main__":
    main()
