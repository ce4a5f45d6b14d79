"""Generated large corpora and projects for the scale benchmarks (not a benchmark itself).

Articles are those of bench_io (~1,650 characters of Arabic news prose, ~20
entity mentions each). A project of N articles is built once through the
store's batched writes and kept in the system's temporary folder
(``annotator-bench-<N>-<version>``), so repeated `make bench` runs reuse it;
nothing generated is ever committed.
"""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from annotator.core.model import Span, new_id
from annotator.services.projects import new_project
from annotator.store import migrations as migrations_module
from annotator.store.migrations import LATEST_VERSION

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_io import make_article

BATCH = 2000
ANNOTATORS = ("amal", "karim")


def cache_dir(articles: int) -> Path:
    """The folder holding the generated files for ``articles`` articles (created).

    Named after the file format's migrations too: a project built by other
    migrations would be refused by the structure check when opened.
    """
    steps = hashlib.sha256(Path(migrations_module.__file__).read_bytes()).hexdigest()[:8]
    name = f"annotator-bench-{articles}-v{LATEST_VERSION}-{steps}"
    folder = Path(tempfile.gettempdir()) / name
    folder.mkdir(exist_ok=True)
    return folder


def articles_of(count: int, seed: int = 4) -> Iterator[tuple[str, list[list]]]:
    """``count`` generated (text, doccano labels) pairs, the same every run."""
    rng = random.Random(seed)
    for number in range(count):
        yield make_article(rng, number)


def doccano_jsonl(articles: int) -> Path:
    """A pre-annotated doccano JSONL file of ``articles`` articles (cached)."""
    path = cache_dir(articles) / "predictions.jsonl"
    if not path.exists():
        temp = path.with_suffix(".tmp")
        with temp.open("w", encoding="utf-8") as out:
            for text, labels in articles_of(articles):
                out.write(json.dumps({"text": text, "label": labels}, ensure_ascii=False) + "\n")
        temp.replace(path)
    return path


def built_project(articles: int) -> Path:
    """A project of ``articles`` annotated articles (amal everywhere, karim on every other one).

    Built directly with the store's batched writes (fast; the import itself is
    measured elsewhere). Cached: later calls return the same file.
    """
    path = cache_dir(articles) / "project.annproj"
    if path.exists():
        return path
    temp = path.with_name("building.annproj")
    for leftover in temp.parent.glob("building.annproj*"):
        leftover.unlink()
    with new_project(temp) as store, store.transaction():
        batch: list[tuple[str, list[list]]] = []
        for article in articles_of(articles):
            batch.append(article)
            if len(batch) == BATCH:
                _write_batch(store, batch)
                batch = []
        if batch:
            _write_batch(store, batch)
    shutil.move(temp, path)
    return path


def _write_batch(store, batch: list[tuple[str, list[list]]]) -> None:
    docs = store.documents.add_many(
        (text, text.split("\n", 1)[0], None, None, None) for text, _ in batch
    )
    spans = []
    for number, (doc, (_, labels)) in enumerate(zip(docs, batch, strict=True)):
        names = ANNOTATORS if number % 2 == 0 else ANNOTATORS[:1]
        for name in names:
            spans += [Span(new_id(), doc.id, name, s, e, label) for s, e, label in labels]
    store.interchange.add_spans(spans)
