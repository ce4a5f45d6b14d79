"""Label-all across the corpus: listed, one undoable step per document (issue 13.16)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from annotator.core.model import Status
from annotator.services.projects import new_project, open_project

CTRL = Qt.KeyboardModifier.ControlModifier
TEXTS = ("زار الوزير بغداد أمس.", "وصل الوفد إلى بغداد.", "بغداد مدينة كبيرة.")


def spans_by_title(path: Path) -> dict[str, list[str]]:
    with open_project(path) as store:
        return {d.title: [s.label for s in store.annotations.spans(d.id, "amal")]
                for d in store.documents.summaries()}


def test_label_all_extends_to_the_other_documents(bench, tmp_path: Path) -> None:
    path = tmp_path / "corpus.annproj"
    with new_project(path) as store:
        pairs = zip(TEXTS, "أبج", strict=True)
        ids = [store.documents.add(text, title).id for text, title in pairs]
        store.annotators.set_status(ids[2], "amal", Status.DONE)  # finished: not proposed checked
    b = bench(path)
    b.double_click(b.find("بغداد") + 2)
    b.key(Qt.Key.Key_3)  # GPE
    b.key(Qt.Key.Key_L, CTRL, b.window)
    dialog = b.feature.label_all.dialog
    b.qtbot.waitExposed(dialog)
    dialog.corpus.enabled.setFocus()
    b.qtbot.keyClick(dialog.corpus.enabled, Qt.Key.Key_Space)  # "Also in every other document"
    assert dialog.corpus.enabled.isChecked()
    tree = dialog.corpus.tree
    assert tree.isVisible() and tree.topLevelItemCount() == 2
    checked = [tree.topLevelItem(i).child(0).checkState(0) for i in range(2)]
    assert checked == [Qt.CheckState.Checked, Qt.CheckState.Unchecked]  # the done one unchecked
    b.qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert spans_by_title(path) == {"أ": ["GPE"], "ب": ["GPE"], "ج": []}
    b.window.document_list.select(ids[1])  # its own history: Ctrl+Z there undoes it
    b.view.setFocus()
    b.key(Qt.Key.Key_Z, CTRL, b.window)
    assert spans_by_title(path) == {"أ": ["GPE"], "ب": [], "ج": []}
