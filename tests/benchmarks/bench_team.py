"""A team on a local PostgreSQL server (the pgserver wheel's), set up by `server init`,
each person connecting as their own login role under row-level security.

Prints:
  server_live_update_ms      another client's save (a span, with its status) until this
                             client was notified and read the span back (median of 50)
  server_actions_per_s       actions saved per second by 20 annotators at once, each on its
                             own connection and thread, for ANNOTATOR_BENCH_TEAM_S seconds
                             (default 10; the issue's measure is 60)
  server_lock_waits_over_2s  of those actions, how many waited more than 2 s
  server_actions_lost        acknowledged saves missing from the database afterwards (must be 0)
  server_actions_failed      actions refused (busy, connection) and reported to the annotator
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import pgserver
import psycopg

from annotator.core.errors import AnnotatorError
from annotator.core.model import Span, new_id
from annotator.services import team_server
from annotator.store import open_project
from tests.team_helpers import TEXT, as_user, new_database

ANNOTATORS = [f"annotator{n:02}" for n in range(1, 21)]
DOCUMENTS = 200
DURATION_S = float(os.environ.get("ANNOTATOR_BENCH_TEAM_S", "10"))


def live_update_ms(url: str, documents: list[str]) -> float:
    here = open_project(as_user(url, ANNOTATORS[0]))
    there = open_project(as_user(url, ANNOTATORS[1]))
    try:
        here.data_version()
        listener = here.live()
        assert listener is not None and listener.connected.wait(10)
        told = threading.Event()
        listener.on_change = told.set
        times = []
        for i in range(50):
            told.clear()
            span = Span(new_id(), documents[0], ANNOTATORS[1], i, i + 1, "PER")
            started = time.perf_counter()
            there.annotations.add_span(span)
            assert told.wait(10), "no notification"
            assert any(s.id == span.id for s in here.annotations.spans(documents[0]))
            times.append(time.perf_counter() - started)
        return 1000 * statistics.median(times)
    finally:
        here.close()
        there.close()


class Annotator(threading.Thread):
    """One person saving spans as fast as they are acknowledged, until ``stop``."""

    def __init__(self, url: str, name: str, documents: list[str], stop: threading.Event):
        super().__init__(name=name)
        self.url, self.person, self.documents, self.stop = url, name, documents, stop
        self.saved: list[str] = []
        self.slow = 0
        self.failed = 0

    def run(self) -> None:
        store = open_project(as_user(self.url, self.person))
        chance = random.Random(self.person)
        try:
            while not self.stop.is_set():
                start = chance.randrange(0, len(TEXT) - 5)
                span = Span(new_id(), chance.choice(self.documents), self.person, start,
                            start + 4, "PER")
                began = time.perf_counter()
                try:
                    store.annotations.add_span(span)
                except AnnotatorError:
                    self.failed += 1
                    continue
                if time.perf_counter() - began > 2.0:
                    self.slow += 1
                self.saved.append(span.id)
        finally:
            store.close()


def concurrent_team(url: str, documents: list[str]) -> dict[str, float]:
    stop = threading.Event()
    people = [Annotator(url, name, documents, stop) for name in ANNOTATORS]
    started = time.perf_counter()
    for person in people:
        person.start()
    time.sleep(DURATION_S)
    stop.set()
    for person in people:
        person.join()
    elapsed = time.perf_counter() - started
    acknowledged = {span for person in people for span in person.saved}
    with psycopg.connect(url, autocommit=True) as admin:
        rows = admin.execute("SELECT id FROM spans WHERE id = ANY(%s)", [list(acknowledged)])
        found = {row[0] for row in rows}
    return {
        "actions": len(acknowledged) / elapsed,
        "slow": sum(p.slow for p in people),
        "lost": len(acknowledged - found),
        "failed": sum(p.failed for p in people),
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        server = pgserver.get_server(Path(folder) / "pg", cleanup_mode="stop")
        try:
            url = new_database(server, "team")
            team_server.init_server(url, "lead")
            for name in ANNOTATORS:
                team_server.add_user(url, name, "annotator")
            with open_project(as_user(url, "lead")) as lead, lead.transaction():
                documents = [lead.documents.add(f"{TEXT} {n}", f"خبر {n}").id
                             for n in range(DOCUMENTS)]
            print(f"server_live_update_ms: {live_update_ms(url, documents):.1f} ms", flush=True)
            team = concurrent_team(url, documents)
            print(f"server_actions_per_s: {team['actions']:.0f} actions/s", flush=True)
            print(f"server_lock_waits_over_2s: {team['slow']:.0f} waits", flush=True)
            print(f"server_actions_lost: {team['lost']:.0f} actions", flush=True)
            print(f"server_actions_failed: {team['failed']:.0f} actions", flush=True)
        finally:
            server.cleanup()


if __name__ == "__main__":
    main()
