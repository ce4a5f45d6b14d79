"""Markup in titles, texts and names is shown as it is written: tooltips, lists, title, dialogs."""

from __future__ import annotations

from pathlib import Path

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel

from annotator.core.model import Span
from annotator.services.projects import new_project
from annotator.ui.bidi import isolate
from annotator.ui.plain_text import as_tooltip
from annotator.ui.workspace import WorkspaceFeature
from annotator.ui.workspace.annotation_list import AnnotationListModel
from annotator.ui.workspace.annotation_set import Hit
from annotator.ui.workspace.label_all import LabelAllDialog
from annotator.ui.workspace.mouse import describe

TITLE = "<b>عاجل</b> &amp; <script>alert(1)</script>"
MENTION = "<b>البصرة</b>"
TEXT = f"وصل الوفد إلى {MENTION} &amp; <script>x</script> صباح اليوم، ثم غادر {MENTION} مساءً."


def rendered(tooltip: str) -> str:
    """What a tooltip shows: Qt renders it as rich text when it looks like markup."""
    if not QtGui.Qt.mightBeRichText(tooltip):
        return tooltip
    document = QTextDocument()
    document.setHtml(tooltip)
    return document.toPlainText()


def test_markup_is_literal_in_every_place_that_shows_user_text(
    make_window, tmp_path: Path, messages: list[str], qtbot
) -> None:
    path = tmp_path / "markup.annproj"
    with new_project(path) as store:
        doc = store.documents.add(TEXT, TITLE)
        start = TEXT.index(MENTION)
        store.annotations.add_span(Span("s1", doc.id, "amal", start, start + len(MENTION), "GPE"))
    window = make_window(str(path))
    feature = next(f for f in window.features if isinstance(f, WorkspaceFeature))
    # The document list, its tooltip and the window title.
    title_cell = window.document_list.model.index(0, 0)
    assert title_cell.data() == isolate(TITLE)
    assert rendered(title_cell.data(Qt.ItemDataRole.ToolTipRole)) == TITLE
    assert TITLE in window.windowTitle()
    # The reading view and the hover tooltip of the span.
    assert window.reading_view.toPlainText() == TEXT
    hover = as_tooltip(describe(feature.workspace, Hit("s1", False)))
    assert f"GPE (كيان جغرافي سياسي — Geo-political entity): {MENTION}" in rendered(hover)
    # The annotation list and its tooltip.
    listed = feature.annotation_list.model().index(0, AnnotationListModel.TEXT)
    assert listed.data() == MENTION
    assert rendered(listed.data(Qt.ItemDataRole.ToolTipRole)) == MENTION
    # The label-all dialog names the query in a label: literally.
    feature.workspace.select_range(start, start + len(MENTION), exact=True)
    feature.label_all.open()
    dialog = window.findChild(LabelAllDialog)
    query_label = next(w for w in dialog.findChildren(QLabel) if MENTION in w.text())
    assert query_label.textFormat() == Qt.TextFormat.PlainText
    items = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert len(items) == 2 and all(MENTION in item for item in items)
    dialog.reject()


def test_a_read_only_banner_shows_names_literally(
    make_window, tmp_path: Path, messages: list[str], settings
) -> None:
    path = tmp_path / "markup.annproj"
    with new_project(path) as store:
        store.documents.add(TEXT, TITLE)
    settings.annotator = "<i>amal</i>"
    make_window(str(path))
    second = make_window(str(path))
    banner = second.project_session.banner.message
    assert banner.textFormat() == Qt.TextFormat.PlainText
    assert "\u2068<i>amal</i>\u2069 already has this project open" in banner.text()
    assert "<i>amal</i> already has this project open" in messages[0]
    assert second.windowTitle().startswith(isolate(TITLE))
