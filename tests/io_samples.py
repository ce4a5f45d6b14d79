"""Sample articles and a small annotated project shared by the import/export tests."""

from __future__ import annotations

import hashlib
from pathlib import Path

from annotator.core.model import Argument, Event, Span, Status, new_id
from annotator.store import ProjectStore

# Written for these tests: harakat, tatweel, emoji (astral and ZWJ), bidi marks, Latin words.
ARTICLE_1 = (
    "الموصل (رويترز) ‏— استقبلَ محافظُ نينوى نجم الجبوري وفداً من منظمة UNICEF "
    "في مبنى المحافـــظة يوم الأحد 😀، وبحث معه إعادة تأهيل المدارس.\n"
    "وقالت المتحدثة \u200eسارة Miller\u200f إن المشروع سيبدأ في آب/أغسطس 2026 👩‍🏫."
)
ARTICLE_2 = "هاجمَ مسلحون قريةً قرب كركوك فجر الثلاثاء، ما أسفر عن مقتل ثلاثة أشخاص 🇮🇶."
ARTICLE_3 = "أعلنت شركة Airbus عن افتتاح مكتب جديد في دبي.\nوالعاصمة الإماراتية تستضيف المعرض."


def locate(text: str, needle: str, occurrence: int = 1) -> tuple[int, int]:
    """Code-point offsets of the n-th occurrence of ``needle``."""
    position = -1
    for _ in range(occurrence):
        position = text.index(needle, position + 1)
    return position, position + len(needle)


def span(doc_id: str, annotator: str, text: str, needle: str, label: str) -> Span:
    """A span over ``needle`` in ``text``."""
    return Span(new_id(), doc_id, annotator, *locate(text, needle), label)


def build_project(store: ProjectStore) -> dict[str, str]:
    """Three articles: one annotated by amal (done, with an event) and karim (nested spans),
    one not annotated, one pre-annotated by a model. Returns title -> document id."""
    docs = store.documents.add_many(
        [
            (ARTICLE_1, "الموصل", "art-1", {"source": "test"}, None),
            (ARTICLE_2, "كركوك", "art-2", {}, None),
            (ARTICLE_3, "دبي", None, {"lang": "ar"}, None),
        ]
    )
    d1, d2, d3 = (d.id for d in docs)
    amal = [
        span(d1, "amal", ARTICLE_1, "نجم الجبوري", "PER"),
        span(d1, "amal", ARTICLE_1, "UNICEF", "ORG"),
        span(d1, "amal", ARTICLE_1, "سارة Miller", "PER"),
        span(d1, "amal", ARTICLE_1, "المحافـــظة", "FAC"),
        span(d2, "amal", ARTICLE_2, "مسلحون", "PER"),
        span(d2, "amal", ARTICLE_2, "قريةً", "GPE"),
    ]
    karim = [
        span(d1, "karim", ARTICLE_1, "محافظُ نينوى", "PER"),
        span(d1, "karim", ARTICLE_1, "نينوى", "GPE"),
    ]
    store.annotations.add_spans(amal + karim)
    trigger = locate(ARTICLE_2, "هاجمَ")
    store.annotations.add_event(
        Event(
            new_id(),
            d2,
            "amal",
            "Conflict.Attack",
            *trigger,
            (
                Argument(new_id(), "Attacker", amal[4].id),
                Argument(new_id(), "Place", amal[5].id),
            ),
        )
    )
    store.annotators.set_status(d1, "amal", Status.DONE)
    store.annotators.set_status(d2, "amal", Status.DONE)
    store.annotators.ensure("model")
    store.annotations.add_spans([span(d3, "model", ARTICLE_3, "Airbus", "ORG")])
    return {"mosul": d1, "kirkuk": d2, "dubai": d3}


def file_hash(path: Path) -> str:
    """SHA-256 of a file's bytes (with its WAL, if any, which holds committed pages)."""
    digest = hashlib.sha256(path.read_bytes())
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        digest.update(wal.read_bytes())
    return digest.hexdigest()


def sample_project_file(folder: Path) -> Path:
    """``folder``/p.annproj holding :func:`build_project`'s documents and annotations."""
    from annotator.services.projects import new_project

    path = folder / "p.annproj"
    with new_project(path) as store:
        build_project(store)
    return path
