"""The agreement and adjudication views on the demo project, driven through qtbot."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from annotator.services.projects import open_project

SCREENS = Path("/work/screens")


@pytest.fixture
def review(make_window, demo_path: Path):
    window = make_window(str(demo_path))
    return window, next(f for f in window.features if type(f).__name__ == "ReviewFeature")


def test_agreement_view_shows_the_pair_matrix_and_ranks_documents(
    qtbot, review, qtmodeltester
) -> None:
    window, feature = review
    window.menu("review").actions()[0].trigger()
    view = feature.agreement
    qtbot.waitExposed(view)
    assert view.pairs.rowCount() == 2
    assert view.pairs.item(0, 1).text() == view.pairs.item(1, 0).text() != "n/a"
    model = view.documents.model()
    counts = [int(model.index(r, 1).data()) for r in range(model.rowCount())]
    assert counts == sorted(counts, reverse=True) and counts[0] > 0
    qtmodeltester.check(model, force_py=True)
    assert view.labels.rowCount() >= 5
    view.pair_figure.setCurrentIndex(2)  # Cohen's kappa
    assert float(view.pairs.item(0, 1).text()) < 1
    if SCREENS.is_dir():
        view.tabs.setCurrentIndex(0)
        view.grab().save(str(SCREENS / "agreement_pairs.png"))
        view.tabs.setCurrentIndex(2)
        view.grab().save(str(SCREENS / "agreement_confusion.png"))
        view.tabs.setCurrentIndex(3)
        view.grab().save(str(SCREENS / "agreement_documents.png"))


def test_agreement_report_exports_csv_and_html(qtbot, review, tmp_path: Path) -> None:
    _, feature = review
    view = feature.show_agreement()
    view.export(tmp_path / "report.csv")
    view.export(tmp_path / "report.html")
    csv_text = (tmp_path / "report.csv").read_text(encoding="utf-8")
    assert csv_text.startswith("scope,document,a,b,label,figure,value")
    assert "corpus,,amal,karim,,cohen_kappa," in csv_text
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "<table>" in page and "http" not in page and "<script" not in page


def test_unchecking_an_annotator_leaves_nothing_to_compare(qtbot, review) -> None:
    _, feature = review
    view = feature.show_agreement()
    view.annotators.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert view.report is None and view.pairs.rowCount() == 0
    assert "two annotators" in view.summary.text()


def test_adjudicating_a_document_by_keyboard_produces_an_exported_gold_file(
    qtbot, review, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, feature = review
    agreement = feature.show_agreement()
    first = agreement.documents.model().index(0, 0)
    agreement.documents.setCurrentIndex(first)
    agreement.documents.activated.emit(first)  # the most disputed document
    view = feature.adjudication
    qtbot.waitExposed(view)
    doc_id = view.doc_id
    assert doc_id == agreement.report.documents[0].doc_id
    assert view.current == 0 and len(view.regions) > 3
    view.activateWindow()
    qtbot.waitUntil(view.isActiveWindow)

    qtbot.keyClick(
        view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    agreed = len(window.project.spans(doc_id, "gold"))
    assert agreed > 0
    regions_before = len(view.regions)
    qtbot.keyClick(view, Qt.Key.Key_F8)
    assert view.current == 1
    qtbot.keyClick(view, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert view.current == 0
    # Enter on the first candidate accepts it.
    candidate = view.selected_item()
    assert candidate is not None and candidate.annotator in {"amal", "karim"}
    qtbot.keyClick(view.candidates, Qt.Key.Key_Return)
    gold = window.project.spans(doc_id, "gold") + window.project.events(
        doc_id, "gold"
    )
    assert any(item.source == candidate.annotator for item in gold)
    assert len(view.regions) == regions_before
    if SCREENS.is_dir():
        view.grab().save(str(SCREENS / "adjudication.png"))

    # Undo, redo.
    count = len(gold)
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    after_undo = window.project.spans(doc_id, "gold") + window.project.events(
        doc_id, "gold"
    )
    assert len(after_undo) < count
    qtbot.keyClick(
        view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert (
        len(
            window.project.spans(doc_id, "gold")
            + window.project.events(doc_id, "gold")
        )
        == count
    )

    # Edit freely: mark a selection with a label picked in a dialog.
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("ORG", True))
    cursor = view.view.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(4, cursor.MoveMode.KeepAnchor)
    view.view.setTextCursor(cursor)
    qtbot.keyClick(view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    drawn = [s for s in window.project.spans(doc_id, "gold") if s.source is None]
    assert [(s.start, s.end, s.label) for s in drawn] == [(0, 4, "ORG")]

    qtbot.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert "adjudicated" in view.position.text()
    target = tmp_path / "gold.jsonl"
    view.export_gold(target)
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [r["annotator"] for r in records] == ["gold"]
    assert (
        len(records[0]["entities"] if "entities" in records[0] else records[0]["spans"]) >= agreed
    )

    with open_project(window.project.path) as store:
        assert store.annotators.get("gold").kind.value == "gold"


def test_merge_from_the_review_menu(
    qtbot, review, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages: list[str]
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from annotator.services.projects import new_project

    window, _feature = review
    other = tmp_path / "karim.annproj"
    with new_project(other) as copy:
        copy.documents.add("خبر من نسخة كريم عن مطار البصرة.", "نسخة كريم")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(other)], ""))
    shown = messages  # the merge report, shown as plain text
    before = window.document_list.model.rowCount()
    merge = next(a for a in window.menu("review").actions() if "Merge" in a.text())
    merge.trigger()
    assert "1 new document(s)" in shown[0]
    assert window.document_list.model.rowCount() == before + 1
    merge.trigger()
    assert "0 new document(s)" in shown[1]
