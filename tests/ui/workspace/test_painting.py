"""What the highlighter paints: label backgrounds, blends, trigger underlines, never bold."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextFormat
from PySide6.QtWidgets import QInputDialog

from annotator.ui.workspace import WorkspaceFeature
from tests.ui.workspace.test_events import mark_meeting


def formats_at(b, offset: int):
    """The highlighter's formats covering code point ``offset``."""
    position = b.workspace.annotations.offsets.to_qt(offset)
    block = b.view.document().findBlock(position)
    inside = position - block.position()
    return [
        QTextCharFormat(r.format)
        for r in block.layout().formats()
        if r.start <= inside < r.start + r.length
    ]


def test_spans_get_their_label_background_and_nesting_blends(bench) -> None:
    b = bench()
    outer = b.find("وزارة الخارجية العراقية")
    b.drag(outer, outer + len("وزارة الخارجية العراقية"))
    b.key(Qt.Key.Key_2)
    b.double_click(b.find("العراقية") + 2)
    b.key(Qt.Key.Key_3)
    b.key(Qt.Key.Key_Escape)
    b.workspace.highlighter.flush()  # normally run once control returns to the event loop
    [plain] = formats_at(b, outer)
    [nested] = formats_at(b, b.find("العراقية") + 1)
    org = QColor(b.window.project.schema.entity("ORG").color)
    gpe = QColor(b.window.project.schema.entity("GPE").color)
    assert plain.background().color() == org
    assert nested.background().color() not in (org, gpe)
    for fmt in (plain, nested):
        # Bold or italic inside a word would break Arabic joining: never set.
        assert not fmt.hasProperty(QTextFormat.Property.FontWeight)
        assert not fmt.hasProperty(QTextFormat.Property.FontItalic)


def test_triggers_are_underlined_and_selection_is_emphasised(bench) -> None:
    b = bench()
    mark_meeting(b)
    b.workspace.highlighter.flush()
    [selected] = formats_at(b, b.find("اجتمع") + 1)
    assert selected.underlineStyle() != QTextCharFormat.UnderlineStyle.NoUnderline
    b.key(Qt.Key.Key_Escape)
    b.workspace.highlighter.flush()
    [plain] = formats_at(b, b.find("اجتمع") + 1)
    assert plain.background().color() != selected.background().color()


def test_switching_annotator_shows_their_own_work(make_window, demo_path, monkeypatch) -> None:
    from annotator.services.projects import open_project

    window = make_window(str(demo_path))
    feature = next(f for f in window.features if isinstance(f, WorkspaceFeature))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("karim", True))
    feature.switch_annotator()
    assert window.annotator == "karim" and window.settings.annotator == "karim"
    with open_project(demo_path) as store:
        karims = {s.id for s in store.annotations.spans(window.current_document_id, "karim")}
    assert karims and set(feature.workspace.annotations.spans) == karims
    assert not feature.workspace.undo_group.canUndo()


def test_changes_made_elsewhere_appear_on_reload(bench) -> None:
    from annotator.core.model import Span, new_id
    from annotator.services.projects import open_project

    b = bench()
    doc_id = b.window.current_document_id
    with open_project(b.path) as store:  # another connection, e.g. an import
        store.annotations.add_span(Span(new_id(), doc_id, "amal", 0, 6, "GPE"))
    b.window.reload()
    assert [s.covered(b.text) for s in b.workspace.annotations.spans.values()] == ["الموصل"]
