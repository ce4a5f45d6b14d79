"""The annotation workspace on a long article: open-and-paint time and keystroke latency.

Generates a 100,000-character Arabic article with 5,000 entity spans (some
nested), opens it in the main window and prints:
- `open_paint_s`: opening the project and its article until the view has painted;
- `keystroke_median_ms` / `keystroke_p95_ms`: from a label key press on a selected
  word to the repainted view (the span saved in the project file included).
"""

from __future__ import annotations

import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.benchmarks.window_harness import (  # noqa: E402
    isolated_home,
    open_window,
    p95,
    paint_counter,
)

TEXT_LENGTH = 100_000
SPANS = 5_000
KEYSTROKES = 200
SAMPLE = (
    "أعلن وزيرُ الخارجية «سعيد الكرخي» أن الحكومة العراقية ستواصل الحوار مع وفدٍ من "
    "الأمم المتحدة في الموصل، وقال\u200f إن اللقاء كان مثمرًا 😀؛ وأضاف المتحدث باسم "
    "الـــوزارة أن الاجتماع المقبل سيعقد في بغداد يوم 3 نيسان."
)
WORDS = SAMPLE.split()


def generate_article(seed: int = 7) -> str:
    """About TEXT_LENGTH characters of Arabic news-like text in paragraphs."""
    rng = random.Random(seed)
    parts: list[str] = []
    length = 0
    while length < TEXT_LENGTH:
        sentence = " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20)))
        paragraph_end = rng.random() < 0.2
        piece = sentence + (".\n" if paragraph_end else ". ")
        parts.append(piece)
        length += len(piece)
    return "".join(parts)[:TEXT_LENGTH].rstrip() + "."


def word_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) of every word, between spaces or line breaks.

    Not across a line break: labelling "word.\nword" asks first (the span guard's
    paragraph question), and the benchmark would wait on that dialog for ever.
    """
    return [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]


def build_project(path: Path) -> tuple[str, list[tuple[int, int]]]:
    """The project with the article and SPANS spans; returns the text and unlabelled words."""
    from annotator.core.model import Span, new_id
    from annotator.services.projects import new_project

    text = generate_article()
    words = word_ranges(text)
    rng = random.Random(11)
    chosen = sorted(rng.sample(range(len(words) - 1), SPANS))
    labels = ["PER", "ORG", "GPE", "LOC", "FAC", "TIME"]
    with new_project(path) as store:
        doc = store.documents.add(text, "مقال طويل")
        spans = []
        for n, index in enumerate(chosen):
            start, end = words[index]
            if n % 10 == 0:  # every tenth mention spans two words: nesting and overlaps
                end = words[index + 1][1]
            spans.append(Span(new_id(), doc.id, "bench", start, end, rng.choice(labels)))
        store.annotations.add_spans(spans)
    taken = set(chosen)
    free = [w for i, w in enumerate(words) if i not in taken and i - 1 not in taken]
    return text, free


def main() -> None:
    """Print the workspace figures."""
    with isolated_home() as home:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QTextCursor
        from PySide6.QtTest import QTest

        from annotator.services.projects import new_project

        path = home / "bench.annproj"
        _text, free = build_project(path)
        empty = home / "empty.annproj"
        new_project(empty).close()
        app, window = open_window(empty, "bench")
        view = window.reading_view

        started = time.perf_counter()
        window.open_project(path)
        app.processEvents()
        view.viewport().repaint()
        open_paint = time.perf_counter() - started

        view.setFocus()
        spy = paint_counter(view.viewport())  # did processEvents() paint?
        rng = random.Random(3)
        samples = []
        offsets = window.features[0].workspace.annotations.offsets
        for start, end in rng.sample(free, KEYSTROKES):
            cursor = view.textCursor()
            cursor.setPosition(offsets.to_qt(start))
            cursor.setPosition(offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            view.setTextCursor(cursor)
            view.ensureCursorVisible()
            app.processEvents()
            began = time.perf_counter()
            paints = spy.paints
            QTest.keyClick(view, Qt.Key.Key_1)
            app.processEvents()  # the work the keystroke queued: re-highlighting, painting
            if spy.paints == paints:
                raise RuntimeError("the keystroke did not repaint the view")
            samples.append((time.perf_counter() - began) * 1000)
        spans = len(window.features[0].workspace.annotations.spans)
        window.close()
    if spans != SPANS + KEYSTROKES:
        raise RuntimeError(f"expected {SPANS + KEYSTROKES} spans after the keystrokes, got {spans}")
    print(f"open_paint_s: {open_paint:.3f} s", flush=True)
    print(f"keystroke_median_ms: {statistics.median(samples):.1f} ms", flush=True)
    print(f"keystroke_p95_ms: {p95(samples):.1f} ms", flush=True)


if __name__ == "__main__":
    main()
