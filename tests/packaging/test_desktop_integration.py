"""Linux desktop integration: the .desktop entry, MIME type, AppStream data and installer."""

from __future__ import annotations

import configparser
import os
import shlex
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from annotator import __version__
from annotator.__main__ import main
from annotator.services import desktop
from annotator.services.demo import create_demo_project
from tests.packaging import ROOT

LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / "annotator.desktop"
MIME = LINUX / "annotator-mime.xml"
METAINFO = LINUX / "io.github.annotator.metainfo.xml"
MIME_TYPE = "application/x-annotator-project"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def desktop_entry(path: Path = DESKTOP) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_opens_project_files() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application" and entry["Icon"] == "annotator"
    assert entry["Exec"] == "annotator %f"  # %f: a double-clicked file is passed on
    assert MIME_TYPE in entry["MimeType"].split(";")
    assert "[ar]" in " ".join(entry.keys())


def test_mime_type_claims_the_project_suffix() -> None:
    root = ET.parse(MIME).getroot()
    mime_type = root.find(f"{MIME_NS}mime-type")
    assert mime_type.get("type") == MIME_TYPE
    assert [g.get("pattern") for g in mime_type.iter(f"{MIME_NS}glob")] == ["*.annproj"]


def test_metainfo_names_the_desktop_file_and_the_current_version() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("launchable") == DESKTOP.name
    assert root.find("provides/mediatype").text == MIME_TYPE
    assert root.find("releases/release").get("version") == __version__


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils absent")
def test_desktop_file_validates() -> None:
    done = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstreamcli absent")
def test_metainfo_validates() -> None:
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--pedantic", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_desktop_install_points_the_entry_at_this_executable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "share"
    assert main(["desktop", "install", "--data-dir", str(data)]) == 0
    assert f"installed 10 files under {data}" in capsys.readouterr().out
    entry = desktop_entry(data / "applications" / "annotator.desktop")
    command = desktop.launch_command()
    assert entry["Exec"].endswith(" %f") and entry["TryExec"] == command[0]
    assert shlex.split(entry["Exec"])[:-1] == command
    assert (data / "mime" / "packages" / "annotator.xml").read_bytes() == MIME.read_bytes()
    assert (data / "metainfo" / METAINFO.name).read_bytes() == METAINFO.read_bytes()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / "annotator.svg").is_file()
    assert (data / "icons" / "hicolor" / "48x48" / "apps" / "annotator.png").is_file()

    assert main(["desktop", "uninstall", "--data-dir", str(data)]) == 0
    assert not (data / "applications" / "annotator.desktop").exists()
    assert not list((data / "icons").rglob("annotator.*"))


def test_a_bundle_path_with_spaces_is_quoted_in_exec(tmp_path: Path) -> None:
    command = [str(tmp_path / "my apps" / "annotator")]
    desktop.install(tmp_path / "share", command)
    entry = desktop_entry(tmp_path / "share" / "applications" / "annotator.desktop")
    assert entry["Exec"] == f'"{command[0]}" %f'
    assert entry["TryExec"] == command[0]  # TryExec is never quoted


def test_desktop_quoting_follows_the_spec() -> None:
    assert desktop.desktop_entry("Exec=annotator %f\n", ["/opt/a$b/annotator", "-m"]) == (
        'Exec="/opt/a\\$b/annotator" -m %f\n'
    )


@pytest.mark.skipif(not shutil.which("update-mime-database"), reason="shared-mime-info absent")
def test_installed_mime_type_recognises_projects_even_renamed(tmp_path: Path) -> None:
    data = tmp_path / "share"
    desktop.install(data, ["annotator"])
    project = tmp_path / "work.annproj"
    create_demo_project(project).close()
    renamed = tmp_path / "work-backup.db"
    shutil.copy(project, renamed)
    probe = (
        "import sys; from PySide6.QtCore import QCoreApplication, QMimeDatabase;"
        "app = QCoreApplication([]); db = QMimeDatabase();"
        "print(*(db.mimeTypeForFile(p).name() for p in sys.argv[1:]))"
    )
    env = {**os.environ, "XDG_DATA_HOME": str(data)}
    done = subprocess.run(
        [sys.executable, "-c", probe, str(project), str(renamed)],
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.stdout.split() == [MIME_TYPE, MIME_TYPE], done.stderr
