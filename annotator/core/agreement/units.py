"""What agreement is computed over: each annotator's work on each shared document."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from annotator.core.model import Event, Span

NO_LABEL = "O"
"""The category of a position (token, character) no span covers, and of a missing span."""

SpanKey = tuple[int, int, str]
"""A span reduced to what agreement compares: ``(start, end, label)``."""

TriggerKey = tuple[int, int, str]
"""An event trigger: ``(trigger_start, trigger_end, type)``."""

ArgumentKey = tuple[int, int, str, str, int, int]
"""An argument: its event's trigger and type, its role, and the argument span's offsets."""


@dataclass(frozen=True)
class Work:
    """One annotator's annotations of one document, reduced to comparable keys."""

    spans: tuple[SpanKey, ...] = ()
    triggers: tuple[TriggerKey, ...] = ()
    arguments: tuple[ArgumentKey, ...] = ()

    @classmethod
    def of(cls, spans: Sequence[Span], events: Sequence[Event] = ()) -> Work:
        """The comparable keys of an annotator's spans and events.

        An argument whose span is not among ``spans`` is left out (it cannot be located).
        """
        by_id = {s.id: s for s in spans}
        arguments = []
        for event in events:
            for argument in event.arguments:
                span = by_id.get(argument.span_id)
                if span is not None:
                    arguments.append(
                        (event.trigger_start, event.trigger_end, event.type,
                         argument.role, span.start, span.end)
                    )
        return cls(
            spans=tuple(sorted((s.start, s.end, s.label) for s in spans)),
            triggers=tuple(sorted((e.trigger_start, e.trigger_end, e.type) for e in events)),
            arguments=tuple(sorted(arguments)),
        )


@dataclass(frozen=True)
class AgreementDocument:
    """A document and the work of every annotator who annotated it.

    An annotator absent from ``work`` did not annotate the document: their
    positions are *missing*, not "no label". An annotator present with empty
    work did annotate it and found nothing: every position is "no label".
    """

    doc_id: str
    title: str
    text: str
    work: Mapping[str, Work] = field(default_factory=dict)
    export_id: str | None = None  # the id exports show (see Document.export_id)
