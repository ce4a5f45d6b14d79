"""Crash safety on a team server: SIGKILL an annotator's client at random moments.

The driver and the checks are test_crash_safety's (the file engine's): the same
worker annotates a server project as amal, through her own login role under
row-level security, and is killed with SIGKILL. After each kill, once the server
has ended the dead client's connections (its in-flight transaction rolled back or
committed whole), a fresh connection must find every action the worker reported
saved, the action in flight wholly there or wholly absent, and no argument whose
event or span is gone.

ANNOTATOR_KILLS sets the number of kills (default 50; the server rounds are half).
"""

from __future__ import annotations

import time
from collections.abc import Callable

import psycopg
import pytest

from tests.reliability.test_crash_safety import (
    ARTICLES,
    KILLS,
    Model,
    kill_rounds,
    kill_seed,
    read_model,
)
from tests.team_helpers import as_user, make_team, sql_as

pytestmark = pytest.mark.usefixtures("pg_server")

SERVER_KILLS = max(10, KILLS // 2)
# How long the server may take to notice a killed client's closed socket.
GONE_WAIT_S = 30.0


def _wait_for_clients_to_go(admin: psycopg.Connection) -> None:
    """Wait until no connection but ours is on the database: the killed client's
    transaction is then over on the server, one way or the other."""
    deadline = time.monotonic() + GONE_WAIT_S
    while True:
        others = admin.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid()"
        ).fetchone()[0]
        if others == 0:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"{others} connections of a killed client outlived it")
        time.sleep(0.02)


def server_state(admin_url: str) -> Callable[[object], tuple[Model, str]]:
    """A ``read`` for check_round: the project's annotations, read as its administrator,
    and "ok" when no argument lost its event or span and every span fits its text."""

    def read(_project: object) -> tuple[Model, str]:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            _wait_for_clients_to_go(admin)
            model = read_model(admin)
            broken = admin.execute(
                "SELECT (SELECT count(*) FROM event_arguments a WHERE NOT EXISTS "
                "(SELECT 1 FROM spans s WHERE s.id = a.span_id) OR NOT EXISTS "
                "(SELECT 1 FROM events e WHERE e.id = a.event_id)) + (SELECT count(*) "
                'FROM spans s JOIN documents d ON d.rowid = s.document WHERE s."end" > '
                "length(d.text)) + (SELECT count(*) FROM spans WHERE annotator <> 'amal')"
            ).fetchone()[0]
        return model, "ok" if broken == 0 else f"{broken} broken rows"

    return read


@pytest.mark.slow
def test_sigkill_of_a_server_client_at_random_moments_loses_nothing(
    fresh_database: Callable[[], str], figures: list[str]
) -> None:
    admin_url = fresh_database()
    make_team(admin_url)
    with sql_as(admin_url, "lina") as lead:
        lead.execute("DELETE FROM documents")  # the team's document: ARTICLES instead
    from annotator.store import open_project

    with open_project(as_user(admin_url, "lina")) as lead_store:
        for i, text in enumerate(ARTICLES):
            lead_store.documents.add(text, f"article {i}")
    url = as_user(admin_url, "amal")
    read = server_state(admin_url)
    kills = kill_rounds(url, SERVER_KILLS, kill_seed(20261201), read, annotator="amal")
    figures += kills.figures("server_crash")
    kills.check_enough()
