"""Imports a generated pre-annotated JSONL of N articles, then merges the project into an
empty one; prints the memory peaks.

Run as ``python import_memory_worker.py N FOLDER``. Prints ``peak_bytes`` (the
largest Python heap the import itself used, tracemalloc, above what was in use
when it began), ``merge_peak_bytes`` (the same for merging the project into an
empty one) and ``rss_kb`` (the process's peak resident set).
"""

from __future__ import annotations

import json
import random
import resource
import sys
import tracemalloc
from pathlib import Path

from annotator.services.importing import import_paths
from annotator.services.merge import merge_project
from annotator.services.projects import new_project

WORDS = [
    "قال",
    "وزير",
    "الداخلية",
    "إن",
    "الحكومة",
    "ستواصل",
    "العمل",
    "مع",
    "الشركاء",
    "في",
    "المنطقة",
    "لتعزيز",
    "الأمن",
]
NAMES = [("أحمد الساعدي", "PER"), ("بغداد", "GPE"), ("الأمم المتحدة", "ORG")]


def write_corpus(path: Path, articles: int) -> None:
    """Short articles (~300 characters, a few mentions each) as native JSONL with ids."""
    rng = random.Random(7)
    with path.open("w", encoding="utf-8") as out:
        for number in range(articles):
            text, entities = f"خبر {number}\n", []
            while len(text) < 300:
                if rng.random() < 0.15:
                    name, label = rng.choice(NAMES)
                    entities.append(
                        {
                            "id": f"T{number}-{len(entities)}",
                            "start": len(text),
                            "end": len(text) + len(name),
                            "label": label,
                        }
                    )
                    text += name + " "
                else:
                    text += rng.choice(WORDS) + " "
            record = {"text": text.strip(), "annotator": "model", "entities": entities}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def main() -> None:
    articles, folder = int(sys.argv[1]), Path(sys.argv[2])
    source = folder / f"in-{articles}.jsonl"
    write_corpus(source, articles)
    with new_project(folder / f"p-{articles}.annproj") as store:
        tracemalloc.start()
        base = tracemalloc.get_traced_memory()[0]
        report = import_paths(store, [source])
        peak = tracemalloc.get_traced_memory()[1] - base
        tracemalloc.stop()
    assert report.documents == articles, report.lines()[0]
    with new_project(folder / f"merged-{articles}.annproj") as merged:
        tracemalloc.start()
        base = tracemalloc.get_traced_memory()[0]
        result = merge_project(merged, folder / f"p-{articles}.annproj")
        merge_peak = tracemalloc.get_traced_memory()[1] - base
        tracemalloc.stop()
    assert result.documents_added == articles
    print(f"peak_bytes {peak}")
    print(f"merge_peak_bytes {merge_peak}")
    print(f"rss_kb {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}")


if __name__ == "__main__":
    main()
