"""The Recommenders panel and training in the background: the window keeps answering keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.suggest_helpers import generated_project, trained_project

TRAINING_TIMEOUT_MS = 120_000


def wait_trained(qtbot, live) -> None:
    """Until the first training is over. It starts once the window has painted, so "not
    busy" alone can hold before it has begun."""
    qtbot.waitUntil(
        lambda: "crf" in live.recommenders and not live.busy, timeout=TRAINING_TIMEOUT_MS
    )


@pytest.fixture
def generated_path(tmp_path: Path) -> Path:
    """30 generated articles; amal labelled and marked done the first 20."""
    return generated_project(tmp_path / "generated.annproj", count=30, done=20)


def test_training_runs_in_the_background_while_keys_are_handled(
    bench, generated_path, settings, qtbot
) -> None:
    settings.live_recommenders = True
    wb = bench(generated_path)
    live = wb.feature.suggestions.live
    panel = wb.feature.recommenders
    # Never trained, 20 done documents: training starts once the window has painted.
    qtbot.waitUntil(lambda: live.busy)
    assert not panel.train_button.isEnabled()
    # A keystroke while the worker trains: handled and saved at once.
    start = wb.text.index(" ") + 1
    end = wb.text.index(" ", start)
    wb.workspace.select_range(start, end)
    before = len(wb.stored_spans())
    wb.key(Qt.Key.Key_1)
    assert len(wb.stored_spans()) == before + 1
    assert live.busy  # the key did not wait for the training
    qtbot.waitUntil(lambda: not live.busy, timeout=TRAINING_TIMEOUT_MS)
    statuses = {s.name: s for s in live.statuses}
    assert set(live.recommenders) == {"strings", "crf"}
    assert statuses["crf"].documents == 20 and statuses["crf"].trained_at
    assert panel.table.rowCount() == 2 and panel.table.item(0, 1).text() == "20"
    assert panel.table.item(0, 4).text().endswith("%")
    assert panel.scores.rowCount() >= 1  # per-label held-out quality of the selected one


def test_live_suggestions_threshold_and_retraining_after_done(
    bench, generated_path, settings, qtbot
) -> None:
    settings.live_recommenders = True
    settings.retrain_after_done = 1
    wb = bench(generated_path)
    live, view = wb.feature.suggestions.live, wb.feature.suggestions
    wait_trained(qtbot, live)
    # An article amal has not done: the recommenders suggest there.
    not_done = next(d.id for d in wb.window.project.document_summaries()
                    if wb.window.project.status(d.id, "amal").value == "new")
    wb.window.open_document(not_done)
    sources = {s.source for s in view.items}
    assert sources & {"recommender:strings", "recommender:crf"}
    count = len(view.items)
    live.set_options("crf", threshold=1.0)  # only the certain ones
    live.set_options("strings", threshold=1.0)
    assert len(view.items) < count
    # One more done document retrains (every 1 done document, as set).
    wb.key(Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert live.busy
    qtbot.waitUntil(lambda: not live.busy, timeout=TRAINING_TIMEOUT_MS)
    assert {s.documents for s in live.statuses} == {21}


def test_active_learning_orders_documents_and_opens_the_most_useful(
    bench, generated_path, settings, qtbot
) -> None:
    settings.live_recommenders = True
    wb = bench(generated_path)
    feature = wb.feature
    learning = feature.active_learning
    assert not learning.order_action.isChecked()  # off by default
    wait_trained(qtbot, feature.suggestions.live)
    learning.order_action.setChecked(True)
    qtbot.waitUntil(lambda: learning.ranking is not None, timeout=10_000)
    ranking = learning.ranking
    assert len(ranking) == 10  # the articles amal has not done
    assert [u for _, u in ranking] == sorted((u for _, u in ranking), reverse=True)
    model = wb.window.document_list.model
    assert model.doc_ids()[:10] == [d for d, _ in ranking]
    wb.key(Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert wb.window.current_document_id == ranking[0][0]
    learning.order_action.setChecked(False)
    assert model.doc_ids() == [d.id for d in wb.window.project.document_summaries()]


def test_a_new_annotator_opens_a_project_without_training(
    bench, generated_path, settings
) -> None:
    settings.live_recommenders = True
    settings.annotator = "newcomer"  # nothing of theirs in the project yet
    wb = bench(generated_path)
    live = wb.feature.suggestions.live
    assert not live.busy and live.recommenders == {}
    assert wb.feature.recommenders.state.text() == "Not trained yet: mark documents done"
    assert not live.train()  # Train Now: nothing to learn from, said so, no error


def test_opening_loads_the_trained_recommenders_off_the_gui_thread(
    bench, generated_path, settings, qtbot, monkeypatch
) -> None:
    """The window is ready before the pickled CRF is loaded; its suggestions follow the load."""
    import threading

    from annotator.core.recommenders import CrfLabeller

    trained_project(generated_path)
    release, loaded_on = threading.Event(), []
    real = CrfLabeller.from_model.__func__

    def held_load(cls, model):
        loaded_on.append(threading.current_thread())
        assert release.wait(30), "the test never let the load go on"
        return real(cls, model)

    monkeypatch.setattr(CrfLabeller, "from_model", classmethod(held_load))
    wb = bench(generated_path)  # would hang here (the load held) if it ran on the GUI thread
    live, view = wb.feature.suggestions.live, wb.feature.suggestions
    not_done = next(d.id for d in wb.window.project.document_summaries()
                    if wb.window.project.status(d.id, "amal").value == "new")
    wb.window.open_document(not_done)
    assert live.loading and live.recommenders == {}
    assert wb.feature.recommenders.state.text() == "Loading the trained recommenders…"
    assert not {s.source for s in view.items} & {"recommender:strings", "recommender:crf"}
    # The window answers keys meanwhile.
    start = wb.text.index(" ") + 1
    wb.workspace.select_range(start, wb.text.index(" ", start))
    before = len(wb.stored_spans())
    wb.key(Qt.Key.Key_1)
    assert len(wb.stored_spans()) == before + 1
    release.set()
    qtbot.waitUntil(lambda: not live.loading, timeout=30_000)
    assert loaded_on and threading.main_thread() not in loaded_on
    assert set(live.recommenders) == {"strings", "crf"} and not live.busy
    assert wb.feature.recommenders.state.text() == "Ready"
    assert {s.source for s in view.items} >= {"recommender:crf"}


def test_a_load_overtaken_by_another_project_is_dropped(
    bench, generated_path, article_path, settings, qtbot, monkeypatch
) -> None:
    """A load that ends after the window moved to another project leaves that one alone."""
    import threading

    from annotator.core.recommenders import CrfLabeller

    trained_project(generated_path)
    release, real = threading.Event(), CrfLabeller.from_model.__func__
    monkeypatch.setattr(
        CrfLabeller, "from_model", classmethod(lambda cls, m: release.wait(30) and real(cls, m))
    )
    wb = bench(generated_path)
    live = wb.feature.suggestions.live
    assert live.loading
    wb.window.open_project(article_path)
    assert not live.loading
    release.set()
    for loader in live._loaders:
        loader.join(30)
    QApplication.processEvents()  # the stale load's queued delivery arrives now
    assert live.recommenders == {} and live.last_error == ""
