"""Agreement over 10,000 generated documents annotated by three annotators.

Prints ``agreement_10k_s: X s``: the time compute_agreement takes over the whole
corpus (per-document and corpus figures, every metric). Generating the corpus is
not timed. Run: ``python tests/benchmarks/bench_agreement.py [--profile]``.
"""

from __future__ import annotations

import cProfile
import pstats
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from annotator.core.agreement import AgreementDocument, Work, compute_agreement

DOCUMENTS = 10_000
ANNOTATORS = ("amal", "karim", "salma")
LABELS = ("PER", "ORG", "GPE", "LOC", "FAC")
EVENTS = ("Conflict.Attack", "Movement.Transport", "Contact.Meet")
WORDS = [
    "قال",
    "وزير",
    "الخارجية",
    "إن",
    "الوفد",
    "وصل",
    "إلى",
    "بغداد",
    "صباح",
    "أمس",
    "لبحث",
    "التعاون",
    "مع",
    "الحكومة",
]


def make_corpus(seed: int = 1) -> list[AgreementDocument]:
    """Articles of ~120 words with ~12 mentions, each annotator deviating now and then."""
    rng = random.Random(seed)
    corpus = []
    for n in range(DOCUMENTS):
        words = [rng.choice(WORDS) for _ in range(120)]
        text = " ".join(words) + "."
        starts = [0]
        for word in words[:-1]:
            starts.append(starts[-1] + len(word) + 1)
        mentions = [
            (starts[i], starts[i] + len(words[i]), rng.choice(LABELS))
            for i in sorted(rng.sample(range(120), 12))
        ]
        work = {name: _vary(rng, mentions) for name in ANNOTATORS}
        corpus.append(AgreementDocument(str(n), f"doc {n}", text, work))
    return corpus


def _vary(rng: random.Random, mentions: list[tuple[int, int, str]]) -> Work:
    spans = []
    for start, end, label in mentions:
        roll = rng.random()
        if roll < 0.05:
            continue  # missed
        if roll < 0.10:
            label = rng.choice(LABELS)
        elif roll < 0.15:
            end -= 1  # boundary disagreement
        spans.append((start, end, label))
    triggers = tuple(
        (s, e, rng.choice(EVENTS[:2]) if rng.random() < 0.1 else EVENTS[0])
        for s, e, _ in mentions[:2]
    )
    arguments = tuple((*triggers[0], "Target", s, e) for s, e, _ in spans[2:4])
    return Work(tuple(sorted(spans)), triggers, arguments)


def main() -> None:
    corpus = make_corpus()
    profiler = cProfile.Profile() if "--profile" in sys.argv else None
    started = time.perf_counter()
    if profiler:
        profiler.enable()
    report = compute_agreement(corpus, ANNOTATORS)
    elapsed = time.perf_counter() - started
    if profiler:
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    assert len(report.documents) == DOCUMENTS
    print(f"agreement_10k_s: {elapsed:.2f} s", flush=True)


if __name__ == "__main__":
    main()
