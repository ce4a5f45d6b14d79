"""The event panel: the document's events with their arguments; roles can be changed and
arguments removed."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMenu,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.model import Argument, Event
from annotator.ui.workspace.workspace import Workspace

EVENT_ROLE = Qt.ItemDataRole.UserRole + 1
ARGUMENT_ROLE = Qt.ItemDataRole.UserRole + 2


class EventPanel(QWidget):
    """A tree: events (type and trigger), under each its arguments (role and entity)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Event / role"), self.tr("Text")])
        self.tree.itemClicked.connect(self._clicked)
        # After the double-click's last release, so that release cannot pick a role.
        self.tree.itemDoubleClicked.connect(
            lambda _item, _column: QTimer.singleShot(0, self.change_role)
        )
        self.role_button = QPushButton(self.tr("Change &Role…"), self)
        self.role_button.clicked.connect(self.change_role)
        self.remove_button = QPushButton(self.tr("Re&move"), self)
        self.remove_button.clicked.connect(self.remove_current)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.tree)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.setWhatsThis(self.tr("Remove the selected argument (in the Events panel)"))
        delete.activated.connect(self.remove_current)
        self.role_menu: QMenu | None = None
        buttons = QHBoxLayout()
        buttons.addWidget(self.role_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        annotations = workspace.annotations
        annotations.reset.connect(self.rebuild)
        annotations.events_changed.connect(self.rebuild)
        annotations.selection_changed.connect(self._follow_selection)

    def rebuild(self) -> None:
        """Re-list the events (there are few per document: rebuilding is cheap)."""
        annotations = self.workspace.annotations
        current = self._current()
        self.tree.clear()
        events = sorted(annotations.events.values(), key=lambda e: (e.trigger_start, e.id))
        for event in events:
            item = QTreeWidgetItem([event.type, event.trigger_text(annotations.text)])
            item.setData(0, EVENT_ROLE, event.id)
            for argument in event.arguments:
                span = annotations.spans.get(argument.span_id)
                covered = span.covered(annotations.text) if span else "?"
                label = span.label if span else "?"
                child = QTreeWidgetItem([argument.role, f"{covered} ({label})"])
                child.setData(0, EVENT_ROLE, event.id)
                child.setData(0, ARGUMENT_ROLE, argument.id)
                item.addChild(child)
            self.tree.addTopLevelItem(item)
            item.setExpanded(True)
        self.tree.resizeColumnToContents(0)
        if current is not None:
            self._select(*current)

    def _current(self) -> tuple[str, str | None] | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        return item.data(0, EVENT_ROLE), item.data(0, ARGUMENT_ROLE)

    def _select(self, event_id: str, argument_id: str | None) -> None:
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            if item.data(0, EVENT_ROLE) != event_id:
                continue
            for child in range(item.childCount()):
                if argument_id and item.child(child).data(0, ARGUMENT_ROLE) == argument_id:
                    self.tree.setCurrentItem(item.child(child))
                    return
            self.tree.setCurrentItem(item)
            return

    def _follow_selection(self, annotation_id: str) -> None:
        current = self._current()
        if annotation_id in self.workspace.annotations.events and (
            current is None or current[0] != annotation_id
        ):
            self._select(annotation_id, None)

    def _clicked(self, item: QTreeWidgetItem) -> None:
        self.workspace.select_annotation(item.data(0, EVENT_ROLE), scroll=True)

    def _selected_argument(self) -> tuple[Event, Argument] | None:
        current = self._current()
        if current is None or current[1] is None:
            return None
        event = self.workspace.annotations.events[current[0]]
        argument = next(a for a in event.arguments if a.id == current[1])
        return event, argument

    def remove_current(self) -> None:
        """Remove the selected argument (or, on an event row, the event)."""
        current = self._current()
        if current is None:
            return
        selected = self._selected_argument()
        if selected is not None:
            self.workspace.remove_argument(selected[0].id, selected[1])
        else:
            self.workspace.select_annotation(current[0])
            self.workspace.delete_selected()

    def change_role(self) -> QMenu | None:
        """Offer the roles of the event that accept the selected argument's entity label."""
        selected = self._selected_argument()
        if selected is None:
            return None
        event, argument = selected
        span = self.workspace.annotations.spans.get(argument.span_id)
        kind = self.workspace.schema.event(event.type)
        if span is None or kind is None:
            return None
        menu = QMenu(self)
        for role in kind.roles_accepting(span.label):
            action = menu.addAction(role.role)
            action.setCheckable(True)
            action.setChecked(role.role == argument.role)
            action.triggered.connect(
                lambda _=False, r=role.role: self.workspace.set_argument_role(event.id,
                                                                              argument, r)
            )
        self.role_menu = menu
        menu.popup(self.role_button.mapToGlobal(self.role_button.rect().bottomLeft()))
        return menu
