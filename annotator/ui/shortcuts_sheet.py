"""Help › Keyboard Shortcuts: a sheet of every key binding, read from the real bindings.

Nothing is listed by hand: the sheet walks the menus (their QActions), the
actions bound to widgets outside the menus, and the QShortcuts that carry a
description, so it cannot drift from what the keys do. In an Arabic interface the
command names are translated like the menus, and every key sequence is shown as a
left-to-right isolate ("Ctrl++", never "++Ctrl").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.ui.bidi import left_to_right
from annotator.ui.i18n import translate
from annotator.ui.keys import standard_key

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

_MNEMONIC = re.compile(r"&(?!&)")


@dataclass(frozen=True)
class Binding:
    """One command and the keys that run it, under the menu (group) that holds it."""

    group: str
    command: str
    keys: tuple[str, ...]


def plain(text: str) -> str:
    """A menu text without its mnemonic marker and without a shortcut after a tab."""
    return _MNEMONIC.sub("", text.split("\t")[0]).replace("&&", "&")


def key_text(sequences: list[QKeySequence]) -> tuple[str, ...]:
    """Each key sequence as the platform writes it ("Ctrl+Shift+Z")."""
    native = QKeySequence.SequenceFormat.NativeText
    return tuple(s.toString(native) for s in sequences if not s.isEmpty())


def bindings(window: MainWindow) -> list[Binding]:
    """Every bound key of ``window``: menu actions, widget actions, described QShortcuts."""
    found: list[Binding] = []
    seen: set[int] = set()
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is not None:
            found += _menu_bindings(plain(menu_action.text()), menu, seen)
    other = translate("ShortcutsSheet", "Other")
    for action in window.findChildren(QAction):
        keys = key_text(action.shortcuts())
        if keys and id(action) not in seen and action.text():
            seen.add(id(action))
            found.append(Binding(other, plain(action.text()), keys))
    for shortcut in window.findChildren(QShortcut):
        keys = key_text(shortcut.keys())
        if keys and shortcut.whatsThis():
            found.append(Binding(other, shortcut.whatsThis(), keys))
    return found


def _menu_bindings(group: str, menu: QMenu, seen: set[int]) -> list[Binding]:
    found = []
    for action in menu.actions():
        seen.add(id(action))
        if action.menu() is not None:
            found += _menu_bindings(f"{group} › {plain(action.text())}", action.menu(), seen)
            continue
        keys = key_text(action.shortcuts())
        if keys:
            found.append(Binding(group, plain(action.text()), keys))
    return found


class ShortcutsSheet(QDialog):
    """The sheet: commands grouped by menu, with their keys; a filter narrows it."""

    def __init__(self, entries: list[Binding], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter commands or keys…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Command"), self.tr("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self._fill(entries)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(560, 640)

    def _fill(self, entries: list[Binding]) -> None:
        groups: dict[str, QTreeWidgetItem] = {}
        for entry in entries:
            group = groups.get(entry.group)
            if group is None:
                group = groups[entry.group] = QTreeWidgetItem(self.tree, [entry.group])
                group.setFirstColumnSpanned(True)
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
            keys = "  /  ".join(left_to_right(k) for k in entry.keys)
            QTreeWidgetItem(group, [entry.command, keys])
        self.tree.expandAll()

    def shown_rows(self) -> list[tuple[str, str]]:
        """(command, keys) of every row not filtered out, as displayed."""
        rows = []
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            for r in range(group.childCount()):
                row = group.child(r)
                if not row.isHidden():
                    rows.append((row.text(0), row.text(1)))
        return rows

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for g in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(g)
            visible = 0
            for r in range(group.childCount()):
                row = group.child(r)
                hit = not needle or needle in f"{row.text(0)} {row.text(1)}".casefold()
                row.setHidden(not hit)
                visible += hit
            group.setHidden(visible == 0)


def show_shortcuts(window: MainWindow) -> ShortcutsSheet:
    """Open the sheet (modeless, so it can stay open beside the text)."""
    sheet = ShortcutsSheet(bindings(window), window)
    sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    sheet.show()
    return sheet


def install(window: MainWindow) -> QAction:
    """Add Help › Keyboard Shortcuts (F1) at the top of the Help menu."""
    action = window.add_action(
        "help",
        translate("ShortcutsSheet", "&Keyboard Shortcuts"),
        lambda: show_shortcuts(window),
        standard_key(QKeySequence.StandardKey.HelpContents, "F1"),
    )
    help_menu = window.menu("help")
    help_menu.removeAction(action)
    help_menu.insertAction(help_menu.actions()[0], action)
    return action
