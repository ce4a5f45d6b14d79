"""Power loss, tested: the project's settings keep every saved action through a power cut.

SIGKILL (test_crash_safety.py) leaves the operating system's page cache intact, so
it passes even with ``PRAGMA synchronous = OFF``. Here a shim (powercut/iotrace.c,
LD_PRELOAD) records every write and sync the annotating process makes to the
project's files; the replayer (powercut/replay.py) rebuilds the files as a power
cut would leave them at every moment one could strike (just before each sync, and
at the end): whatever was written after a file's last sync is lost. Each rebuilt
project must pass ``PRAGMA integrity_check`` and hold every action the process had
acknowledged as saved before that moment, each whole.

The model is pessimistic: nothing unsynced survives, neither file contents nor
names created or deleted in the folder before the folder's own fsync. What no
program can test (a disk acknowledging a sync it has not done) is said in the
README's "Your data".
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.services.projects import new_project
from tests.reliability.powercut.replay import Cut, cuts, parse, write_files

HERE = Path(__file__).resolve().parent / "powercut"
# Enough commits to fill the WAL past SQLite's automatic checkpoint (1,000 pages),
# so cuts also land while the log is copied into the main file and restarted.
ACTIONS = 120
TEXT = "هاجم مسلحون قرية في ريف الموصل الغربي صباح الأحد وقتلوا ثلاثة من سكانها. " * 3

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="LD_PRELOAD shim: Linux only")


@pytest.fixture(scope="session")
def iotrace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shim, compiled for this machine."""
    compiler = shutil.which("gcc") or shutil.which("cc")
    if compiler is None:
        pytest.skip("no C compiler (gcc) to build the power-loss shim powercut/iotrace.c")
    library = tmp_path_factory.mktemp("iotrace") / "iotrace.so"
    subprocess.run(
        [compiler, "-shared", "-fPIC", "-O2", "-o", str(library), str(HERE / "iotrace.c"),
         "-ldl", "-lpthread"],
        check=True,
        capture_output=True,
    )
    return library


def traced_run(iotrace: Path, folder: Path, synchronous: str) -> tuple[list, dict[str, bytes]]:
    """Create a project in ``folder`` and annotate it under the shim: (calls, initial files)."""
    project = folder / "project.annproj"
    with new_project(project) as store:
        store.documents.add(TEXT, "الموصل")
    initial = {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.endswith("-shm")}
    log = folder.parent / f"{folder.name}.iotrace"
    env = {"LD_PRELOAD": str(iotrace), "IOTRACE_DIR": str(folder), "IOTRACE_LOG": str(log)}
    done = subprocess.run(
        [sys.executable, str(HERE / "worker.py"), str(project), str(ACTIONS), synchronous],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return parse(log.read_bytes()), initial


def survivors(cut: Cut, folder: Path) -> tuple[list[str], set[str], set[str]]:
    """(integrity_check rows, span ids whose action is whole, span ids with half an action)."""
    write_files(cut, folder)
    conn = sqlite3.connect(folder / "project.annproj")
    try:
        check = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        spans = {row[0] for row in conn.execute("SELECT id FROM spans")}
        argued = {row[0] for row in conn.execute("SELECT span_id FROM event_arguments")}
    except sqlite3.DatabaseError as exc:  # damaged past reading (a cut without syncs can)
        return [str(exc)], set(), set()
    finally:
        conn.close()
    return check, spans & argued, spans ^ argued


def power_cut_failures(calls: list, initial: dict[str, bytes], scratch: Path) -> list[str]:
    """What is wrong after a power cut at each moment (empty: nothing)."""
    failures = []
    for cut in cuts(calls, initial):
        check, whole, half = survivors(cut, scratch / f"cut-{cut.index}")
        lost = [span_id for span_id in cut.acked if span_id not in whole]
        if check != ["ok"] or lost or half:
            failures.append(
                f"cut before call {cut.index}: integrity {check[:2]}, {len(lost)} of "
                f"{len(cut.acked)} saved actions lost, {len(half)} half-saved"
            )
    return failures


def test_a_power_cut_at_any_sync_point_loses_no_saved_action(
    iotrace: Path, tmp_path: Path, figures: list[str]
) -> None:
    folder = tmp_path / "work"
    folder.mkdir()
    calls, initial = traced_run(iotrace, folder, "project")
    syncs = sum(op.kind == "S" for op in calls)
    assert syncs >= ACTIONS, f"the shim saw {syncs} syncs for {ACTIONS} commits: not tracing?"
    checkpoints = sum(op.kind == "S" and op.name == "project.annproj" for op in calls)
    assert checkpoints >= 2, "no checkpoint before the one at closing: make ACTIONS larger"
    assert power_cut_failures(calls, initial, tmp_path / "cuts") == []
    figures.append(
        f"power_cuts: {syncs + 1} cut points ({checkpoints} checkpoints), {ACTIONS} actions, "
        "none lost"
    )


@pytest.mark.parametrize("synchronous", ["OFF", "NORMAL"])
def test_the_power_cut_test_fails_without_a_sync_per_commit(
    iotrace: Path, tmp_path: Path, synchronous: str
) -> None:
    """The same run syncing less loses saved actions: the test can fail.

    NORMAL syncs the WAL only at checkpoints, so in WAL mode it keeps the file
    intact but not the last actions: FULL (store/connection.py) is what holds.
    """
    folder = tmp_path / "work"
    folder.mkdir()
    calls, initial = traced_run(iotrace, folder, synchronous)
    failures = power_cut_failures(calls, initial, tmp_path / "cuts")
    assert failures, "a power cut without fsync lost nothing: the harness would not notice"
    assert any("saved actions lost" in f and " 0 of" not in f for f in failures)


def test_the_replayer_keeps_what_was_synced_and_drops_the_rest() -> None:
    log = (
        b"C\tdb\nW\tdb\t0\t5\nhelloW\tacks\t0\t2\na\nS\tdb\nW\tdb\t2\t3\nXYZT\tdb\t4\n"
        b"W\tacks\t2\t2\nb\nC\twal\nW\twal\t0\t1\n!S\t.\nS\tdb\nU\twal\n"
    )
    calls = parse(log)
    assert [op.kind for op in calls] == ["C", "W", "W", "S", "W", "T", "W", "C", "W", "S", "S", "U"]
    found = [(cut.index, cut.files, cut.acked) for cut in cuts(calls, {"old": b"kept"})]
    assert found == [
        (3, {"old": b"kept"}, ["a"]),  # the new name db is not durable before the folder sync
        (9, {"old": b"kept"}, ["a", "b"]),
        (10, {"old": b"kept", "db": b"hello", "wal": b""}, ["a", "b"]),  # unsynced XYZ lost
        (12, {"old": b"kept", "db": b"heXY", "wal": b""}, ["a", "b"]),  # unlink not synced
    ]
