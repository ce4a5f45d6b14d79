"""The mouse on suggestions: a tooltip with source and confidence, and a click that
offers accept, reject and accept-as-another-label."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QMouseEvent
from PySide6.QtWidgets import QMenu, QToolTip

from annotator.core.recommenders import ItemKind
from annotator.services.suggestions import Suggestion, suggestions_at
from annotator.ui.i18n import translate
from annotator.ui.plain_text import as_tooltip
from annotator.ui.workspace.mouse import ViewMouse, describe
from annotator.ui.workspace.suggestion_view import SuggestionView


def describe_suggestion(view: SuggestionView, item: Suggestion) -> str:
    """Plain-text description: label, covered text, source, confidence, arguments."""
    text = view.workspace.annotations.text
    covered = text[item.start : item.end]
    lines = [
        translate("Suggestions", "Suggestion: %1 «%2»")
        .replace("%1", item.label)
        .replace("%2", covered),
        translate("Suggestions", "Source: %1").replace("%1", item.source),
    ]
    if item.confidence is not None:
        confidence = f"{item.confidence:.0%}"
        lines.append(translate("Suggestions", "Confidence: %1").replace("%1", confidence))
    for argument in item.arguments:
        lines.append(f"  {argument.role}: {text[argument.start : argument.end]}")
    return "\n".join(lines)


class SuggestionMouse(QObject):
    """Event filter on the viewport, installed after ViewMouse so it sees events first."""

    def __init__(self, view: SuggestionView, mouse: ViewMouse) -> None:
        super().__init__(view)
        self.view = view
        self.mouse = mouse
        self.menu: QMenu | None = None
        view.workspace.view.viewport().installEventFilter(self)

    def at(self, point: QPoint) -> list[Suggestion]:
        """The suggestions under a viewport point, shortest first."""
        if not self.view.overlay.visible:
            return []
        workspace = self.view.workspace
        position = workspace.view.cursorForPosition(point).position()
        offset = workspace.annotations.offsets.from_qt(position)
        items = self.view.items
        return suggestions_at(items, offset) or suggestions_at(items, offset - 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ToolTip:
            return self._tooltip(event)  # type: ignore[arg-type]
        if kind == QEvent.Type.MouseButtonRelease:
            return self._released(event)  # type: ignore[arg-type]
        return False

    def _tooltip(self, event: QHelpEvent) -> bool:
        items = self.at(event.pos())
        if not items:
            return False  # ViewMouse describes one's own annotations
        own = [describe(self.view.workspace, hit) for hit in self.mouse.hits(event.pos())]
        texts = own + [describe_suggestion(self.view, item) for item in items]
        QToolTip.showText(
            event.globalPos(), as_tooltip("\n\n".join(texts)), self.view.workspace.view
        )
        return True

    def _released(self, event: QMouseEvent) -> bool:
        workspace = self.view.workspace
        selecting = workspace.view.textCursor().hasSelection()
        if event.button() != Qt.MouseButton.LeftButton or selecting:
            return False
        point = event.position().toPoint()
        items = self.at(point)
        if not items or self.mouse.hits(point):
            return False  # one's own annotation there: the usual selection
        self.offer(items[0], event.globalPosition().toPoint())
        return True

    def offer(self, item: Suggestion, where: QPoint) -> QMenu:
        """Pop up accept, reject and accept-as for one suggestion."""
        view, schema = self.view, self.view.workspace.schema
        menu = QMenu(view.workspace.view)
        accept = menu.addAction(
            translate("Suggestions", "&Accept %1 (%2)")
            .replace("%1", item.label)
            .replace("%2", item.source)
        )
        accept.triggered.connect(lambda: view.accept([item], where=where))
        reject = menu.addAction(translate("Suggestions", "&Reject"))
        reject.triggered.connect(lambda: view.reject([item]))
        relabel = menu.addMenu(translate("Suggestions", "Accept &As"))
        kinds = schema.events if item.kind is ItemKind.EVENT else schema.entities
        for kind in kinds:
            if kind.key == item.label:
                continue
            action = relabel.addAction(f"{kind.name_ar} — {kind.name_en}")
            action.triggered.connect(
                lambda _=False, key=kind.key: view.accept([item], label_as=key, where=where)
            )
        self.menu = menu
        menu.popup(where)
        return menu
