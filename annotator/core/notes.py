"""Notes and the "unsure" flag: an annotator's comment on a span, an event or a document."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from annotator.core.errors import ValidationError

MAX_NOTE_LENGTH = 10_000  # a comment, not a document: longer text is an error


class NoteKind(str, Enum):
    """What a note is attached to."""

    SPAN = "span"
    EVENT = "event"
    DOCUMENT = "document"


@dataclass(frozen=True)
class Note:
    """``annotator``'s note on ``target_id`` (a span's or event's id, or a document's id)."""

    target_id: str
    kind: NoteKind
    document_id: str
    annotator: str
    text: str = ""
    unsure: bool = False

    def __post_init__(self) -> None:
        if len(self.text) > MAX_NOTE_LENGTH:
            raise ValidationError(
                f"note on {self.kind.value} {self.target_id}: {len(self.text)} characters "
                f"(at most {MAX_NOTE_LENGTH})"
            )

    @property
    def empty(self) -> bool:
        """True when there is nothing to keep: no text and not flagged."""
        return not self.text.strip() and not self.unsure
