"""Two windows on one project: different annotators side by side, the same one twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from annotator.core.errors import ProjectBusyError, ReadOnlyProjectError
from annotator.core.model import Span, new_id
from annotator.services import sessions
from annotator.services.opening import open_for_editing
from annotator.services.projects import new_project
from annotator.store import ProjectStore, open_project
from annotator.store.sessions import SessionRecord

TESTS = Path(__file__).resolve().parent
ENV = {**os.environ, "PYTHONPATH": str(TESTS.parents[1])}
TEXT = "قصفت طائرات مسيّرة موقعًا عسكريًا قرب حلب فجر اليوم، وأفاد مرصد محلي بمقتل ثلاثة أشخاص."
COUNT = 150


@pytest.fixture
def shared(engine_location: str) -> str:
    """A closed project with one document: a file, then a server database."""
    with new_project(engine_location) as store:
        store.documents.add(TEXT, "حلب")
    return engine_location


def spawn(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV
    )


def test_two_annotators_at_once_lose_nothing_and_see_each_other(
    shared: Path, figures: list[str]
) -> None:
    worker = str(TESTS / "concurrent_worker.py")
    children = [
        spawn(worker, str(shared), "amal", "karim", str(COUNT)),
        spawn(worker, str(shared), "karim", "amal", str(COUNT)),
    ]
    outputs = [child.communicate(timeout=120) for child in children]
    for child, (out, err) in zip(children, outputs, strict=True):
        assert child.returncode == 0, err
        assert "locked" not in err
        assert out.count("SAVED") == COUNT
        assert f"SAW {COUNT}" in out, out[-200:]
    with open_project(shared) as store:
        doc = store.documents.summaries()[0]
        for name in ("amal", "karim"):
            assert len(store.annotations.spans(doc.id, name)) == COUNT
            assert len(store.annotations.events(doc.id, name)) == COUNT // 10
        assert store.sessions.all() == []  # both closed cleanly
        waits = sum(out.count("WAITING") for out, _ in outputs)
    figures.append(f"concurrent_spans_saved: {2 * COUNT} spans, {waits} waits over 2 s reported")


def wait_at_most(store: ProjectStore, milliseconds: int) -> None:
    """Make ``store`` wait this long for the write lock before on_busy hears of it."""
    if store.on_server:
        store.db.execute(f"SET lock_timeout = '{milliseconds}ms'")
    else:
        store.db.execute(f"PRAGMA busy_timeout = {milliseconds}")


def test_a_long_wait_is_reported_then_the_write_goes_through(
    engine_project: ProjectStore,
) -> None:
    project = engine_project
    doc = project.documents.add(TEXT, "t")
    other = open_project(str(project.path))
    other._begin()  # another window in the middle of a save: it holds the write lock
    waits: list[float] = []

    def report(waited: float) -> None:
        waits.append(waited)
        if other.db.conn.in_transaction:
            other.db.conn.execute("COMMIT")

    project.on_busy = report
    wait_at_most(project, 100)
    project.annotations.add_span(Span(new_id(), doc.id, "amal", 0, 4, "GPE"))
    assert len(waits) == 1 and waits[0] >= 0.09
    assert len(other.annotations.spans(doc.id)) == 1
    other.close()


def test_a_write_blocked_too_long_fails_clearly_and_leaves_the_store_usable(
    engine_project: ProjectStore,
) -> None:
    project = engine_project
    doc = project.documents.add(TEXT, "t")
    other = open_project(str(project.path))
    other._begin()
    wait_at_most(project, 50)
    project.busy_limit_s = 0.2
    with pytest.raises(ProjectBusyError, match="kept the project busy"):
        project.annotations.add_span(Span(new_id(), doc.id, "amal", 0, 4, "GPE"))
    other.db.conn.execute("ROLLBACK")
    other.close()
    project.annotations.add_span(Span(new_id(), doc.id, "amal", 0, 4, "GPE"))
    assert len(project.annotations.spans(doc.id)) == 1


def test_same_annotator_twice_in_one_process_gets_a_read_only_window(shared: Path) -> None:
    first = open_for_editing(shared, "amal")
    second = open_for_editing(shared, "amal")
    assert not first.read_only
    assert second.read_only
    assert any("amal already has this project open" in w for w in second.warnings)
    doc = second.store.documents.summaries()[0]
    with pytest.raises(ReadOnlyProjectError, match="read-only because amal already has"):
        second.store.annotations.add_span(Span(new_id(), doc.id, "amal", 0, 4, "GPE"))
    first.store.annotations.add_span(Span(new_id(), doc.id, "amal", 0, 4, "GPE"))
    assert len(second.store.annotations.spans(doc.id)) == 1  # it still reads, and refreshes
    second.close()
    first.close()
    again = open_for_editing(shared, "amal")
    assert not again.read_only  # the first window released its claim on close
    again.close()


def test_same_annotator_in_another_live_process_then_after_it_was_killed(shared: Path) -> None:
    holder = spawn(
        "-c",
        "import sys, time; from annotator.services.opening import open_for_editing; "
        "o = open_for_editing(sys.argv[1], 'amal'); print('READY', flush=True); time.sleep(120)",
        str(shared),
    )
    assert holder.stdout.readline() == "READY\n"
    blocked = open_for_editing(shared, "amal")
    assert blocked.read_only
    assert f"process {holder.pid}" in blocked.warnings[0]
    other_annotator = open_for_editing(shared, "karim")
    assert not other_annotator.read_only
    other_annotator.close()
    blocked.close()
    holder.send_signal(signal.SIGKILL)
    holder.wait(timeout=30)
    reclaimed = open_for_editing(shared, "amal")  # a dead process does not lock amal out
    assert not reclaimed.read_only
    assert [s.pid for s in reclaimed.store.sessions.all()] == [os.getpid()]
    reclaimed.close()


def test_take_over_moves_the_claim_and_the_old_window_learns_it(shared: Path) -> None:
    first = open_for_editing(shared, "amal")
    second = open_for_editing(shared, "amal", take_over=True)
    assert not second.read_only
    assert first.session is not None and not first.session.heartbeat()
    assert second.session is not None and second.session.heartbeat()
    assert first.read_only  # the old window stops writing at its next heartbeat
    doc = first.store.documents.summaries()[0]
    with pytest.raises(ReadOnlyProjectError, match="took over editing"):
        first.store.annotations.add_span(Span(new_id(), doc.id, "amal", 0, 4, "GPE"))
    first.close()
    second.close()


def test_sessions_on_another_computer_expire_without_heartbeats(shared: Path) -> None:
    with open_project(shared) as store:
        now = time.time()
        fresh = SessionRecord(new_id(), "amal", "other-pc", 42, "2026-01-01T00:00:00", now)
        stale = SessionRecord(new_id(), "karim", "other-pc", 42, "2026-01-01T00:00:00", 0.0)
        for record in (fresh, stale):
            store.sessions.take_over(record)
    assert sessions.is_live(fresh) and not sessions.is_live(stale)
    amal = open_for_editing(shared, "amal")
    karim = open_for_editing(shared, "karim")
    assert amal.read_only and "on other-pc" in amal.warnings[0]
    assert not karim.read_only
    amal.close()
    karim.close()


def test_two_windows_opening_at_once_cannot_both_claim(shared: Path) -> None:
    results: list[bool] = []

    def open_one() -> None:
        opened = open_for_editing(shared, "amal")
        results.append(opened.read_only)
        time.sleep(0.2)
        opened.close()

    threads = [threading.Thread(target=open_one) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False, True, True, True]


def test_switching_to_another_annotator_lifts_the_read_only_state(shared: Path) -> None:
    first = open_for_editing(shared, "amal")
    second = open_for_editing(shared, "amal")
    assert second.read_only
    assert second.switch_annotator("karim") == []
    assert not second.read_only
    doc = second.store.documents.summaries()[0]
    second.store.annotations.add_span(Span(new_id(), doc.id, "karim", 0, 4, "GPE"))
    warnings = second.switch_annotator("amal")  # amal's first window is still open
    assert second.read_only and "amal already has this project open" in warnings[0]
    first.close()
    assert second.switch_annotator("amal") == []
    assert [s.annotator for s in second.store.sessions.all()] == ["amal"]
    second.close()
