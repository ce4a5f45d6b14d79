"""The adjudication view: every annotator's spans and events together, settled into gold.

Keys: F8 / Shift+F8 next / previous disagreement; Enter on a candidate accepts
it; Ctrl+Shift+A accepts everything all agree on; Ctrl+M marks the selected text
with a label; Ctrl+L relabels and Delete removes the selected gold span;
Ctrl+D marks the document adjudicated; Ctrl+E exports the gold; Ctrl+Z / Ctrl+Shift+Z.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import AnnotatorError
from annotator.core.model import Event, Span, Status
from annotator.core.offsets import OffsetMap
from annotator.services import adjudication
from annotator.services.exporting import ExportFilter, ExportOptions
from annotator.services.notes import Note
from annotator.services.project import Project
from annotator.ui.bidi import isolate
from annotator.ui.i18n import fill
from annotator.ui.messages import describe
from annotator.ui.note_line import note_line
from annotator.ui.plain_text import as_tooltip, plain_label
from annotator.ui.reading_view import ReadingView
from annotator.ui.review.annotator_choice import AnnotatorChoice
from annotator.ui.review.gold_commands import GoldCommand
from annotator.ui.review.text_marks import TextMarks

ITEM_ROLE = Qt.ItemDataRole.UserRole
NOTE_COLUMN = 3
TEXT_COLUMN_MAX = 220


class AdjudicationWindow(QWidget):
    """Adjudicates one document at a time into the gold annotator."""

    def __init__(
        self,
        font: tuple[str, int],
        show_error: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("adjudication_window")
        self.setWindowTitle(self.tr("Adjudication"))
        self._show_error = show_error
        self.project: Project | None = None
        self.doc_id: str | None = None
        self.gold = adjudication.GOLD
        self.annotators: list[str] = []
        self.regions: list[adjudication.Disagreement] = []
        self.current = -1
        self.undo_stack = QUndoStack(self)
        self.documents = QComboBox(self)
        self.documents.activated.connect(lambda i: self.open_document(self.documents.itemData(i)))
        self.position = QLabel(self)
        self.annotator_choice = AnnotatorChoice(self)
        self.annotator_choice.chosen.connect(self._annotators_chosen)
        self.view = ReadingView(*font, parent=self)
        self.marks = TextMarks(self.view)
        self.candidates = QTreeWidget(self)
        self.candidates.setHeaderLabels([
            self.tr("Who"), self.tr("Label"), self.tr("Text"), self.tr("Note"),
            self.tr("Decided by"),
        ])
        self.notes: dict[str, Note] = {}
        self.document_notes = plain_label("", self)
        self.document_notes.setWordWrap(True)
        self.document_notes.hide()
        self.candidates.itemActivated.connect(lambda item, _c: self.accept_item(item))
        self._layout()
        self._actions()
        self.resize(1100, 700)

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Document:"), self))
        top.addWidget(self.documents, 1)
        top.addWidget(QLabel(self.tr("Compare:"), self))
        top.addWidget(self.annotator_choice, 1)
        top.addWidget(self.position)
        splitter = QSplitter(self)
        splitter.addWidget(self.view)
        splitter.addWidget(self.candidates)
        splitter.setSizes([650, 450])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.document_notes)
        layout.addWidget(splitter, 1)

    def _actions(self) -> None:
        for text, shortcut, slot in (
            (self.tr("Next Disagreement"), "F8", self.next_disagreement),
            (self.tr("Previous Disagreement"), "Shift+F8", self.previous_disagreement),
            (self.tr("Accept All Agreed"), "Ctrl+Shift+A", self.accept_agreed),
            (self.tr("Mark Selection…"), "Ctrl+M", self.mark_selection),
            (self.tr("Relabel Gold Span…"), "Ctrl+L", self.relabel_selected),
            (self.tr("Remove Gold Item"), QKeySequence.StandardKey.Delete, self.remove_selected),
            (self.tr("Mark Document Adjudicated"), "Ctrl+D", self.mark_done),
            (self.tr("Export Gold…"), "Ctrl+E", self.export_dialog),
        ):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            self.addAction(action)
        for action, keys in (
            (self.undo_stack.createUndoAction(self), QKeySequence.StandardKey.Undo),
            (self.undo_stack.createRedoAction(self), QKeySequence.StandardKey.Redo),
        ):
            action.setShortcuts(keys)  # every platform binding (Ctrl+Y and Ctrl+Shift+Z)
            self.addAction(action)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    # -- project and document -------------------------------------------------------

    def set_project(self, project: Project | None) -> None:
        """Adjudicate in ``project`` (the gold annotator is created when first needed)."""
        self.project = project
        self.undo_stack.clear()
        self.doc_id = None
        self.documents.clear()
        if project is None:
            return
        self.annotators = []
        self.marks.set_schema(project.schema)
        for summary in project.document_summaries():
            self.documents.addItem(summary.title, summary.id)

    def open_document(self, doc_id: str) -> None:
        """Show ``doc_id`` and go to its first disagreement."""
        if self.project is None:
            return
        self.doc_id = doc_id
        self.documents.setCurrentIndex(self.documents.findData(doc_id))
        document = self.project.document(doc_id)
        self.marks.set_offsets(OffsetMap(document.text))
        self.view.show_text(document.text)
        self._fill_annotators(doc_id)
        self.current = -1
        self.refresh()
        self.next_disagreement()

    def _fill_annotators(self, doc_id: str) -> None:
        """List every person; check those who annotated ``doc_id`` (the ones to compare)."""
        assert self.project is not None
        self.annotators = self.project.document_annotators(doc_id)
        self.annotator_choice.set_names(self.project.comparable_annotators(), self.annotators)

    def _annotators_chosen(self, names: list[str]) -> None:
        """The adjudicator changed who is compared: find the disagreements again."""
        self.annotators = names
        self.current = -1
        self.refresh()
        self.next_disagreement()

    def refresh(self) -> None:
        """Re-read the document's annotations and redraw."""
        if self.project is None or self.doc_id is None:
            return
        self.regions = self.project.disagreements(self.doc_id, self.annotators)
        self.notes, on_document = self.project.everyones_notes(self.doc_id)
        self._show_document_notes(on_document)
        self.current = min(self.current, len(self.regions) - 1)
        gold = self.project.spans(self.doc_id, self.gold)
        current = self.regions[self.current] if self.current >= 0 else None
        others = [
            s for s in self.project.spans(self.doc_id) if s.annotator in self.annotators
        ]
        self.marks.show(others, gold, self.regions, current)
        self._fill_candidates(current, gold)
        self._show_position()

    def _show_document_notes(self, notes: dict[str, Note]) -> None:
        """The compared annotators' notes on the whole document, above the text."""
        template, unsure = self.tr("%1 on the document: %2"), self.tr("unsure")
        lines = [
            fill(template, isolate(name), note_line(note, unsure))
            for name, note in sorted(notes.items()) if name in self.annotators
        ]
        self.document_notes.setText("\n".join(lines))
        self.document_notes.setVisible(bool(lines))

    def _show_position(self) -> None:
        done = self.project.status(self.doc_id, self.gold) is Status.DONE
        count = len(self.regions)
        if self.current >= 0:
            where = fill(self.tr("disagreement %1 of %2"), self.current + 1, count)
        else:
            where = self.tr("%n disagreement(s)", "", count)
        self.position.setText(where + (self.tr(" — adjudicated") if done else ""))

    def _fill_candidates(self, region: adjudication.Disagreement | None, gold: list[Span]) -> None:
        text = self.project.document(self.doc_id).text
        self.candidates.clear()
        group = QTreeWidgetItem(self.candidates, [self.tr("Annotators")])
        if region is not None:
            for item in sorted((*region.spans, *region.events), key=_item_order):
                self._add_candidate(group, item, text)
        gold_group = QTreeWidgetItem(self.candidates, [self.tr("Gold")])
        events = self.project.events(self.doc_id, self.gold)
        for item in (*gold, *events):
            if region is None or _overlaps(item, region):
                self._add_candidate(gold_group, item, text)
        self.candidates.expandAll()
        first = group.child(0) or gold_group.child(0)
        if first is not None:
            self.candidates.setCurrentItem(first)
        for column in range(3):
            self.candidates.resizeColumnToContents(column)
        # A long mention must not push the notes out of sight.
        text_width = self.candidates.columnWidth(2)
        self.candidates.setColumnWidth(2, min(text_width, TEXT_COLUMN_MAX))
        self.candidates.resizeColumnToContents(NOTE_COLUMN)

    def _add_candidate(self, parent: QTreeWidgetItem, item: Span | Event, text: str) -> None:
        """A row for ``item``; an event gets a child row per argument (Enter there accepts
        the event too)."""
        note = self.notes.get(item.id)
        who, label, covered, source = _columns(item, text)
        row = QTreeWidgetItem(
            parent, [who, label, covered, note_line(note, self.tr("unsure")), source]
        )
        row.setData(0, ITEM_ROLE, item)
        if note is not None:
            row.setToolTip(NOTE_COLUMN, as_tooltip(note.text))
        if isinstance(item, Event):
            for argument in item.arguments:
                span = self.project.span(argument.span_id)
                child = QTreeWidgetItem(
                    row, ["", f"{argument.role}: {span.label}", span.covered(text)]
                )
                child.setData(0, ITEM_ROLE, item)

    # -- navigation -------------------------------------------------------------------

    def next_disagreement(self) -> None:
        """Go to the next disagreement (wrapping round)."""
        self._go(+1)

    def previous_disagreement(self) -> None:
        """Go to the previous disagreement (wrapping round)."""
        self._go(-1)

    def _go(self, step: int) -> None:
        if not self.regions:
            self.current = -1
        else:
            self.current = (self.current + step) % len(self.regions)
        self.refresh()
        if self.current >= 0:
            self.marks.scroll_to(self.regions[self.current].start)
        self.candidates.setFocus()

    # -- decisions --------------------------------------------------------------------

    def selected_item(self) -> Span | Event | None:
        """The span or event chosen in the candidate list."""
        item = self.candidates.currentItem()
        return item.data(0, ITEM_ROLE) if item is not None else None

    def accept_item(self, tree_item: QTreeWidgetItem) -> None:
        """Accept the annotators' span or event of ``tree_item`` into the gold."""
        item = tree_item.data(0, ITEM_ROLE)
        if item is None or item.annotator == self.gold:
            return
        project = self.project
        assert project is not None
        accept = project.accept_span if isinstance(item, Span) else project.accept_event
        self._run(
            fill(
                self.tr("Accept %1's %2"),
                isolate(item.annotator),
                item.label if isinstance(item, Span) else item.type,
            ),
            lambda: accept(item.id, self._gold()),
        )

    def accept_agreed(self) -> None:
        """Accept everything all annotators agree on in this document."""
        self._run(
            self.tr("Accept All Agreed"),
            lambda: self.project.accept_agreed(self.doc_id, self.annotators, self._gold()),
        )

    def mark_selection(self) -> None:
        """Draw a gold span over the selected text with a label the adjudicator picks."""
        cursor = self.view.textCursor()
        if self.project is None or not cursor.hasSelection():
            return
        start, end = self.marks.offsets.range_from_qt(
            cursor.selectionStart(), cursor.selectionEnd()
        )
        label = self._pick_label(self.tr("Mark Selection"), None)
        if label:
            self._run(
                fill(self.tr("Mark %1"), label),
                lambda: self.project.add_gold_span(
                    self.doc_id, start, end, label, self._gold()
                ),
            )

    def relabel_selected(self) -> None:
        """Give the selected gold span another label."""
        item = self.selected_item()
        if isinstance(item, Span) and item.annotator == self.gold:
            label = self._pick_label(self.tr("Relabel Gold Span"), item.label)
            if label and label != item.label:
                self._run(
                    self.tr("Relabel"),
                    lambda: self.project.relabel_gold_span(item.id, label),
                )

    def remove_selected(self) -> None:
        """Remove the selected gold span or event."""
        item = self.selected_item()
        if item is None or item.annotator != self.gold:
            return
        if isinstance(item, Span):
            self._run(
                self.tr("Remove Gold Span"),
                lambda: self.project.remove_gold_span(item.id),
            )
        else:
            self._run(
                self.tr("Remove Gold Event"),
                lambda: self.project.remove_gold_event(item.id),
            )

    def mark_done(self) -> None:
        """Record that this document's gold annotation is finished."""
        if self.project is not None and self.doc_id is not None:
            self.project.set_status(self.doc_id, self._gold(), Status.DONE)
            self._show_position()

    def export_dialog(self) -> None:
        """Ask for a JSONL file and export the gold annotation there."""
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export Gold"), "", self.tr("JSON lines (*.jsonl)")
        )
        if path:
            self.export_gold(Path(path))

    def export_gold(self, path: Path) -> None:
        """Export every document's gold annotation as JSONL to ``path``."""
        options = ExportOptions("jsonl", ExportFilter(annotators=[self._gold()], full_dump=True))
        try:
            self.project.export(options, path)
        except AnnotatorError as exc:
            self._show_error(describe(exc))

    def _gold(self) -> str:
        return self.project.ensure_gold(self.gold)

    def _pick_label(self, title: str, current: str | None) -> str | None:
        keys = self.project.schema.entity_keys
        index = keys.index(current) if current in keys else 0
        label, ok = QInputDialog.getItem(self, title, self.tr("Label:"), keys, index, False)
        return label if ok else None

    def _run(self, text: str, step: Callable[[], adjudication.Change]) -> None:
        if self.project is None or self.doc_id is None:
            return
        try:
            change = step()
        except AnnotatorError as exc:
            self._show_error(describe(exc))
            return
        if not change.empty:
            command = GoldCommand(self.project, change, text, self.refresh, self._failed)
            self.undo_stack.push(command)
        self.refresh()

    def _failed(self, error: AnnotatorError) -> None:
        self._show_error(describe(error))


def _item_order(item: Span | Event) -> tuple[int, str]:
    start = item.start if isinstance(item, Span) else item.trigger_start
    return start, item.annotator


def _overlaps(item: Span | Event, region: adjudication.Disagreement) -> bool:
    start, end = (
        (item.start, item.end) if isinstance(item, Span) else (item.trigger_start, item.trigger_end)
    )
    return start < region.end and region.start < end


def _columns(item: Span | Event, text: str) -> list[str]:
    if isinstance(item, Span):
        return [item.annotator, item.label, item.covered(text), item.source or ""]
    arguments = len(item.arguments)
    label = f"{item.type} ({arguments} arg.)" if arguments else item.type
    return [item.annotator, label, item.trigger_text(text), item.source or ""]
