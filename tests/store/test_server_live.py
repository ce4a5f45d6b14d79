"""Live updates on a team server: LISTEN/NOTIFY, counted by a listener thread."""

from __future__ import annotations

import time
from collections.abc import Callable

import psycopg
import pytest

from annotator.core.model import Span, new_id
from annotator.services.projects import default_schema
from annotator.store import ProjectStore, create_project, open_project
from annotator.store.pg_live import CHANNEL
from tests.team_helpers import TEXT

pytestmark = pytest.mark.usefixtures("pg_server")


def wait_for(condition: Callable[[], object], timeout: float = 5.0) -> None:
    """Until ``condition()`` holds; fails after ``timeout`` s (behaviour, not speed)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        time.sleep(0.02)


@pytest.fixture
def pair(server_url: str):
    """Two connections to one new server project with one document: (here, elsewhere, doc)."""
    here = create_project(server_url, default_schema())
    doc = here.documents.add(TEXT, "حلب").id
    elsewhere = open_project(server_url)
    yield here, elsewhere, doc
    elsewhere.close()
    here.close()


def listening(store: ProjectStore) -> int:
    """Start the store's listener (as a window's first poll does); its version."""
    store.data_version()
    listener = store.live()
    assert listener is not None
    wait_for(listener.connected.is_set)
    return store.data_version()


def test_another_connections_commit_is_counted_not_this_ones(pair) -> None:
    here, elsewhere, doc = pair
    before = listening(here)
    here.annotations.add_span(Span(new_id(), doc, "amal", 0, 4, "GPE"))  # our own: not news
    elsewhere.annotations.add_span(Span(new_id(), doc, "karim", 5, 9, "GPE"))
    wait_for(lambda: here.data_version() != before)
    # Notifications arrive in commit order: ours came first and was not counted.
    assert here.data_version() == before + 1


def test_a_window_is_told_at_once(pair) -> None:
    here, elsewhere, _ = pair
    listening(here)
    calls: list[int] = []
    here.live().on_change = lambda: calls.append(1)
    elsewhere.annotators.ensure("karim")
    wait_for(lambda: calls)
    with elsewhere.transaction():  # a rolled-back change tells nobody
        pass
    elsewhere.db.conn.execute("BEGIN")
    elsewhere.db.execute("DELETE FROM annotators WHERE name = 'karim'")
    elsewhere.db.conn.execute("ROLLBACK")
    elsewhere.annotators.ensure("rana")
    wait_for(lambda: len(calls) >= 2)
    assert len(calls) == 2


def test_a_large_import_is_one_notification_per_table(server_url: str) -> None:
    store = create_project(server_url, default_schema())
    with psycopg.connect(server_url, autocommit=True) as listener:
        listener.execute(f"LISTEN {CHANNEL}")
        with store.transaction():
            for number in range(600):
                store.documents.add(f"{TEXT} {number}", f"وثيقة {number}")
        store.annotators.ensure("amal")  # a marker: the import's notices came before it
        seen = []
        for notify in listener.notifies(timeout=5):
            seen.append(notify.payload)
            if notify.payload == "annotators":
                break
    store.close()
    assert seen == ["documents", "annotators"]


def test_the_listener_survives_a_terminated_backend(pair, pg_server) -> None:
    here, elsewhere, doc = pair
    before = listening(here)
    listener = here.live()
    with psycopg.connect(pg_server.get_uri(), autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [listener.backend_pid])
    wait_for(lambda: listener.reconnects >= 1 and listener.connected.is_set())
    after_reconnect = here.data_version()
    assert after_reconnect != before  # what it may have missed is counted as a change
    elsewhere.annotations.add_span(Span(new_id(), doc, "karim", 5, 9, "GPE"))
    wait_for(lambda: here.data_version() != after_reconnect)


def test_a_file_project_has_no_listener(project_path_store) -> None:
    assert project_path_store.live() is None


@pytest.fixture
def project_path_store(tmp_path) -> ProjectStore:
    store = create_project(tmp_path / "p.annproj", default_schema())
    yield store
    store.close()
