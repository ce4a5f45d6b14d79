"""The annotation workspace: entities and events labelled in the reading view.

``install(window)`` is the feature entry point (see ui/features.py): it adds the
workspace, its panels and its actions to the main window.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from annotator.ui.i18n import translate
from annotator.ui.workspace.active_learning import ActiveLearning
from annotator.ui.workspace.annotation_list import AnnotationList
from annotator.ui.workspace.annotator_choice import ask_annotator
from annotator.ui.workspace.arcs import ArgumentArcs
from annotator.ui.workspace.argument_keys import ArgumentKeys
from annotator.ui.workspace.event_panel import EventPanel
from annotator.ui.workspace.event_picker import EventTypePicker
from annotator.ui.workspace.find_bar import FindBar
from annotator.ui.workspace.guideline import GuidelineView
from annotator.ui.workspace.label_all import LabelAll
from annotator.ui.workspace.mouse import ViewMouse
from annotator.ui.workspace.navigation import Navigation
from annotator.ui.workspace.notes import NotesControl
from annotator.ui.workspace.palette import LabelPalette
from annotator.ui.workspace.recommenders_panel import RecommendersPanel
from annotator.ui.workspace.suggestion_mouse import SuggestionMouse
from annotator.ui.workspace.suggestion_view import SuggestionView
from annotator.ui.workspace.workspace import Workspace

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
RIGHT_DOCK_WIDTH = 380


@dataclass
class WorkspaceFeature:
    """The installed parts, reachable from tests and from other features."""

    workspace: Workspace
    palette: LabelPalette
    guideline: GuidelineView
    annotation_list: AnnotationList
    event_panel: EventPanel
    mouse: ViewMouse
    navigation: Navigation
    find_bar: FindBar
    label_all: LabelAll
    suggestions: SuggestionView
    suggestion_mouse: SuggestionMouse
    recommenders: RecommendersPanel
    active_learning: ActiveLearning
    picker: EventTypePicker | None = None
    arcs: ArgumentArcs | None = None
    argument_keys: ArgumentKeys | None = None
    notes: NotesControl | None = None

    def open_event_picker(self, start: int, end: int) -> EventTypePicker:
        """Ask for the type of a new event on ``[start, end)``."""
        workspace = self.workspace
        picker = EventTypePicker(workspace.schema, workspace.window)
        picker.chosen.connect(lambda key: workspace.add_event(start, end, key))
        picker.finished.connect(lambda _: self._picker_closed(picker))
        self.picker = picker
        picker.open()
        return picker

    def _picker_closed(self, picker: EventTypePicker) -> None:
        """Give the keyboard back to the text (the window manager may activate it late)."""
        if self.picker is picker:
            self.picker = None
        picker.deleteLater()
        window = self.workspace.window
        window.activateWindow()
        self.workspace.view.setFocus()

    def switch_annotator(self) -> None:
        """Let another person annotate: their own annotations and statuses are shown."""
        window = self.workspace.window
        name = ask_annotator(window, window.annotator)
        if not name or name == window.annotator:
            return
        window.set_annotator(name)  # the workspace re-reads the document for them


def install(window: MainWindow) -> WorkspaceFeature:
    """Add the workspace, its docks and its actions to ``window``."""
    workspace = Workspace(window)
    palette = LabelPalette(workspace)
    guideline = GuidelineView(workspace)
    annotation_list = AnnotationList(workspace)
    event_panel = EventPanel(workspace)
    mouse = ViewMouse(workspace)
    suggestions = SuggestionView(workspace)
    feature = WorkspaceFeature(
        workspace, palette, guideline, annotation_list, event_panel, mouse,
        Navigation(workspace), FindBar(workspace), LabelAll(workspace),
        suggestions, SuggestionMouse(suggestions, mouse), RecommendersPanel(suggestions.live),
        ActiveLearning(suggestions),
    )
    window.project_opened.connect(lambda: palette.palette_model.set_schema(window.project.schema))
    workspace.event_type_requested.connect(feature.open_event_picker)
    # Undoing someone else's work under a new name would be wrong, whoever switched.
    window.annotator_changed.connect(lambda _name: workspace.clear_history())
    docks = {
        key: window.add_dock(key, title, widget, RIGHT)
        for key, title, widget in (
            ("labels", translate("Workspace", "Labels"), palette),
            ("guideline", translate("Workspace", "Guideline"), guideline),
            ("annotations", translate("Workspace", "Annotations"), _with_filter(annotation_list)),
            ("events", translate("Workspace", "Events"), event_panel),
            ("recommenders", translate("Workspace", "Recommenders"), feature.recommenders),
        )
    }
    labels_dock, guideline_dock = docks["labels"], docks["guideline"]
    list_dock, events_dock = docks["annotations"], docks["events"]
    window.splitDockWidget(labels_dock, guideline_dock, Qt.Orientation.Vertical)
    window.tabifyDockWidget(list_dock, events_dock)
    window.tabifyDockWidget(events_dock, docks["recommenders"])
    list_dock.raise_()
    # Wide enough for a mention, its label and its position side by side.
    window.resizeDocks([labels_dock], [RIGHT_DOCK_WIDTH], Qt.Orientation.Horizontal)
    # After the project actions (New, Open), before the first separator.
    file_menu = window.menu("file")
    first_separator = next(a for a in file_menu.actions() if a.isSeparator())
    switch = window.add_action(
        "file", translate("Workspace", "Switch &Annotator…"), feature.switch_annotator
    )
    file_menu.insertAction(first_separator, switch)
    feature.arcs = install_arcs(window, workspace)
    feature.argument_keys = ArgumentKeys(workspace)
    feature.notes = NotesControl(workspace, annotation_list)
    return feature


def _with_filter(annotation_list: AnnotationList) -> QWidget:
    """The annotation list under its filter on notes and unsure flags."""
    panel = QWidget()
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(0, 0, 0, 0)
    annotation_list.filter = annotation_list.filter_box()
    layout.addWidget(annotation_list.filter)
    layout.addWidget(annotation_list, 1)
    return panel


def install_arcs(window: MainWindow, workspace: Workspace) -> ArgumentArcs:
    """The argument arcs over the text and View › Show Argument Arcs (Ctrl+R)."""
    annotations = workspace.annotations
    arcs = ArgumentArcs(
        workspace.view,
        lambda: annotations.events.values(),
        annotations.interval,
        lambda event_type: workspace.palette.color(event_type),
        lambda: annotations.selected_id,
    )
    workspace.view.decorations.append(arcs.paint)
    action = window.add_action(
        "view", translate("Workspace", "Show Argument A&rcs"), arcs.set_visible, "Ctrl+R"
    )
    action.setCheckable(True)
    action.setChecked(window.settings.value("view/argument_arcs", "false") == "true")
    arcs.set_visible(action.isChecked())
    action.toggled.connect(
        lambda on: window.settings.set_value("view/argument_arcs", "true" if on else "false")
    )
    # An arc spans lines: a change repaints the whole view, not only the lines it touched.
    annotations.events_changed.connect(lambda: arcs.visible and workspace.view.viewport().update())
    annotations.reset.connect(lambda: arcs.visible and workspace.view.viewport().update())
    annotations.selection_changed.connect(
        lambda _id: arcs.visible and workspace.view.viewport().update()
    )
    return arcs
