"""Small Arabic articles and helpers shared by the team-workflow tests."""

from __future__ import annotations

from annotator.core.model import Argument, Event, Span, Status, new_id
from annotator.services.projects import ProjectStore

ARTICLES = [
    ("قمة في عمّان", "التقى الملك عبد الله الثاني وفداً من البنك الدولي في عمّان صباح الأحد."),
    ("أمطار في الموصل", "هطلت أمطار غزيرة على الموصل وأغلقت بلدية المدينة ثلاثة جسور."),
    ("اتفاق تجاري", "وقّعت شركة النور للطيران اتفاقاً مع الحكومة المصرية في القاهرة."),
]


def add_articles(store: ProjectStore) -> list[str]:
    """Add the sample articles; returns their ids."""
    return [store.documents.add(text, title).id for title, text in ARTICLES]


def mention(store: ProjectStore, doc_id: str, annotator: str, text: str, label: str) -> Span:
    """Add ``annotator``'s span over the first occurrence of ``text``."""
    document = store.documents.get(doc_id)
    start = document.text.index(text)
    span = Span(new_id(), doc_id, annotator, start, start + len(text), label)
    return store.annotations.add_span(span)


def meeting(
    store: ProjectStore, doc_id: str, annotator: str, *arguments: tuple[str, Span]
) -> Event:
    """Add ``annotator``'s Contact.Meet event on the trigger التقى."""
    start = store.documents.get(doc_id).text.index("التقى")
    event = Event(
        new_id(),
        doc_id,
        annotator,
        "Contact.Meet",
        start,
        start + 5,
        tuple(Argument(new_id(), role, span.id) for role, span in arguments),
    )
    return store.annotations.add_event(event)


def finish(store: ProjectStore, doc_id: str, *annotators: str) -> None:
    """Mark the document done for each annotator."""
    for annotator in annotators:
        store.annotators.set_status(doc_id, annotator, Status.DONE)
