"""Exceptions raised by the domain and the project store.

Every message names what is wrong (and where: a file, a line, a key) so that
the GUI and the CLI can show it to the user as it is.
"""

from __future__ import annotations


class AnnotatorError(Exception):
    """Base class of every error this program reports to the user.

    ``str(error)`` is the English message (the CLI and the log show it). An error
    the interface shows often also carries ``message_id`` and ``arguments``, from
    which the UI builds the message in the interface language (ui/messages.py);
    the services stay free of Qt and of the interface language.
    """

    def __init__(
        self, message: str = "", *, message_id: str | None = None, arguments: tuple = ()
    ) -> None:
        super().__init__(message)
        self.message_id = message_id
        self.arguments = tuple(arguments)


class ValidationError(AnnotatorError, ValueError):
    """A value breaks a rule of the model (an offset outside the text, an unknown label...)."""


class SchemaError(AnnotatorError):
    """A label schema file is malformed; the message names the file and the offending key."""


class ProjectError(AnnotatorError):
    """A project file cannot be opened or written."""


class NotAProjectError(ProjectError):
    """The file is not an annotator project (another SQLite database, a text file...)."""


class DamagedProjectError(ProjectError):
    """The file is an annotator project whose database fails its integrity check."""


class NewerProjectError(ProjectError):
    """The project was written by a newer version of annotator than this one."""


class ImmutableTextError(ValidationError):
    """An attempt to change the text of a document that annotations already point into."""


class ReadOnlyProjectError(ProjectError):
    """A write was attempted on a project opened read-only (file permissions, a second window)."""


class ProjectBusyError(ProjectError):
    """Another process kept the project locked for longer than we are prepared to wait."""


class SaveFailedError(ProjectError):
    """SQLite could not save a change (disk full, read-only file, I/O error); it was rolled back."""


class ConnectionLostError(SaveFailedError):
    """The project's database server could not be reached; the change was not saved.

    The connection is made again by the next action: no restart is needed.
    """


class NotAllowedError(ProjectError):
    """The project's server refused a change the person's role does not allow (row-level
    security: another annotator's work, the gold, the documents); nothing was saved."""


class NotFoundError(AnnotatorError, KeyError):
    """What an action refers to is not in the project (another window or process removed it).

    A KeyError too, so that look-ups written as ``except KeyError`` keep working; code that
    reports "changed elsewhere" catches this class only, never a bare KeyError, so that a
    programming error is never passed off as someone else's edit.
    """

    def __str__(self) -> str:  # KeyError's own __str__ would quote the message
        return str(self.args[0]) if self.args else ""
