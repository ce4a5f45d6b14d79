"""Crash safety, measured: SIGKILL a child process that annotates, at random moments.

Each round starts tests/crash_worker.py on the same project, waits until it is
annotating (or not, for some rounds: killing during open and backup counts too),
kills it with SIGKILL, reopens the project and checks that every action the child
reported as saved is there, that the action in flight is either wholly there or
wholly absent, and that ``PRAGMA integrity_check`` says ok.

ANNOTATOR_KILLS sets the number of kills (default 50; e.g. 1000 for a long run).
"""

from __future__ import annotations

import copy
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from annotator.services.backups import backups_of
from annotator.services.projects import new_project
from annotator.store.backup import is_healthy_project

ROOT = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).resolve().parent / "crash_worker.py"
KILLS = int(os.environ.get("ANNOTATOR_KILLS", "50"))

ARTICLES = [
    "أعلنت وزارة الصحة في عمّان صباح الأحد عن افتتاح مستشفى جديد في مدينة الزرقاء، "
    "وقال الوزير إن المستشفى سيخدم أكثر من مئتي ألف نسمة 🏥.",
    "التقى رئيسُ الوزراء اللبناني وفدًا من البنك الدولي في بيروت لبحث خطة إعادة "
    "إعمار المرفأ، فيما تظاهر العشرات أمام مبنى البرلمان.",
]


@dataclass
class Model:
    """What the project must hold: spans, events and arguments by id."""

    spans: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    events: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    arguments: dict[str, tuple[Any, ...]] = field(default_factory=dict)

    def after(self, action: dict[str, Any]) -> Model:
        """The model with ``action`` applied (a copy)."""
        new = copy.deepcopy(self)
        op = action["op"]
        if op == "add_span":
            new.spans[action["id"]] = (
                action["doc"],
                action["start"],
                action["end"],
                action["label"],
            )
        elif op == "relabel":
            new.spans[action["id"]] = (*new.spans[action["id"]][:3], action["label"])
        elif op == "remove_span":
            del new.spans[action["id"]]
            new.arguments = {k: v for k, v in new.arguments.items() if v[2] != action["id"]}
        elif op == "undo_remove":
            span_id, doc, _annotator, start, end, label = action["span"]
            new.spans[span_id] = (doc, start, end, label)
            for event_id, arg_id, role, arg_span in action["arguments"]:
                new.arguments[arg_id] = (event_id, role, arg_span)
        elif op == "add_event":
            new.events[action["id"]] = (
                action["doc"],
                action["type"],
                action["start"],
                action["end"],
            )
            for arg_id, role, span_id in action["arguments"]:
                new.arguments[arg_id] = (action["id"], role, span_id)
        elif op == "add_argument":
            new.arguments[action["id"]] = (action["event"], action["role"], action["span"])
        return new


# What Model holds, read from a project's tables: id first, then the compared columns.
MODEL_QUERIES = (
    'SELECT s.id, d.id, s.start, s."end", s.label FROM spans s '
    "JOIN documents d ON d.rowid = s.document",
    "SELECT e.id, d.id, e.type, e.trigger_start, e.trigger_end FROM events e "
    "JOIN documents d ON d.rowid = e.document",
    "SELECT id, event_id, role, span_id FROM event_arguments",
)


def read_model(conn: Any) -> Model:
    """The spans, events and arguments ``conn`` finds (an sqlite3 or a psycopg
    connection: both run a query from execute())."""
    return Model(*({r[0]: tuple(r[1:]) for r in conn.execute(sql)} for sql in MODEL_QUERIES))


def read_state(path: Path) -> tuple[Model, str]:
    """The project's annotations and its integrity check result, read with plain SQLite."""
    conn = sqlite3.connect(path)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        model = read_model(conn)
    finally:
        conn.close()
    return model, integrity


def run_round(
    project: Path | str, seed: int, rng: random.Random, annotator: str = "crash"
) -> list[str]:
    """Start the worker, kill it at a random moment, return its stdout lines."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, str(WORKER), str(project), annotator, str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    if rng.random() < 0.1:
        time.sleep(rng.uniform(0.0, 0.3))  # may land while opening or backing up
    else:
        ready = child.stdout.readline()
        assert ready == "READY\n", f"worker did not start: {ready!r} {child.stderr.read()}"
        time.sleep(rng.uniform(0.0, 0.25))
    child.send_signal(signal.SIGKILL)
    # Not communicate(): it would skip what readline() already buffered.
    out, err = child.stdout.read(), child.stderr.read()
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL, f"worker died on its own: {err}"
    return out.splitlines()


def check_round(
    project: Path | str,
    model: Model,
    lines: list[str],
    read: Callable[[Any], tuple[Model, str]] = read_state,
) -> tuple[Model, int, str]:
    """Check the project after a kill (``read`` reads its state and integrity).

    Returns the new model, the number of reported actions verified, and what became
    of the action in flight: "none", "absent" (rolled back) or "whole" (committed).
    """
    done, pending = model, None
    reported = 0
    for line in lines:
        if line.startswith("BEGIN ") and line.endswith("}"):
            pending = json.loads(line[6:])
        elif pending is not None and line == f"DONE {pending['seq']}":
            done, pending, reported = done.after(pending), None, reported + 1
    state, integrity = read(project)
    assert integrity == "ok"
    if state == done:
        return done, reported, "none" if pending is None else "absent"
    assert pending is not None, "the project lost an action the worker reported as saved"
    assert state == done.after(pending), "the project holds a half-done action"
    return state, reported, "whole"


def kill_seed(default: int) -> int:
    """The seed of the kill moments: ANNOTATOR_KILL_SEED (to replay a run), else ``default``."""
    return int(os.environ.get("ANNOTATOR_KILL_SEED", str(default)))


@dataclass
class Kills:
    """What ``kills`` rounds of kill and check proved."""

    kills: int
    model: Model = field(default_factory=Model)
    verified: int = 0
    in_flight: Counter[str] = field(default_factory=Counter)

    def figures(self, prefix: str) -> list[str]:
        """The figures lines the run prints (``prefix``_kills, ..._actions_verified, ...)."""
        fates = self.in_flight
        return [
            f"{prefix}_kills: {self.kills} kills",
            f"{prefix}_actions_verified: {self.verified} actions",
            f"{prefix}_in_flight: {fates['whole']} committed whole, {fates['absent']} rolled "
            f"back, {fates['none']} kills between actions",
        ]

    def check_enough(self) -> None:
        """Enough was saved between the kills for the rounds to prove something."""
        too_few = "too few actions were saved between kills to prove anything"
        assert self.verified >= self.kills, too_few
        assert len(self.model.spans) + len(self.model.events) > 0


def kill_rounds(
    project: Path | str,
    kills: int,
    seed: int,
    read: Callable[[Any], tuple[Model, str]] = read_state,
    annotator: str = "crash",
    after_each: Callable[[], None] | None = None,
) -> Kills:
    """Kill a worker annotating ``project`` ``kills`` times, checking the project after
    each kill with ``read`` (and ``after_each``, if given)."""
    rng = random.Random(seed)
    done = Kills(kills)
    for _ in range(kills):
        lines = run_round(project, rng.randrange(1 << 30), rng, annotator)
        done.model, reported, fate = check_round(project, done.model, lines, read)
        done.verified += reported
        done.in_flight[fate] += 1
        if after_each is not None:
            after_each()
    return done


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_nothing(tmp_path: Path, figures: list[str]) -> None:

    project = tmp_path / "مشروع الأخبار.annproj"
    with new_project(project) as store:
        for i, text in enumerate(ARTICLES):
            store.documents.add(text, f"article {i}")

    def backups_are_healthy() -> None:
        assert all(is_healthy_project(b.path) for b in backups_of(project))

    kills = kill_rounds(project, KILLS, kill_seed(20261125), after_each=backups_are_healthy)
    figures += kills.figures("crash")
    kills.check_enough()


IMPORT_KILLS = max(10, KILLS // 5)
BATCH = 5_000


def start_import(project: Path, folder: Path, batch_no: int) -> subprocess.Popen[bytes]:
    """`annotator import` of BATCH new one-span documents, in a child process."""
    source = folder / f"batch {batch_no}.jsonl"
    lines = [
        json.dumps({"text": f"{ARTICLES[i % 2]} ({batch_no}-{i})", "label": [[0, 5, "ORG"]]})
        for i in range(BATCH)
    ]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return subprocess.Popen(
        [sys.executable, "-m", "annotator", "import", str(project), str(source)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def count_documents(project: Path) -> int:
    """Documents in the project, after checking its integrity and that each has its span."""
    conn = sqlite3.connect(project)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        assert conn.execute("SELECT count(*) FROM spans").fetchone()[0] == documents
    finally:
        conn.close()
    return documents


@pytest.mark.slow
def test_sigkill_during_an_import_leaves_all_or_nothing(tmp_path: Path, figures: list[str]) -> None:
    """One import is one transaction: killed at any moment, it is wholly there or wholly not."""
    project = tmp_path / "import target.annproj"
    new_project(project).close()
    started = time.monotonic()
    assert start_import(project, tmp_path, 0).wait(timeout=120) == 0
    duration = time.monotonic() - started  # kill times are spread over this (and past it)
    rng = random.Random(7)
    outcomes: Counter[str] = Counter()
    expected = count_documents(project)
    for batch_no in range(1, IMPORT_KILLS + 1):
        child = start_import(project, tmp_path, batch_no)
        time.sleep(rng.uniform(0.1, 1.5) * duration)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        documents = count_documents(project)
        assert documents in (expected, expected + BATCH), "an import was saved in part"
        outcomes["whole" if documents > expected else "none"] += 1
        expected = documents
    figures.append(
        f"import_kills: {IMPORT_KILLS} kills, {outcomes['whole']} imports found whole, "
        f"{outcomes['none']} found absent, none in part (an import takes {duration:.2f} s)"
    )
