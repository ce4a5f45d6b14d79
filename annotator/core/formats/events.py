"""Events for training: sentence-level JSON in the ACE05-E style (OneIE, DyGIE++, TextEE).

One JSON line per sentence::

    {"doc_id": "...", "sent_id": "doc-3", "annotator": "...", "sentence": "...",
     "sentence_start": 812, "tokens": ["...", ...],
     "entity_mentions": [{"id": "...", "text": "...", "entity_type": "PER",
                          "start": 4, "end": 6}],
     "relation_mentions": [],
     "event_mentions": [{"id": "...", "event_type": "Conflict.Attack",
                         "trigger": {"text": "...", "start": 2, "end": 3},
                         "arguments": [{"entity_id": "...", "text": "...",
                                        "role": "Attacker"}]}]}

Token offsets are end-exclusive indices into ``tokens``; ``sentence_start`` is
the sentence's first character in the document. Sentences come from the same
Arabic-aware splitter as CoNLL (after ``.!?؟…`` and at line breaks) and never cut
a mention, a trigger or an event with its arguments: the argument's entity is
always in the trigger's sentence, as these readers require. Tokens are cut at
annotation boundaries, so every mention aligns.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from annotator.core.formats.tokenize import Token, TokenIndex, sentences
from annotator.core.model import DocumentAnnotations, Event, Span


def event_extent(event: Event, starts: dict[str, tuple[int, int]]) -> tuple[int, int]:
    """The characters from the first to the last of a trigger and its argument mentions."""
    ranges = [(event.trigger_start, event.trigger_end)]
    ranges += [starts[a.span_id] for a in event.arguments if a.span_id in starts]
    return min(r[0] for r in ranges), max(r[1] for r in ranges)


def to_records(
    item: DocumentAnnotations, tokens: list[Token]
) -> tuple[list[dict[str, Any]], list[str]]:
    """The sentence records of one document and annotator, and what they left out."""
    text = item.document.text
    doc_id = item.document.export_id
    spans = {s.id: (s.start, s.end) for s in item.spans}
    keep = [*spans.values(), *(event_extent(e, spans) for e in item.events)]
    groups = sentences(text, tokens, keep)
    by_start = sorted(item.spans, key=lambda s: s.start)
    span_starts = [s.start for s in by_start]
    by_trigger = sorted(item.events, key=lambda e: e.trigger_start)
    trigger_starts = [e.trigger_start for e in by_trigger]
    records, warnings = [], []
    placed = 0
    for number, sentence in enumerate(groups):
        first, last = sentence[0], sentence[-1]
        local = TokenIndex(text, sentence)
        # Sentences are never cut inside a mention: a mention starting here ends here.
        entities = by_start[
            bisect_left(span_starts, first.start) : bisect_left(span_starts, last.end)
        ]
        events = by_trigger[
            bisect_left(trigger_starts, first.start) : bisect_left(trigger_starts, last.end)
        ]
        placed += len(entities) + len(events)
        records.append(
            {
                "doc_id": doc_id,
                "sent_id": f"{doc_id}-{number}",
                "annotator": item.annotator or "",
                "sentence": text[first.start : last.end],
                "sentence_start": first.start,
                "tokens": [text[t.start : t.end] for t in sentence],
                "entity_mentions": _entities(text, entities, local, warnings),
                "relation_mentions": [],
                "event_mentions": _events(text, events, local, spans, warnings),
            }
        )
    if placed < len(item.spans) + len(item.events):
        missing = len(item.spans) + len(item.events) - placed
        warnings.append(
            f"{missing} mention(s) or trigger(s) start outside every sentence; left out"
        )
    return records, warnings


def _entities(
    text: str, spans: list[Span], index: TokenIndex, warnings: list[str]
) -> list[dict]:
    mentions = []
    for span in spans:
        where = index.align(span.start, span.end)
        if where.problem:
            warnings.append(f"span {span.label} [{span.start}, {span.end}): {where.problem}")
            continue
        mentions.append(
            {
                "id": span.id,
                "text": text[span.start : span.end],
                "entity_type": span.label,
                "start": where.first,
                "end": where.last + 1,
            }
        )
    return mentions


def _events(
    text: str,
    events: list[Event],
    index: TokenIndex,
    spans: dict[str, tuple[int, int]],
    warnings: list[str],
) -> list[dict]:
    mentions = []
    for event in events:
        where = index.align(event.trigger_start, event.trigger_end)
        if where.problem:
            warnings.append(f"event {event.type} [{event.trigger_start}]: {where.problem}")
            continue
        trigger = text[event.trigger_start : event.trigger_end]
        arguments = [
            {"entity_id": a.span_id, "text": text[slice(*spans[a.span_id])], "role": a.role}
            for a in event.arguments
            if a.span_id in spans
        ]
        mentions.append(
            {
                "id": event.id,
                "event_type": event.type,
                "trigger": {"text": trigger, "start": where.first, "end": where.last + 1},
                "arguments": arguments,
            }
        )
    return mentions
