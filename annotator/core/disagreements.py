"""Where annotators disagree on a document, for adjudication.

A span is *agreed* when every annotator has a span with the same start, end and
label; an event is agreed when every annotator has one with the same trigger,
type and arguments (role, argument span offsets and label). Everything else is
in disagreement. Overlapping items in disagreement form one :class:`Disagreement`
region; regions come in text order, for next/previous navigation.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from annotator.core.model import Event, Span

Signature = tuple[object, ...]
T = TypeVar("T")


@dataclass(frozen=True)
class Disagreement:
    """A stretch ``[start, end)`` of text where the annotators' spans or events differ."""

    start: int
    end: int
    spans: tuple[Span, ...]
    events: tuple[Event, ...]

    def annotators(self) -> set[str]:
        """Who has something in this region."""
        return {s.annotator for s in self.spans} | {e.annotator for e in self.events}


def span_signature(span: Span) -> Signature:
    """What two annotators' spans must share to agree."""
    return (span.start, span.end, span.label)


def event_signature(event: Event, spans: Mapping[str, Span]) -> Signature:
    """What two annotators' events must share to agree (``spans``: the annotator's, by id)."""
    arguments = sorted(
        (a.role, spans[a.span_id].start, spans[a.span_id].end, spans[a.span_id].label)
        for a in event.arguments
        if a.span_id in spans
    )
    return (event.trigger_start, event.trigger_end, event.type, tuple(arguments))


def agreed_spans(spans: Mapping[str, Sequence[Span]]) -> list[Span]:
    """The first annotator's spans that every annotator has (counted with repetitions)."""
    common = _common({a: [span_signature(s) for s in items] for a, items in spans.items()})
    return _take(next(iter(spans.values()), ()), span_signature, common)


def agreed_events(
    spans: Mapping[str, Sequence[Span]], events: Mapping[str, Sequence[Event]]
) -> list[Event]:
    """The first annotator's events that every annotator has, arguments included."""
    signatures = _event_signatures(spans, events)
    common = _common(signatures)
    first = next(iter(spans), None)
    if first is None:
        return []
    by_id = {s.id: s for s in spans[first]}
    return _take(events.get(first, ()), lambda e: event_signature(e, by_id), common)


def find_disagreements(
    spans: Mapping[str, Sequence[Span]], events: Mapping[str, Sequence[Event]]
) -> list[Disagreement]:
    """Regions where the annotators differ, in text order."""
    span_common = _common({a: [span_signature(s) for s in items] for a, items in spans.items()})
    event_common = _common(_event_signatures(spans, events))
    items: list[tuple[int, int, Span | Event]] = []
    for annotator, annotator_spans in spans.items():
        left = Counter(span_common)
        by_id = {s.id: s for s in annotator_spans}
        for span in annotator_spans:
            if not _consume(left, span_signature(span)):
                items.append((span.start, span.end, span))
        left = Counter(event_common)
        for event in events.get(annotator, ()):
            if not _consume(left, event_signature(event, by_id)):
                items.append((event.trigger_start, event.trigger_end, event))
    return _regions(items)


def _regions(items: list[tuple[int, int, Span | Event]]) -> list[Disagreement]:
    items.sort(key=lambda item: (item[0], item[1]))
    regions: list[Disagreement] = []
    group: list[Span | Event] = []
    start = end = 0
    for item_start, item_end, item in items:
        if group and item_start >= end:
            regions.append(_region(start, end, group))
            group = []
        if not group:
            start, end = item_start, item_end
        group.append(item)
        end = max(end, item_end)
    if group:
        regions.append(_region(start, end, group))
    return regions


def _region(start: int, end: int, group: list[Span | Event]) -> Disagreement:
    return Disagreement(
        start,
        end,
        tuple(i for i in group if isinstance(i, Span)),
        tuple(i for i in group if isinstance(i, Event)),
    )


def _event_signatures(
    spans: Mapping[str, Sequence[Span]], events: Mapping[str, Sequence[Event]]
) -> dict[str, list[Signature]]:
    signatures = {}
    for annotator in spans:
        by_id = {s.id: s for s in spans[annotator]}
        signatures[annotator] = [event_signature(e, by_id) for e in events.get(annotator, ())]
    return signatures


def _common(signatures: Mapping[str, Sequence[Signature]]) -> Counter[Signature]:
    """Signatures every annotator has, with the smallest count any of them has."""
    counters = [Counter(items) for items in signatures.values()]
    if not counters:
        return Counter()
    common = counters[0]
    for counter in counters[1:]:
        common &= counter
    return common


def _consume(left: Counter[Signature], signature: Signature) -> bool:
    if left[signature] > 0:
        left[signature] -= 1
        return True
    return False


def _take(
    items: Sequence[T], signature: Callable[[T], Signature], common: Counter[Signature]
) -> list[T]:
    left = Counter(common)
    return [item for item in items if _consume(left, signature(item))]
