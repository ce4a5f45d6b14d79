"""Review features: assignment, the agreement view, adjudication into gold, merging copies."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from annotator.core.errors import AnnotatorError
from annotator.ui.background import run_job
from annotator.ui.i18n import translate
from annotator.ui.messages import describe

if TYPE_CHECKING:
    # The windows are imported when first opened: the main window opens faster without them.
    from annotator.ui.main_window import MainWindow
    from annotator.ui.review.adjudication_window import AdjudicationWindow
    from annotator.ui.review.agreement_window import AgreementWindow
    from annotator.ui.review.assign_dialog import AssignDialog, AssignmentChoice
    from annotator.ui.review.progress_window import ProgressWindow

# The progress and agreement views follow other people's saves at most this often.
LIVE_REFRESH_MS = 1000


@dataclass
class ReviewFeature:
    """The review windows of one main window (created when first opened)."""

    window: MainWindow
    agreement: AgreementWindow | None = None
    adjudication: AdjudicationWindow | None = None
    progress: ProgressWindow | None = None
    _live_timer: QTimer | None = None

    def show_progress(self) -> ProgressWindow:
        """Open (or raise) the progress view, re-read from the project."""
        if self.progress is None:
            from annotator.ui.review.progress_window import ProgressWindow

            self.progress = ProgressWindow(self.window)
        self.progress.set_project(self.window.project)
        self.progress.show()
        self.progress.raise_()
        return self.progress

    def show_agreement(self) -> AgreementWindow:
        """Open (or raise) the agreement view on the current project."""
        if self.agreement is None:
            from annotator.ui.review.agreement_window import AgreementWindow

            self.agreement = AgreementWindow(self.window.show_error, self.window)
            self.agreement.document_chosen.connect(self.adjudicate)
            self.agreement.set_project(self.window.project)
        self.agreement.show()
        self.agreement.raise_()
        return self.agreement

    def adjudicate(self, doc_id: str | None = None) -> AdjudicationWindow | None:
        """Open the adjudication view on ``doc_id`` (default: the current document)."""
        doc_id = doc_id or self.window.current_document_id
        if self.window.project is None or doc_id is None:
            return None
        if self.adjudication is None:
            from annotator.ui.review.adjudication_window import AdjudicationWindow

            settings = self.window.settings
            self.adjudication = AdjudicationWindow(
                (settings.font_family, settings.font_size), self.window.show_error, self.window
            )
            self.adjudication.set_project(self.window.project)
        self.window.open_document(doc_id)
        self.adjudication.open_document(doc_id)
        self.adjudication.show()
        self.adjudication.raise_()
        self.adjudication.activateWindow()
        return self.adjudication

    def project_changed(self) -> None:
        """Point open review windows at the newly opened project."""
        for view in (self.agreement, self.adjudication):
            if view is not None:
                view.set_project(self.window.project)
        if self.adjudication is not None:
            self.adjudication.hide()

    def refresh_live(self) -> None:
        """Another connection saved: re-read the shown progress and agreement views, at
        most once per LIVE_REFRESH_MS (twenty annotators saving would recompute always)."""
        if self._live_timer is None:
            self._live_timer = QTimer(self.window)
            self._live_timer.setSingleShot(True)
            self._live_timer.setInterval(LIVE_REFRESH_MS)
            self._live_timer.timeout.connect(self._refresh_views)
        if not self._live_timer.isActive():
            self._live_timer.start()

    def _refresh_views(self) -> None:
        if self.progress is not None and self.progress.isVisible():
            self.progress.set_project(self.window.project)
        if self.agreement is not None and self.agreement.isVisible():
            self.agreement.refresh()

    def assign_dialog(self) -> AssignDialog | None:
        """Ask how to distribute the documents among annotators; Assign assigns them."""
        if self.window.project is None:
            return None
        from annotator.ui.review.assign_dialog import AssignDialog

        dialog = AssignDialog(self.window.project, self.window)
        dialog.accepted.connect(lambda: self.assign(dialog.choice()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()  # window-modal, without a nested event loop
        return dialog

    def assign(self, choice: AssignmentChoice) -> bool:
        """Store ``choice`` as one transaction (as ``annotator assign`` does) and re-read."""
        try:
            assert self.window.project is not None
            result = self.window.project.assign(
                choice.annotators,
                choice.share,
                choice.seed,
                every=choice.every,
                replace=choice.replace,
            )
        except AnnotatorError as exc:
            self.window.show_error(describe(exc))
            return False
        self.window.reload()
        self.project_changed()
        self.window.statusBar().showMessage(
            translate("ReviewFeature", "New assignments: %1").replace(
                "%1", str(result.added)
            )
        )
        return True

    def merge_dialog(self) -> None:
        """Ask for annotators' copies of the project and merge them in."""
        if self.window.project is None:
            return
        paths, _ = QFileDialog.getOpenFileNames(
            self.window,
            translate("ReviewFeature", "Merge Project Files"),
            "",
            translate("ReviewFeature", "annotator projects (*.annproj)"),
        )
        if paths:
            self.merge(paths)

    def merge(self, paths: list[str]) -> list[str]:
        """Merge ``paths`` into the open project; shows and returns the report lines."""
        from annotator.services.merge import MergeCancelled

        project = self.window.project
        assert project is not None
        try:
            results = run_job(
                self.window,
                translate("ReviewFeature", "Merging…"),
                project,
                lambda own, progress: own.merge(paths, progress),
            )
        except MergeCancelled as exc:
            self.window.reload()  # the files merged before the cancel stay merged
            self.window.statusBar().showMessage(str(exc))
            return []
        except AnnotatorError as exc:
            self.window.show_error(describe(exc))
            return []
        lines = [line for result in results for line in result.lines()]
        self.window.reload()
        self.project_changed()
        # Plain text: the report names files and annotators, which may hold markup.
        box = QMessageBox(QMessageBox.Icon.Information, translate("ReviewFeature", "Merge"),
                          "\n".join(lines), parent=self.window)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()
        return lines


def install(window: MainWindow) -> ReviewFeature:
    """Add the Review menu's actions to ``window``."""
    feature = ReviewFeature(window)
    window.project_session.changed_elsewhere.connect(feature.refresh_live)
    window.add_action(
        "review", translate("ReviewFeature", "&Agreement…"), feature.show_agreement, "Ctrl+Shift+G"
    )
    window.add_action(
        "review",
        translate("ReviewFeature", "A&djudicate Document…"),
        lambda: feature.adjudicate(),
        "Ctrl+Shift+J",
    )
    window.add_action(
        "review", translate("ReviewFeature", "&Progress…"), feature.show_progress, "Ctrl+Shift+R"
    )
    window.menu("review").addSeparator()
    assign = window.add_action(
        "review", translate("ReviewFeature", "A&ssign Documents…"), feature.assign_dialog
    )
    assign.setObjectName("assign_documents")
    window.add_action(
        "review", translate("ReviewFeature", "&Merge Project Files…"), feature.merge_dialog
    )
    window.project_opened.connect(feature.project_changed)
    return feature
