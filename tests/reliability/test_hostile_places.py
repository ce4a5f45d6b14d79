"""Hostile places (issue #16 items 1 and 12, issue #15 item 6): a project in a read-only
folder, on a read-only mount, as a read-only file, on a full disk opens read-only for
`info`, `export`, `stats` and the GUI, and nothing is ever written beside it; a project
on a network file system is opened exclusively (no WAL, no -shm), with a message that
names the merge workflow.

The read-only mount and the full disk are real: the CLI runs in a private mount
namespace (`unshare -m`, or `unshare -rm` without root) where the project's folder is
bind-mounted read-only, or is a 2 MB tmpfs filled up. Read-only folders and files are
real too: as root (who may write anything) the CLI runs as the user `nobody`.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.errors import ProjectBusyError, ReadOnlyProjectError
from annotator.core.model import Span
from annotator.services.opening import open_for_editing
from annotator.services.projects import new_project, open_project
from annotator.store import places
from tests.ui.conftest import make_window, messages, settings  # noqa: F401 (fixtures)

TEXT = "افتتح محافظ البصرة معرضًا للكتاب في قصر الثقافة بحضور ناشرين من عشر دول عربية."
ROOT = os.geteuid() == 0
NOBODY = 65534
COMMANDS = (
    ["info"],
    ["stats", "--json"],
    ["export", "--format", "jsonl", "--full-dump", "-o", "-"],
)


def make_project(path: Path) -> Path:
    with new_project(path) as store:
        doc = store.documents.add(TEXT, "البصرة")
        store.annotations.add_span(Span("kept", doc.id, "amal", 12, 18, "GPE"))
    return path


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A folder every user can enter (pytest's tmp_path is private to its owner)."""
    folder = Path(tempfile.mkdtemp(prefix="annotator-places-"))
    folder.chmod(0o755)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    shutil.rmtree(folder, ignore_errors=True)


def beside(project: Path) -> list[str]:
    """The files named after the project (the project, -wal, -shm, -journal)."""
    return sorted(p.name for p in project.parent.iterdir() if p.name.startswith(project.name))


def cli_env(home: Path) -> dict[str, str]:
    env = {**os.environ, "PYTHONUTF8": "1"}
    for name in ("DATA", "LOG", "CONFIG"):
        env[f"ANNOTATOR_{name}_DIR"] = str(home / name.lower())
    env["HOME"] = str(home)
    return env


# Root may write anything: the commands run as `nobody`, so permissions apply as they
# would to a user (setpriv keeps the interpreter reachable where a bare setuid does not).
UNPRIVILEGED = (
    ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"] if ROOT else []
)


def run_cli(args: list[str], home: Path, wrap: list[str] | None = None, drop: bool = False):
    command = [*(wrap or []), *(UNPRIVILEGED if drop else []), sys.executable, "-m", "annotator"]
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, env=cli_env(home), timeout=120
    )


def check_reads(results, project: Path) -> None:
    """Every command read the project: exit 0, its figures, no traceback."""
    info, stats, export = results
    for result in results:
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
    assert "documents:  1" in info.stdout and "amal (human): 1 spans" in info.stdout
    assert "access:     read-only, because " in info.stdout
    assert json.loads(stats.stdout)["documents"] == 1
    record = json.loads(export.stdout)
    assert record["entities"][0]["text"] == "البصرة" and record["annotator"] == "amal"


def _unshare() -> list[str] | None:
    for command in (["unshare", "-m"], ["unshare", "-rm"]):
        try:
            if subprocess.run([*command, "true"], capture_output=True).returncode == 0:
                return command
        except FileNotFoundError:
            return None
    return None


UNSHARE = _unshare()
needs_unshare = pytest.mark.skipif(UNSHARE is None, reason="no mount namespaces here")


def in_namespace(setup: str) -> list[str]:
    """A command prefix running the rest after ``setup`` in a private mount namespace."""
    return [*UNSHARE, "sh", "-c", f'{setup} && exec "$@"', "sh"]


@needs_unshare
def test_a_project_on_a_read_only_mount_is_read_by_every_command(shared_dir: Path) -> None:
    folder = shared_dir / "قرص للقراءة فقط"
    folder.mkdir()
    project = make_project(folder / "معرض.annproj")
    before = project.read_bytes()
    mount = f"mount --bind '{folder}' '{folder}' && mount -o remount,ro,bind '{folder}' '{folder}'"
    wrap = in_namespace(mount)
    results = [run_cli([c[0], str(project), *c[1:]], shared_dir, wrap) for c in COMMANDS]
    check_reads(results, project)
    assert beside(project) == [project.name]
    assert project.read_bytes() == before
    created = run_cli(["new", str(folder / "جديد.annproj")], shared_dir, wrap)
    assert created.returncode == 1 and "Traceback" not in created.stderr
    assert "cannot create the project: it is on a read-only disk or mount" in created.stderr
    # The mount really was read-only inside the namespace.
    probe = subprocess.run([*wrap, "touch", str(folder / "x")], capture_output=True, text=True)
    assert probe.returncode != 0 and "Read-only file system" in probe.stderr


@needs_unshare
def test_a_project_on_a_full_disk_is_read_by_every_command(shared_dir: Path) -> None:
    folder = shared_dir / "قرص ممتلئ"
    folder.mkdir()
    source = make_project(shared_dir / "معرض.annproj")
    project = folder / source.name
    fill = (
        f"mount -t tmpfs -o size=2m tmpfs '{folder}' && cp '{source}' '{project}' "
        f"&& (dd if=/dev/zero of='{folder}/filler' bs=4k 2>/dev/null || true)"
    )
    script = "; ".join(
        [
            "import subprocess, sys, shutil",
            "print(shutil.disk_usage(sys.argv[1]).free, flush=True)",
            *[
                f"subprocess.run([sys.executable, '-m', 'annotator', {', '.join(map(repr, a))}])"
                for a in ([c[0], str(project), *c[1:]] for c in COMMANDS)
            ],
            "print(sorted(__import__('os').listdir(sys.argv[1])), flush=True)",
        ]
    )
    result = subprocess.run(
        [*in_namespace(fill), sys.executable, "-c", script, str(folder)],
        capture_output=True,
        text=True,
        env=cli_env(shared_dir),
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    assert int(lines[0]) == 0  # the disk really was full
    assert "documents:  1" in result.stdout and '"البصرة"' in result.stdout
    assert lines[-1] == str(sorted(["filler", project.name]))  # nothing written beside it


@pytest.mark.skipif(ROOT and shutil.which("setpriv") is None, reason="needs setpriv as root")
@pytest.mark.parametrize("what", ["folder", "file"])
def test_a_read_only_folder_or_file_is_read_and_left_alone(what: str, shared_dir: Path) -> None:
    folder = shared_dir / "مجلد"
    folder.mkdir()
    project = make_project(folder / "معرض.annproj")
    before = project.read_bytes()
    if what == "folder":
        folder.chmod(0o555)
    else:
        project.chmod(0o444)
        folder.chmod(0o777)  # writable for whoever runs the commands
    home = shared_dir / "home"
    home.mkdir(mode=0o777)
    home.chmod(0o777)
    results = [run_cli([c[0], str(project), *c[1:]], home, drop=True) for c in COMMANDS]
    check_reads(results, project)
    assert beside(project) == [project.name]  # not even a -wal or -shm beside it
    assert project.read_bytes() == before


def test_a_full_disk_opens_read_only_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = make_project(tmp_path / "معرض.annproj")
    monkeypatch.setattr(places, "free_bytes", lambda folder: 4096)
    opened = open_for_editing(project, "amal")
    try:
        assert opened.read_only
        assert "opened read-only because the disk is full (4 KB free)" in opened.warnings[0]
        with pytest.raises(ReadOnlyProjectError, match="the disk is full"):
            opened.store.annotations.relabel_span("kept", "LOC")
    finally:
        opened.close()
    assert beside(project) == [project.name]


def test_a_read_only_window_says_why_in_its_banner(
    make_window,  # noqa: F811
    messages: list[str],  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    project = make_project(tmp_path / "معرض.annproj")
    monkeypatch.setattr(places, "_read_only_mount", lambda folder: True)
    window = make_window(str(project))
    assert "opened read-only because it is on a read-only disk or mount" in messages[0]
    banner = window.project_session.banner
    assert banner.isVisible() and not banner.take_over_button.isVisible()
    assert "read-only disk or mount" in banner.message.text()
    assert window.windowTitle().endswith("[read-only]")
    window.close()
    assert beside(project) == [project.name]


def fake_nfs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(places, "linux_fs_magic", lambda folder: 0x6969)
    monkeypatch.setattr(places.sys, "platform", "linux")


def test_a_project_on_nfs_is_opened_exclusively_without_wal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = make_project(tmp_path / "على الشبكة.annproj")
    fake_nfs(monkeypatch)
    opened = open_for_editing(project, "amal")
    try:
        assert opened.store.network == "nfs" and not opened.read_only
        message = opened.warnings[-1]
        assert "network file system (nfs)" in message and "Merge Project Files" in message
        assert "annotator merge" in message
        store = opened.store
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert store.db.execute("PRAGMA locking_mode").fetchone()[0] == "exclusive"
        store.annotations.relabel_span("kept", "LOC")  # editing works
        assert not Path(f"{project}-shm").exists() and not Path(f"{project}-wal").exists()
        other = sqlite3.connect(project, timeout=0.1)
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            other.execute("SELECT count(*) FROM spans").fetchone()  # no second window
        other.close()
    finally:
        opened.close()
    monkeypatch.undo()
    with open_project(project) as store:  # back on a local disk: WAL again, the edit kept
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.annotations.span("kept").label == "LOC"


def test_a_second_open_of_a_network_project_is_refused_as_busy_not_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = make_project(tmp_path / "على الشبكة.annproj")
    fake_nfs(monkeypatch)
    with open_project(project) as first:
        first.annotations.relabel_span("kept", "LOC")  # holds the exclusive lock from now on
        with pytest.raises(ProjectBusyError, match="one computer at a time") as caught:
            open_project(project)  # another window, or annotator on another computer
        assert str(project) in str(caught.value)
    with open_project(project) as again:  # closed there: it opens
        assert again.annotations.span("kept").label == "LOC"


def test_network_file_systems_are_recognised(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(places.sys, "platform", "linux")
    for magic, name in [(0x6969, "nfs"), (0xFF534D42, "cifs"), (0xFE534D42, "smb2"),
                        (0x01021997, "9p"), (0xEF53, None), (0x01021994, None)]:  # fmt: skip
        monkeypatch.setattr(places, "linux_fs_magic", lambda folder, magic=magic: magic)
        assert places.network_filesystem(tmp_path) == name
    mountinfo = tmp_path / "mountinfo"
    mountinfo.write_text(
        "22 1 8:1 / / rw - ext4 /dev/sda1 rw\n"
        f"40 22 0:50 / {tmp_path}/remote rw,nosuid - fuse.sshfs me@host:/data rw\n"
        f"41 22 0:51 / {tmp_path}/usb rw - fuseblk /dev/sdb1 rw\n"
    )
    assert places.fuse_subtype(tmp_path / "remote" / "p", str(mountinfo)) == "sshfs"
    assert places.fuse_subtype(tmp_path / "usb", str(mountinfo)) is None
    monkeypatch.setattr(places, "linux_fs_magic", lambda folder: places.LINUX_FUSE_MAGIC)
    monkeypatch.setattr(places, "fuse_subtype", lambda folder: "sshfs")
    assert places.network_filesystem(tmp_path) == "fuse.sshfs"
    monkeypatch.setattr(places, "fuse_subtype", lambda folder: "ntfs-3g")
    assert places.network_filesystem(tmp_path) is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="statfs f_type is Linux's")
def test_the_real_statfs_sees_a_local_disk_as_local(tmp_path: Path) -> None:
    assert places.linux_fs_magic(tmp_path) not in places.LINUX_NETWORK_MAGIC
    assert places.network_filesystem(tmp_path) is None


def test_new_and_restored_projects_on_nfs_never_use_wal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from annotator.services.backups import backup_project, backups_of, restore_project

    fake_nfs(monkeypatch)
    project = make_project(tmp_path / "على الشبكة.annproj")  # created there
    assert beside(project) == [project.name]
    with open_project(project) as store:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        backup_project(store)
    restore_project(project, backups_of(project)[0].path)
    assert beside(project) == [project.name]  # no -wal, no -shm: never WAL on the share
    assert project.read_bytes()[18] == 1  # rollback-journal mode in the header


def test_the_window_on_a_network_project_names_the_merge_workflow(
    make_window,  # noqa: F811
    messages: list[str],  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    project = make_project(tmp_path / "على الشبكة.annproj")
    fake_nfs(monkeypatch)
    window = make_window(str(project))
    assert len(messages) == 1 and "network file system (nfs)" in messages[0]
    assert "Review > Merge Project Files" in messages[0]
    assert not window.project_session.read_only  # editable, in this window alone
    assert window.project._store.db.execute("PRAGMA locking_mode").fetchone()[0] == "exclusive"
    window.close()
    assert beside(project) == [project.name]


@pytest.mark.parametrize(
    ("failure", "reason"),
    [
        (sqlite3.SQLITE_FULL, "the disk is full"),
        (sqlite3.SQLITE_READONLY, "cannot be written"),
        (sqlite3.SQLITE_IOERR, "the disk reported an error"),
    ],
)
def test_a_write_open_that_fails_falls_back_to_reading(
    failure: int, reason: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What free space and permissions did not foresee (a quota, a file system without
    shared memory): the project is still read, read-only, and says why."""
    from annotator.core.errors import ProjectError
    from annotator.store import project as store_project

    project = make_project(tmp_path / "معرض.annproj")
    real_connect = store_project.connect

    def failing(path, read_only=False, exclusive=False):
        if read_only:
            return real_connect(path, read_only=True)
        error = sqlite3.OperationalError("simulated")
        error.sqlite_errorcode = failure
        raise ProjectError(f"{path}: cannot open for writing: simulated") from error

    monkeypatch.setattr(store_project, "connect", failing)
    with open_project(project) as store:
        assert store.read_only and reason in store.read_only_reason
        assert store.annotations.span("kept").label == "GPE"
    assert beside(project) == [project.name]
