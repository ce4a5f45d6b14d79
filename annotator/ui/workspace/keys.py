"""The workspace's keys and menu entries: single keys on the text, undo/redo on the window."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from annotator.ui.i18n import translate

if TYPE_CHECKING:
    from annotator.ui.workspace.workspace import Workspace

EVENT_KEY = "E"
TRIM_KEY = "P"
# What the same physical keys type with an Arabic keyboard layout active, so the
# single-key commands work without switching layouts (digits: Arabic-Indic).
ARABIC_LAYOUT_KEYS = {
    "E": "ث", "P": "ح", "A": "ش", "X": "ء", "N": "ى", "U": "ع", "M": "ة",
    **dict(zip("0123456789", "٠١٢٣٤٥٦٧٨٩", strict=True)),
}


class WorkspaceKeys:
    """Builds the Edit menu entries of the workspace and their shortcuts."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.view = workspace.view
        window = workspace.window
        edit = window.menu("edit")
        undo = workspace.undo_group.createUndoAction(workspace, translate("Workspace", "&Undo"))
        undo.setShortcut(QKeySequence("Ctrl+Z"))
        redo = workspace.undo_group.createRedoAction(workspace, translate("Workspace", "&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (undo, redo):
            edit.addAction(action)
            window.addAction(action)
        edit.addSeparator()
        self.label_menu = edit.addMenu(translate("Workspace", "&Label Selection As"))
        for text, key, slot in (
            (translate("Workspace", "Mark &Event…"), EVENT_KEY, workspace.request_event),
            (translate("Workspace", "&Trim Leading Proclitic"), TRIM_KEY, workspace.trim_proclitic),
            (translate("Workspace", "&Delete Annotation"), "Delete", workspace.delete_selected),
            (translate("Workspace", "&Clear Selection"), "Esc", workspace.clear),
            (translate("Workspace", "Select Ne&xt Annotation"), "Tab",
             lambda: workspace.select_neighbour(1)),
            (translate("Workspace", "Select Pre&vious Annotation"), "Shift+Tab",
             lambda: workspace.select_neighbour(-1)),
        ):
            edit.addAction(self.view_action(text, key, slot))
        self.snap_action = QAction(translate("Workspace", "Snap Selections to &Words"), workspace)
        self.snap_action.setCheckable(True)
        self.snap_action.setChecked(window.settings.word_snapping)
        self.snap_action.toggled.connect(self._set_word_snapping)
        window.settings_changed.connect(
            lambda: self.snap_action.setChecked(window.settings.word_snapping)
        )
        edit.addAction(self.snap_action)

    def view_action(self, text: str, shortcut: str, slot: Callable[..., object]) -> QAction:
        """An action whose key works while the text has focus (not while typing elsewhere)."""
        action = QAction(text, self.view)
        keys = [QKeySequence(shortcut)]
        if shortcut in ARABIC_LAYOUT_KEYS:
            keys.append(QKeySequence(ARABIC_LAYOUT_KEYS[shortcut]))
        action.setShortcuts(keys)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.view.addAction(action)
        return action

    def build_label_actions(self) -> None:
        """One action per entity label of the open project's schema, on its shortcut key."""
        self.label_menu.clear()
        for action in [a for a in self.view.actions() if a.property("label_key")]:
            self.view.removeAction(action)
        for entity in self.workspace.schema.entities:
            action = self.view_action(
                f"{entity.name_ar} — {entity.name_en}",
                entity.shortcut or "",
                lambda _=False, key=entity.key: self.workspace.apply_label(key),
            )
            action.setProperty("label_key", entity.key)
            self.label_menu.addAction(action)

    def _set_word_snapping(self, on: bool) -> None:
        self.workspace.window.settings.word_snapping = on
