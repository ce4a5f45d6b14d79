"""Document workflow: mark done or skipped, go to the next / previous / next not done."""

from __future__ import annotations

from PySide6.QtCore import QObject

from annotator.core.model import Status
from annotator.ui.workspace.workspace import Workspace


class Navigation(QObject):
    """Actions of the Document menu, all with keys."""

    def __init__(self, workspace: Workspace) -> None:
        super().__init__(workspace)
        self.workspace = workspace
        window = workspace.window
        add = window.add_action
        add("document", self.tr("Mark &Done"), lambda: workspace.set_status(Status.DONE),
            "Ctrl+D")
        add("document", self.tr("Mark &Skipped"), lambda: workspace.set_status(Status.SKIPPED),
            "Ctrl+K")
        add("document", self.tr("&Reopen (In Progress)"),
            lambda: workspace.set_status(Status.IN_PROGRESS), "Ctrl+Shift+D")
        add("document", self.tr("Done, Then Next &Not Done"), self.done_and_next, "Ctrl+Return")
        window.menu("document").addSeparator()
        add("document", self.tr("&Next Document"), lambda: self.go(1), "Ctrl+PgDown")
        add("document", self.tr("&Previous Document"), lambda: self.go(-1), "Ctrl+PgUp")
        add("document", self.tr("Next No&t Done"), lambda: self.go(1, not_done=True),
            "Ctrl+Shift+PgDown")

    def go(self, step: int, not_done: bool = False) -> bool:
        """Open the neighbouring document; False (and a status message) when there is none."""
        window = self.workspace.window
        target = window.document_list.neighbour(window.current_document_id, step, not_done)
        if target is None:
            done = self.tr("Every document is done")
            window.statusBar().showMessage(done if not_done else self.tr("No more documents"), 3000)
            return False
        window.document_list.select(target)
        window.reading_view.setFocus()
        return True

    def done_and_next(self) -> None:
        """Mark the document done and open the next one still to do."""
        self.workspace.set_status(Status.DONE)
        self.go(1, not_done=True)
