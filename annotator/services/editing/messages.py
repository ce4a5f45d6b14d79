"""Names of editing actions for menus, as a message id and its arguments.

The editing core does not speak any interface language: a command's ``label``
is a :class:`Message` that the UI translates by its ``key`` (see
``annotator/ui/workspace/command_texts.py``) and the CLI or a log prints in
English with :meth:`Message.english`. Arguments fill ``%1``, ``%2``… in one pass,
so user text that itself contains ``%2`` is never substituted again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ENGLISH: dict[str, str] = {
    "label_span": "Label «%1» as %2",
    "label_spans": "Label %1 occurrences of «%2» as %3",
    "add_spans": "Add %1 spans",
    "remove_span": "Remove «%1»",
    "relabel_span": "Relabel «%1» as %2",
    "add_event": "Mark event %1",
    "remove_event": "Remove event %1",
    "retype_event": "Change event type to %1",
    "add_argument": "Add argument %1",
    "remove_argument": "Remove argument %1",
    "set_role": "Change role to %1",
    "set_status": "Mark document %1",
    "set_note": "Note on %1",
    "flag_unsure": "Flag %1 as unsure",
    # Suggestions (services.suggestion_commands)
    "accept_suggestion": "Accept suggestion of %1 as %2",
    "accept_suggestions": "Accept %1 suggestions",
    "reject_suggestion": "Reject suggestion %1",
    "reject_suggestions": "Reject %1 suggestions",
}
"""Every message key the editing core uses, with its English text."""

_PLACEHOLDER = re.compile(r"%(\d)")


def substitute(template: str, args: tuple[str, ...]) -> str:
    """``template`` with ``%1``… replaced by ``args`` in one pass (unknown ones kept)."""

    def replace(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return args[index] if 0 <= index < len(args) else match.group(0)

    return _PLACEHOLDER.sub(replace, template)


@dataclass(frozen=True)
class Message:
    """A translatable menu text: ``key`` names the template, ``args`` fill its ``%n``."""

    key: str
    args: tuple[str, ...] = ()

    def english(self) -> str:
        """The English text (for the CLI, logs and tests); an unknown key shows as itself."""
        return substitute(ENGLISH.get(self.key, self.key), self.args)
