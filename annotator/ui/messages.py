"""Service results and errors, said in the interface language.

The services report in English (for the CLI and the log) and attach a message id
with its arguments (see core/errors.py) or structured counts (ImportReport,
ExportReport). Here those become translated sentences, plural forms included. An
error without a known id is shown as the service wrote it.

The sentences are ``self.tr`` calls of one QObject: PySide's lupdate extracts
plural (``%n``) messages reliably from ``tr`` calls only.
"""

from __future__ import annotations

import socket
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from annotator.services.sessions import SessionConflict
from annotator.ui.bidi import isolate
from annotator.ui.i18n import fill

if TYPE_CHECKING:  # the export and import modules load when first used, not at start-up
    from annotator.services.exporting import ExportReport
    from annotator.services.importing import ImportReport


class ServiceMessages(QObject):
    """Translated sentences for service errors and reports (the translation context)."""

    def error(self, message_id: str, a: Sequence[object]) -> str | None:
        """The sentence of error ``message_id`` with arguments ``a``; None if unknown."""
        templates = {
            "no_project_file": self.tr("%1: no such project file"),
            "not_a_project": self.tr("%1 is not an annotator project."),
            "newer_project": self.tr(
                "%1 was written by a newer version of annotator (file format %2; this "
                "version reads up to %3). Please upgrade annotator."
            ),
            "not_a_server_project": self.tr(
                "%1 is not an annotator project: the database is empty or holds another "
                "program's tables. Nothing was changed in it."
            ),
            "newer_server_project": self.tr(
                "%1 was written by a newer version of annotator (format %2; this version "
                "reads up to %3). Please upgrade annotator."
            ),
            "server_unreachable": self.tr(
                "Cannot connect to the server of %1. Check the address, that the server is "
                "running and that your computer can reach it.\n\nThe server said: %2"
            ),
            "import_cancelled": self.tr("Import cancelled; nothing changed."),
            "export_cancelled": self.tr("Export cancelled; nothing written."),
            "export_needs_folder": self.tr("%1 writes a folder of files: give a folder name."),
            "no_such_path": self.tr("%1: no such file or folder"),
            "folder_not_empty": self.tr("%1 already exists and is not an empty folder."),
            "no_such_folder": self.tr("%1: the folder %2 does not exist."),
            "cannot_write": self.tr("%1 could not be written: %2"),
            "merge_into_itself": self.tr(
                "%1 is the open project: a project cannot be merged into itself."
            ),
        }
        if message_id == "import_refused":
            count = int(str(a[0]))
            heading = self.tr("Import refused, project unchanged (%n problem(s)):", "", count)
            return fill(heading + "\n%1", a[1])
        if message_id == "agreement_needs_two":
            names = str(a[0]) or self.tr("none")
            return fill(self.tr("Agreement needs at least two annotators (here: %1)."), names)
        template = templates.get(message_id)
        return None if template is None else fill(template, *a)

    def import_summary(self, report: ImportReport) -> str:
        """"Imported 3 documents, 40 spans, 2 events": each count in its plural form."""
        summary = fill(
            self.tr("Imported %1, %2, %3"),
            self.tr("%n document(s)", "", report.documents),
            self.tr("%n span(s)", "", report.spans),
            self.tr("%n event(s)", "", report.events),
        )
        if report.attached:
            summary += self.tr("; annotations added to %n existing document(s)", "",
                               report.attached)
        if report.annotator_notes:
            summary += self.tr("; %n annotator note(s) or unsure flag(s)", "",
                               report.annotator_notes)
        return summary

    def import_headings(self) -> dict[str, str]:
        """The heading of each kind of item an import passed over or changed."""
        return {
            "skipped": self.tr("skipped (invalid)"),
            "duplicates": self.tr("skipped (duplicate)"),
            "empty": self.tr("skipped (empty)"),
            "changes": self.tr("text cleaned"),
            "ignored": self.tr("ignored"),
            "kept": self.tr("kept in meta"),
            "notes": self.tr("note"),
        }

    def export_summary(self, records: int, target: str) -> str:
        """"Exported 20 records to FILE"."""
        return fill(self.tr("Exported %n record(s) to %1", "", records), target)

    def conflict(self, conflict: SessionConflict) -> str:
        """Who else has the project open, and where."""
        here = conflict.host == socket.gethostname()
        template = (
            self.tr("%1 already has this project open in another window on this computer "
                    "(process %2, since %3 UTC)")
            if here
            else self.tr("%1 already has this project open in another window on %4 "
                         "(process %2, since %3 UTC)")
        )
        since = conflict.started_at[:19].replace("T", " ")
        return fill(template, isolate(conflict.annotator), conflict.pid, since, conflict.host)

    def split_tokens(self, count: int) -> str:
        """How many tokens a token format split at annotation boundaries."""
        return self.tr("%n token(s) split at annotation boundaries", "", count)

    def warning(self, text: str) -> str:
        """One warning line of a report."""
        return fill(self.tr("warning: %1"), text)


def _say() -> ServiceMessages:
    return ServiceMessages()


def conflict_message(conflict: SessionConflict) -> str:
    """A SessionConflict's message in the interface language."""
    return _say().conflict(conflict)


def describe(error: BaseException) -> str:
    """The message of ``error`` in the interface language (the service's own when unknown)."""
    message_id = getattr(error, "message_id", None)
    if not message_id:
        return str(error)
    arguments = [str(a) for a in getattr(error, "arguments", ())]
    return _say().error(message_id, arguments) or str(error)


def import_summary(report: ImportReport) -> str:
    """The one-line result of an import."""
    return _say().import_summary(report)


def import_details(report: ImportReport) -> list[str]:
    """One line per item the import passed over or changed, under a translated heading."""
    lines = []
    for kind, title in _say().import_headings().items():
        lines += [fill("%1: %2", title, item) for item in getattr(report, kind)]
    return lines


def export_summary(report: ExportReport, target: Path) -> str:
    """The one-line result of an export; the file name isolated from the sentence's direction."""
    summary = _say().export_summary(report.records, isolate(str(target)))
    if report.splits:  # split names are the user's own words: shown as given
        summary += " (" + ", ".join(f"{name} {n}" for name, n in report.splits.items()) + ")"
    return summary


def export_details(report: ExportReport) -> list[str]:
    """Every warning of an export."""
    say = _say()
    details = list(report.notes)
    if report.split_tokens:
        details.append(say.split_tokens(report.split_tokens))
    return details + [say.warning(text) for text in report.warnings]
