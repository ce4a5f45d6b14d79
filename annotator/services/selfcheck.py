"""`annotator selfcheck`: prove that an installation (or a built bundle) is complete.

Headless checks run in this process. The Qt checks (translations load, the main
window opens) run in a child process started with ``QT_SELFCHECK_COMMAND``: a
bundle missing a Qt plugin makes Qt abort the whole process, and a child turns
that abort into one failed check with Qt's own message instead of a crash.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from annotator.core.child_commands import QT_SELFCHECK_COMMAND
from annotator.core.resources import DEFAULT_SCHEMA, resource_path, resources_dir
from annotator.core.schema import load_schema
from annotator.services.demo import create_demo_project
from annotator.services.desktop import DESKTOP_FILE, desktop_files_dir
from annotator.services.projects import project_info

"""The hidden first argument on which ``annotator.__main__`` runs the Qt checks."""

QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
"""The first 16 bytes of every compiled Qt translation (.qm) file."""

REQUIRED_RESOURCES = (
    DEFAULT_SCHEMA,
    ("demo", "articles.json"),
    ("fonts", "NotoNaskhArabic-Regular.ttf"),
    ("fonts", "NotoSansArabic-Regular.ttf"),
    ("icons", "annotator.svg"),
    ("translations", "annotator_ar.qm"),
)
QT_TIMEOUT_S = 120


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check: its name, whether it passed, and what it saw."""

    name: str
    ok: bool
    detail: str

    def line(self) -> str:
        """One tab-separated line, the format the Qt child prints its results in."""
        return "\t".join(("ok" if self.ok else "FAIL", self.name, self.detail))

    @classmethod
    def parse(cls, line: str) -> CheckResult:
        """Read back a line written by ``line()``."""
        status, name, detail = line.rstrip("\n").split("\t", 2)
        return cls(name, status == "ok", detail)


def run_check(name: str, check: Callable[[], str]) -> CheckResult:
    """Run one check; any exception is a failure whose message is the detail."""
    try:
        return CheckResult(name, True, check())
    except Exception as exc:  # a self-check reports every failure, whatever its kind
        return CheckResult(name, False, f"{type(exc).__name__}: {exc}")


def check_resources() -> str:
    """Every bundled resource the program needs is there."""
    missing = [
        os.path.join(*parts) for parts in REQUIRED_RESOURCES if not resource_path(*parts).is_file()
    ]
    if missing:
        raise FileNotFoundError(f"missing in {resources_dir()}: {', '.join(missing)}")
    return f"{len(REQUIRED_RESOURCES)} files in {resources_dir()}"


def check_schema() -> str:
    """The bundled schema loads."""
    schema = load_schema(resource_path(*DEFAULT_SCHEMA))
    return f"{schema.name}: {len(schema.entities)} entity types, {len(schema.events)} event types"


def check_demo_project() -> str:
    """The demo project builds from the bundled articles and holds annotations."""
    with (
        tempfile.TemporaryDirectory(prefix="annotator-selfcheck-") as folder,
        create_demo_project(Path(folder) / "demo.annproj") as store,
    ):
        info = project_info(store)
    spans, events = sum(info.spans.values()), sum(info.events.values())
    if info.documents == 0 or spans == 0:
        raise AssertionError(f"demo project is empty: {info.documents} documents, {spans} spans")
    return (
        f"{info.documents} documents, {spans} spans, {events} events, "
        f"{len(info.annotators)} annotators"
    )


def check_compiled_translations() -> str:
    """Each compiled translation starts with the .qm magic number."""
    folder = resource_path("translations")
    files = sorted(folder.glob("*.qm"))
    if not files:
        raise FileNotFoundError(f"no compiled translations (*.qm) in {folder}")
    bad = [f.name for f in files if f.read_bytes()[:16] != QM_MAGIC]
    if bad:
        raise ValueError(f"not Qt translation files: {', '.join(bad)}")
    return ", ".join(f.name for f in files)


def check_desktop_files() -> str:
    """The files `annotator desktop install` installs are there."""
    folder = desktop_files_dir()
    return f"{DESKTOP_FILE} and the MIME type in {folder}"


HEADLESS_CHECKS: tuple[tuple[str, Callable[[], str]], ...] = (
    ("resources", check_resources),
    ("schema", check_schema),
    ("demo project", check_demo_project),
    ("translations", check_compiled_translations),
    ("desktop files", check_desktop_files),
)


def own_command() -> list[str]:
    """The command line that starts this program again (a frozen bundle is its own executable)."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "annotator"]


def qt_checks(gui: bool, timeout: float = QT_TIMEOUT_S) -> list[CheckResult]:
    """Run the Qt checks in a child process and collect its results."""
    env = dict(os.environ)
    if not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or env.get("QT_QPA_PLATFORM")):
        env["QT_QPA_PLATFORM"] = "offscreen"  # no screen (a build machine): check offscreen
    command = [*own_command(), QT_SELFCHECK_COMMAND, *(["--gui"] if gui else [])]
    try:
        child = subprocess.run(
            command, capture_output=True, text=True, encoding="utf-8", env=env, timeout=timeout
        )
    except subprocess.TimeoutExpired:
        return [CheckResult("qt", False, f"no answer within {timeout:.0f} s")]
    results = [CheckResult.parse(line) for line in child.stdout.splitlines() if "\t" in line]
    if child.returncode != 0 and all(r.ok for r in results):
        message = (child.stderr.strip().splitlines() or [f"exit code {child.returncode}"])[-1]
        results.append(CheckResult("qt", False, f"exit code {child.returncode}: {message}"))
    return results


def run_selfcheck(gui: bool = False, qt: bool = True) -> list[CheckResult]:
    """Every check: the headless ones, then (unless ``qt`` is False) the Qt ones."""
    results = [run_check(name, check) for name, check in HEADLESS_CHECKS]
    if qt:
        results.extend(qt_checks(gui))
    return results


def summary(results: Iterable[CheckResult]) -> str:
    """One line: how many checks passed and the names of those that failed."""
    results = list(results)
    failed = [r.name for r in results if not r.ok]
    if failed:
        return (
            f"selfcheck FAILED: {len(failed)} of {len(results)} checks failed "
            f"({', '.join(failed)})"
        )
    return f"selfcheck ok: {len(results)} checks passed"
