"""The annotation model: documents, annotators, entity spans and events.

Offsets are Python code-point indices into ``Document.text``, end-exclusive,
everywhere in this package. Qt's UTF-16 positions are converted in the UI only.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from annotator.core.errors import ValidationError
from annotator.core.notes import Note

# ULIDs (github.com/ulid/spec): 48 bits of milliseconds then 80 random bits, written as 26
# characters of Crockford's base 32, whose digits sort as they count. Made here rather than
# by a ULID package: an import makes 200,000 at once, from one clock reading, one read of
# random bytes and one bytes.translate (0.04 s), where a package builds an object per id.
_CROCKFORD = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ"
# A random byte -> a random digit: its low 5 bits (256 values, each digit 8 times: uniform).
_BYTE_TO_DIGIT = bytes(_CROCKFORD[value & 31] for value in range(256))


def _time_part() -> str:
    """The current time in milliseconds as a ULID's first 10 characters."""
    return _encoded_millis(time.time_ns() // 1_000_000)


@functools.lru_cache(maxsize=1)  # an import makes thousands of ids in one millisecond
def _encoded_millis(millis: int) -> str:
    return "".join(chr(_CROCKFORD[(millis >> shift) & 31]) for shift in range(45, -1, -5))


class _RandomBytes:
    """The system's random bytes, read 64 KiB at a time.

    One read per id was a system call per document in an import, and each one
    lets go of the GIL, which the importing thread then waits to get back while
    the reading thread runs (services.read_ahead). A child process forgets the
    bytes read before the fork, or parent and child would make the same ids.
    """

    _BLOCK = 64 * 1024

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pool = b""
        self._used = 0
        if hasattr(os, "register_at_fork"):  # not on Windows, which has no fork
            os.register_at_fork(after_in_child=self._forget)

    def take(self, count: int) -> bytes:
        """``count`` random bytes, none ever given before."""
        if count > self._BLOCK:
            return os.urandom(count)
        with self._lock:
            if self._used + count > len(self._pool):
                self._pool, self._used = os.urandom(self._BLOCK), 0
            start, self._used = self._used, self._used + count
            return self._pool[start : self._used]

    def _forget(self) -> None:
        self._lock = threading.Lock()
        self._pool, self._used = b"", 0


_RANDOM = _RandomBytes()


def _random_parts(count: int) -> str:
    """``count`` ULID random parts (80 bits, 16 characters each), one after another."""
    return _RANDOM.take(16 * count).translate(_BYTE_TO_DIGIT).decode("ascii")


def new_id() -> str:
    """A fresh globally unique id (a ULID); ids survive merging projects from several machines.

    The time comes first, so ids made later sort later and the file's indexes on ids
    grow at their end: an import writes each index page once and keeps it full,
    instead of splitting pages all over a large index (3x the writes, a third of each
    page empty). 80 random bits per millisecond keep ids from different machines apart.
    26 characters where the same 128 bits in hexadecimal take 32: ids are most of an
    annotation's row and of its indexes. Ids of older projects (32 hex digits) stay valid.
    """
    return _time_part() + _random_parts(1)


def new_ids(count: int) -> list[str]:
    """``count`` fresh ids, as ``new_id`` makes them, with one clock reading and one
    read of random bytes (an import makes 200,000: 0.2 s one by one, 0.05 s so)."""
    stamp, random = _time_part(), _random_parts(count)
    return [stamp + random[at : at + 16] for at in range(0, 16 * count, 16)]


def text_sha256(text: str) -> str:
    """The SHA-256 of a text's UTF-8 encoding, used to recognise a document across projects."""
    return utf8_sha256(text.encode("utf-8"))


def utf8_sha256(data: bytes) -> str:
    """``text_sha256`` of a text given as its UTF-8 bytes (encoded once for other uses too)."""
    return hashlib.sha256(data).hexdigest()


class Status(str, Enum):
    """Where one annotator stands with one document."""

    NEW = "new"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    SKIPPED = "skipped"

    @classmethod
    def parse(cls, value: str) -> Status:
        """The status named ``value``; raises ValidationError listing the valid names."""
        try:
            return cls(value)
        except ValueError:
            names = ", ".join(s.value for s in cls)
            raise ValidationError(f"unknown status {value!r} (expected one of {names})") from None


class AnnotatorKind(str, Enum):
    """Who produced a set of annotations: a person, a model's predictions, or adjudication."""

    HUMAN = "human"
    MODEL = "model"
    GOLD = "gold"


# One document is one article: a text this long is a whole corpus (or a broken file) and
# would make the text view unusable. About 2 MB of Arabic in UTF-8.
MAX_DOCUMENT_CHARS = 1_000_000


def check_document_length(text: str, what: str = "document") -> None:
    """Raise ValidationError if ``text`` is longer than one document may be."""
    if len(text) > MAX_DOCUMENT_CHARS:
        raise ValidationError(
            f"{what} is too long: {len(text):,} characters, more than the {MAX_DOCUMENT_CHARS:,} "
            "one document may hold; split it into articles"
        )


def check_offsets(start: int, end: int, text_length: int, what: str = "span") -> None:
    """Raise ValidationError unless ``0 <= start < end <= text_length``."""
    # The common case in one test (an import checks 600,000 offsets per 10,000 articles);
    # type() is int excludes bool, which the checks below refuse.
    if type(start) is int and type(end) is int and 0 <= start < end <= text_length:
        return
    if isinstance(start, bool) or isinstance(end, bool):
        raise ValidationError(f"{what} offsets must be integers, got {start!r}, {end!r}")
    if not isinstance(start, int) or not isinstance(end, int):
        raise ValidationError(f"{what} offsets must be integers, got {start!r}, {end!r}")
    if start < 0:
        raise ValidationError(f"{what} [{start}, {end}) starts before the text (start < 0)")
    if end > text_length:
        raise ValidationError(f"{what} [{start}, {end}) ends after the text (length {text_length})")
    if start >= end:
        reason = "is empty" if start == end else "is reversed"
        raise ValidationError(f"{what} [{start}, {end}) {reason} (start must be < end)")


@dataclass(frozen=True)
class Document:
    """One article. ``text`` is canonical (see core.text) and never changes once annotated."""

    id: str
    title: str
    text: str
    external_id: str | None = None
    meta: dict[str, Any] = field(default_factory=dict, compare=False)
    sha256: str = ""

    def __post_init__(self) -> None:
        if not self.sha256:
            object.__setattr__(self, "sha256", text_sha256(self.text))

    def __len__(self) -> int:
        return len(self.text)

    @property
    def export_id(self) -> str:
        """The one id exports and reports show: the one it was imported with, if any."""
        return self.external_id if self.external_id is not None else self.id


@dataclass(frozen=True)
class DocumentSummary:
    """What a document list shows, without the (possibly long) text."""

    id: str
    title: str
    length: int
    external_id: str | None


# A name is shown on one line in lists, reports and `annotator info`: control characters
# (a newline would forge a line), line/paragraph separators, bidi embedding/override/isolate
# controls (they reorder what follows them) and lone surrogates (not text) are refused.
_NAME_FORBIDDEN = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
MAX_ANNOTATOR_NAME = 100


def shown_name(name: str) -> str:
    """``name`` as one line can show it: quoted and escaped if it holds a control character."""
    return repr(name) if _NAME_FORBIDDEN.search(name) else name


def check_annotator_name(name: object, what: str = "annotator name") -> str:
    """``name`` stripped; ValidationError if it is empty, too long or holds control characters."""
    stripped = name.strip() if isinstance(name, str) else ""
    if not stripped:
        raise ValidationError(f"an annotator needs a non-empty name, got {name!r}")
    bad = _NAME_FORBIDDEN.search(stripped)
    if bad is not None:
        kind = (
            "a lone surrogate (not valid text, e.g. a name that was not UTF-8)"
            if ("\ud800" <= bad.group() <= "\udfff")
            else "a control character"
        )
        raise ValidationError(
            f"{what} {stripped!r} contains {kind} U+{ord(bad.group()):04X}; use letters, "
            "digits, spaces and punctuation"
        )
    if len(stripped) > MAX_ANNOTATOR_NAME:
        raise ValidationError(
            f"{what} is too long ({len(stripped)} characters, at most {MAX_ANNOTATOR_NAME})"
        )
    return stripped


@dataclass(frozen=True)
class Annotator:
    """A person (or a model, or the adjudicated gold) whose annotations are kept apart."""

    name: str
    kind: AnnotatorKind = AnnotatorKind.HUMAN

    def __post_init__(self) -> None:
        # Only emptiness here: a project written by an older version may hold a name
        # with a control character and must stay readable. New names are checked
        # fully (check_annotator_name) where they enter: the store's ensure().
        name = self.name.strip() if isinstance(self.name, str) else ""
        if not name:
            raise ValidationError("an annotator needs a non-empty name")
        if name != self.name:
            object.__setattr__(self, "name", name)


@dataclass(frozen=True)
class Span:
    """An entity mention: ``text[start:end]`` labelled ``label`` by ``annotator``.

    ``source`` records provenance for adjudicated (gold) spans: the annotator whose
    span was accepted, or None when the adjudicator drew it.
    """

    id: str
    document_id: str
    annotator: str
    start: int
    end: int
    label: str
    source: str | None = None

    def __post_init__(self) -> None:
        # Bounds against the text need the document: see validate().
        check_offsets(self.start, self.end, self.end)

    def validate(self, text: str) -> None:
        """Raise ValidationError if the span does not fit into ``text``."""
        check_offsets(self.start, self.end, len(text), f"span {self.label}")

    def covered(self, text: str) -> str:
        """The covered text."""
        return text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        """True when the two spans share at least one character."""
        return self.start < other.end and other.start < self.end


# A span as the tuple of its fields in Span's order (id, document_id, annotator, start,
# end, label, source): what an import queues for the store, never built as a Span
# (a frozen dataclass costs 1 µs a span: 0.2 s of an import of 10,000 articles).
SpanValues = tuple[str, str, str, int, int, str, str | None]


@dataclass(frozen=True)
class Argument:
    """One argument of an event: the entity span ``span_id`` fills role ``role``."""

    id: str
    role: str
    span_id: str


@dataclass(frozen=True)
class Event:
    """An event mention: a trigger ``text[trigger_start:trigger_end]`` of type ``type``."""

    id: str
    document_id: str
    annotator: str
    type: str
    trigger_start: int
    trigger_end: int
    arguments: tuple[Argument, ...] = ()
    source: str | None = None

    def __post_init__(self) -> None:
        check_offsets(self.trigger_start, self.trigger_end, self.trigger_end, "trigger")

    def validate(self, text: str) -> None:
        """Raise ValidationError if the trigger does not fit into ``text``."""
        check_offsets(self.trigger_start, self.trigger_end, len(text), f"trigger of {self.type}")

    def trigger_text(self, text: str) -> str:
        """The trigger's covered text."""
        return text[self.trigger_start : self.trigger_end]


@dataclass(frozen=True)
class DocumentAnnotations:
    """Everything one annotator did on one document."""

    document: Document
    annotator: str | None
    status: Status
    spans: tuple[Span, ...] = ()
    events: tuple[Event, ...] = ()
    # The annotator's notes, by the id of the span, event or document they are on.
    notes: Mapping[str, Note] = field(default_factory=dict)
