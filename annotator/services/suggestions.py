"""Suggestions in the workspace: gather them from the chosen sources, accept, reject.

A source is named as the ``source`` of what accepting it creates:

* ``model:NAME``: the predictions of annotator NAME of kind ``model`` (imported, or
  written by ``annotator suggest``), with the confidence the model gave them;
* ``recommender:strings`` / ``recommender:crf``: the live recommenders (see
  services.recommending), whose objects the caller passes in;
* ``annotator:NAME``: another annotator's or the gold's work (for a reviewer).

What the annotator already has (same range and label) and what they rejected
on that document are never suggested.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from annotator.core.errors import ValidationError
from annotator.core.model import AnnotatorKind
from annotator.core.recommenders import ItemKind, Prediction, Recommender
from annotator.core.recommenders.base import Rejection
from annotator.store import ProjectStore

MODEL, RECOMMENDER, ANNOTATOR = "model", "recommender", "annotator"


@dataclass(frozen=True)
class SuggestedArgument:
    """An argument of a suggested event: the entity ``[start, end)`` labelled ``label``."""

    role: str
    start: int
    end: int
    label: str


@dataclass(frozen=True)
class Suggestion:
    """A span (or an event's trigger, with its arguments) one source suggests on a document.

    ``confidence`` is None for a source that gives none (another annotator, or
    predictions imported without scores).
    """

    document_id: str
    kind: ItemKind
    start: int
    end: int
    label: str
    source: str
    confidence: float | None = None
    arguments: tuple[SuggestedArgument, ...] = ()

    @property
    def key(self) -> tuple[str, int, int, str]:
        """What makes two suggestions the same item: kind, range and label."""
        return (self.kind.value, self.start, self.end, self.label)


@dataclass(frozen=True)
class SuggestionSource:
    """A source the annotator may choose: ``name`` as in ``source``; ``kind`` its family."""

    name: str
    kind: str
    title: str


def available_sources(
    store: ProjectStore, annotator: str, reviewer: bool = False, recommenders: Iterable[str] = ()
) -> list[SuggestionSource]:
    """The sources ``annotator`` may choose: models, live recommenders, and (reviewers) people."""
    sources = [
        SuggestionSource(f"{RECOMMENDER}:{name}", RECOMMENDER, name) for name in recommenders
    ]
    for other in store.annotators.all():
        if other.name == annotator:
            continue
        if other.kind is AnnotatorKind.MODEL:
            sources.append(SuggestionSource(f"{MODEL}:{other.name}", MODEL, other.name))
        elif reviewer:
            sources.append(SuggestionSource(f"{ANNOTATOR}:{other.name}", ANNOTATOR, other.name))
    return sorted(sources, key=lambda s: (s.kind != MODEL, s.kind, s.name))


def _split(source: str) -> tuple[str, str]:
    kind, _, name = source.partition(":")
    if kind not in (MODEL, RECOMMENDER, ANNOTATOR) or not name:
        raise ValidationError(
            f"unknown suggestion source {source!r} (expected model:NAME, recommender:NAME "
            "or annotator:NAME)"
        )
    return kind, name


def suggestions(
    store: ProjectStore,
    doc_id: str,
    annotator: str,
    sources: Sequence[str],
    recommenders: Mapping[str, Recommender] | None = None,
    threshold: float | Mapping[str, float] = 0.0,
) -> list[Suggestion]:
    """What ``sources`` suggest on ``doc_id`` that ``annotator`` neither has nor rejected.

    ``recommenders`` maps a live recommender's name to its trained object; a
    suggestion below ``threshold`` confidence is left out (one without a
    confidence never is); ``threshold`` may map a source name to its own (the
    Recommenders panel's). When several sources suggest the same item, the most
    confident one is kept. By position, longer first.
    """
    own = _own_keys(store, doc_id, annotator)
    own |= {_key_of(r) for r in store.suggestions.rejections(annotator, doc_id)}
    best: dict[tuple[str, int, int, str], Suggestion] = {}
    for source in sources:
        floor = threshold if isinstance(threshold, (int, float)) else threshold.get(source, 0.0)
        for item in _from_source(store, doc_id, source, recommenders or {}):
            if item.key in own or (item.confidence is not None and item.confidence < floor):
                continue
            kept = best.get(item.key)
            if kept is None or (item.confidence or 0.0) > (kept.confidence or 0.0):
                best[item.key] = item
    return sorted(best.values(), key=lambda s: (s.start, -s.end, s.kind.value, s.label))


def _key_of(rejection: Rejection) -> tuple[str, int, int, str]:
    return (rejection.kind.value, rejection.start, rejection.end, rejection.label)


def _own_keys(store: ProjectStore, doc_id: str, annotator: str) -> set[tuple[str, int, int, str]]:
    keys = {("span", s.start, s.end, s.label) for s in store.annotations.spans(doc_id, annotator)}
    keys |= {
        ("event", e.trigger_start, e.trigger_end, e.type)
        for e in store.annotations.events(doc_id, annotator)
    }
    return keys


def _from_source(
    store: ProjectStore, doc_id: str, source: str, recommenders: Mapping[str, Recommender]
) -> list[Suggestion]:
    kind, name = _split(source)
    if kind == RECOMMENDER:
        recommender = recommenders.get(name)
        if recommender is None:
            return []
        text = store.documents.get(doc_id).text
        return [_from_prediction(doc_id, source, p) for p in recommender.predict(text)]
    confidences = store.suggestions.confidences(doc_id, name) if kind == MODEL else {}
    spans = store.annotations.spans(doc_id, name)
    by_id = {s.id: s for s in spans}
    items = [
        Suggestion(doc_id, ItemKind.SPAN, s.start, s.end, s.label, source, confidences.get(s.id))
        for s in spans
    ]
    for event in store.annotations.events(doc_id, name):
        arguments = tuple(
            SuggestedArgument(
                a.role, by_id[a.span_id].start, by_id[a.span_id].end, by_id[a.span_id].label
            )
            for a in event.arguments
            if a.span_id in by_id
        )
        items.append(
            Suggestion(
                doc_id,
                ItemKind.EVENT,
                event.trigger_start,
                event.trigger_end,
                event.type,
                source,
                confidences.get(event.id),
                arguments,
            )
        )
    return items


def _from_prediction(doc_id: str, source: str, prediction: Prediction) -> Suggestion:
    return Suggestion(
        doc_id,
        prediction.kind,
        prediction.start,
        prediction.end,
        prediction.label,
        source,
        round(prediction.confidence, 4),
    )


def suggestions_at(items: Sequence[Suggestion], offset: int) -> list[Suggestion]:
    """The suggestions covering code point ``offset`` (the cursor), shortest first."""
    return sorted(
        (s for s in items if s.start <= offset < s.end), key=lambda s: (s.end - s.start, s.start)
    )


def next_suggestion(
    items: Sequence[Suggestion], offset: int, backwards: bool = False
) -> Suggestion | None:
    """The first suggestion starting after ``offset`` (before it, ``backwards``), wrapping."""
    if not items:
        return None
    ordered = sorted(items, key=lambda s: (s.start, -s.end))
    if backwards:
        before = [s for s in ordered if s.start < offset]
        return before[-1] if before else ordered[-1]
    after = [s for s in ordered if s.start > offset]
    return after[0] if after else ordered[0]
