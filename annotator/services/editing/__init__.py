"""The Qt-free editing core: an :class:`EditingSession` per (document, annotator),
plain undoable commands, and their history. The GUI adapts it (ui/workspace)."""

from annotator.services.editing.commands import (
    AddArgument,
    AddEvent,
    AddSpans,
    Command,
    Composite,
    RelabelSpan,
    RemoveArgument,
    RemoveEvent,
    RemoveSpan,
    RetypeEvent,
    SetArgumentRole,
    SetStatus,
)
from annotator.services.editing.history import History
from annotator.services.editing.messages import ENGLISH, Message, substitute
from annotator.services.editing.session import EditingSession

__all__ = [
    "ENGLISH",
    "AddArgument",
    "AddEvent",
    "AddSpans",
    "Command",
    "Composite",
    "EditingSession",
    "History",
    "Message",
    "RelabelSpan",
    "RemoveArgument",
    "RemoveEvent",
    "RemoveSpan",
    "RetypeEvent",
    "SetArgumentRole",
    "SetStatus",
    "substitute",
]
