"""Smoke test of the PyInstaller bundle: its executable passes `annotator selfcheck --gui`.

Runs on dist/annotator when a bundle was built (`make package`), else builds one
into a temporary folder when PyInstaller is installed (the `package` extra), else
is skipped: the regular test environment does not spend minutes building.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from annotator import __version__
from tests.packaging import ROOT

BUILT = ROOT / "dist" / "annotator"


def executable_name() -> str:
    return "annotator.exe" if sys.platform == "win32" else "annotator"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A built bundle folder: dist/annotator, or one built now."""
    if (BUILT / executable_name()).is_file():
        return BUILT
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("no bundle in dist/ and PyInstaller is not installed (`make package`)")
    work = tmp_path_factory.mktemp("pyinstaller")
    build = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(work / "dist"),
         "--workpath", str(work / "build"), str(ROOT / "packaging" / "annotator.spec")],
        capture_output=True, text=True, cwd=ROOT, timeout=900,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr[-3000:]
    return work / "dist" / "annotator"


def run_bundle(bundle: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONPATH", None)  # the bundle must not need the source tree
    return subprocess.run(
        [str(bundle / executable_name()), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=bundle.parent,
        timeout=180,
    )


@pytest.mark.slow
def test_bundle_passes_its_selfcheck(bundle: Path) -> None:
    done = run_bundle(bundle, "selfcheck", "--gui", "--verbose")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "demo project: 8 documents" in done.stdout
    assert done.stdout.strip().splitlines()[-1].startswith("selfcheck ok: ")


@pytest.mark.slow
def test_bundle_is_this_version_and_carries_its_resources(bundle: Path) -> None:
    done = run_bundle(bundle, "--version")
    assert done.stdout.strip() == f"annotator {__version__}", "stale bundle: run make package"
    resources = next(bundle.rglob("annotator/resources"))
    for part in ("schemas/ace2005.json", "demo/articles.json", "translations/annotator_ar.qm",
                 "icons/annotator.svg", "icons/hicolor/256x256/apps/annotator.png"):  # fmt: skip
        assert (resources / part).is_file(), part
