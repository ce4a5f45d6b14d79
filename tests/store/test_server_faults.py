"""A server that cannot be reached: the action is refused at once, nothing is left
half-written, and the next action connects again (no restart)."""

from __future__ import annotations

import psycopg
import pytest

from annotator.core.errors import ConnectionLostError, ProjectError
from annotator.core.model import Span, new_id
from annotator.services.projects import default_schema
from annotator.store import create_project, open_project

TEXT = "قصفت طائرات مسيّرة موقعًا عسكريًا قرب حلب فجر اليوم."


def _cut(pg_server, store) -> None:
    """Terminate the store's server process from a second connection (a network cut)."""
    pid = store.db.conn.raw.info.backend_pid
    with psycopg.connect(pg_server.get_uri(), autocommit=True) as admin:
        assert admin.execute("SELECT pg_terminate_backend(%s)", [pid]).fetchone()[0]


def test_a_connection_cut_mid_action_loses_nothing_and_the_next_action_reconnects(
    pg_server, server_url: str
) -> None:
    with create_project(server_url, default_schema()) as store:
        doc = store.documents.add(TEXT, "حلب")
        kept = store.annotations.add_span(Span(new_id(), doc.id, "amal", 0, 4, "ORG"))
        first = Span(new_id(), doc.id, "amal", 5, 11, "VEH")
        second = Span(new_id(), doc.id, "amal", 20, 24, "GPE")
        refused = pytest.raises(ConnectionLostError, match=r"cannot be reached.*not saved")
        with refused, store.transaction():  # one action of two writes, cut between them
            store.annotations.add_span(first)
            _cut(pg_server, store)
            store.annotations.add_span(second)
        assert not store.db.conn.in_transaction
        # The next action connects again and finds the project as before the action.
        assert store.annotations.spans(doc.id) == [kept]
        store.annotations.add_span(second)
        assert store.annotations.spans(doc.id) == [kept, second]
    with open_project(server_url) as again:  # and so does every other client
        assert again.annotations.spans(doc.id) == [kept, second]
        assert again.annotators.status(doc.id, "amal").value == "in_progress"


def test_a_connection_lost_while_idle_is_made_again_by_the_next_action(
    pg_server, server_url: str
) -> None:
    with create_project(server_url, default_schema()) as store:
        doc = store.documents.add(TEXT, "حلب")
        _cut(pg_server, store)
        span = store.annotations.add_span(Span(new_id(), doc.id, "amal", 0, 4, "ORG"))
        assert store.annotations.spans(doc.id) == [span]


def test_an_unreachable_server_is_a_clear_error_naming_it_without_password() -> None:
    url = "postgresql://amal:secret@127.0.0.1:1/nowhere?connect_timeout=2"
    with pytest.raises(ProjectError, match="cannot connect to the server") as caught:
        open_project(url)
    assert "secret" not in str(caught.value)
    assert "postgresql://amal@127.0.0.1:1/nowhere" in str(caught.value)
