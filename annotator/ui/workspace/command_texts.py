"""Menu texts of the editing core's commands, in the interface language.

The core names each action by a message key and its arguments
(``annotator.services.editing.messages``); this table gives each key its
translatable text. The source strings are those the workspace always used, so
existing translations still apply. A key missing here shows in English.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from annotator.services.editing import Message, substitute
from annotator.ui.bidi import isolate
from annotator.ui.i18n import translate


def _templates() -> dict[str, str]:
    # Literal translate() calls: lupdate extracts them (see ui/i18n.py).
    return {
        "label_span": translate("Workspace", "Label «%1» as %2"),
        "add_spans": translate("Workspace", "Add %1 spans"),
        "remove_span": translate("Workspace", "Remove «%1»"),
        "relabel_span": translate("Workspace", "Relabel «%1» as %2"),
        "add_event": translate("Workspace", "Mark event %1"),
        "remove_event": translate("Workspace", "Remove event %1"),
        "retype_event": translate("Workspace", "Change event type to %1"),
        "add_argument": translate("Workspace", "Add argument %1"),
        "remove_argument": translate("Workspace", "Remove argument %1"),
        "set_role": translate("Workspace", "Change role to %1"),
        "set_status": translate("Workspace", "Mark document %1"),
        "set_note": translate("Workspace", "Note on %1"),
        "flag_unsure": translate("Workspace", "Flag %1 as unsure"),
        "accept_suggestion": translate("Workspace", "Accept suggestion of %1 as %2"),
        "accept_suggestions": translate("Workspace", "Accept %1 suggestions"),
        "reject_suggestion": translate("Workspace", "Reject suggestion %1"),
        "reject_suggestions": translate("Workspace", "Reject %1 suggestions"),
    }


def _words() -> dict[str, str]:
    """The words the core puts into some messages (what a note is on, a status)."""
    return {
        "span": translate("Workspace", "entity"),
        "event": translate("Workspace", "event"),
        "document": translate("Workspace", "document"),
        "new": translate("Workspace", "new"),
        "in progress": translate("Workspace", "in progress"),
        "done": translate("Workspace", "done"),
        "skipped": translate("Workspace", "skipped"),
    }


# Messages whose arguments are such words rather than the user's text.
_WORDED = frozenset(("set_note", "flag_unsure", "set_status"))


class _Plurals(QObject):
    """Texts with a count, in the plural form of the interface language (``self.tr``:
    PySide's lupdate extracts plural messages from ``tr`` calls)."""

    def label_spans(self, count: int) -> str:
        return self.tr("Label %n occurrence(s) of «%1» as %2", "", count)


def command_text(message: Message) -> str:
    """``message`` translated, its arguments substituted in one pass.

    The arguments (mentions, labels) are isolated (FSI…PDI): an Arabic mention in an
    English sentence, or a label key in an Arabic one, keeps its own direction and
    cannot carry the guillemets around it along ("«word«").
    """
    raw = message.args
    if message.key in _WORDED:
        words = _words()
        raw = tuple(words.get(arg, arg) for arg in raw)
    # ASCII (a label key, a number) cannot turn round: only other text is isolated.
    args = tuple(arg if arg.isascii() else isolate(arg) for arg in raw)
    if message.key == "label_spans" and args:
        return substitute(_Plurals().label_spans(int(message.args[0])), args[1:])
    template = _templates().get(message.key)
    return substitute(template, args) if template else message.english()
