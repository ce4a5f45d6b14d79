"""Menu texts of the editing core's commands, in the interface language.

The core names each action by a message key and its arguments
(``annotator.services.editing.messages``); this table gives each key its
translatable text. The source strings are those the workspace always used, so
existing translations still apply. A key missing here shows in English.
"""

from __future__ import annotations

from annotator.services.editing import Message, substitute
from annotator.ui.i18n import translate


def _templates() -> dict[str, str]:
    # Literal translate() calls: lupdate extracts them (see ui/i18n.py).
    return {
        "label_span": translate("Workspace", "Label «%1» as %2"),
        "label_spans": translate("LabelAllDialog", "Label %1 occurrences of «%2» as %3"),
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
    }


def command_text(message: Message) -> str:
    """``message`` translated, its arguments substituted in one pass."""
    template = _templates().get(message.key)
    return substitute(template, message.args) if template else message.english()
