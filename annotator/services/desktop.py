"""Desktop integration on Linux (XDG): menu entry, icon, and the project file type.

`annotator desktop install` writes, under ``$XDG_DATA_HOME`` (``~/.local/share``):
``applications/annotator.desktop`` (starting this very executable: the bundle's,
or the pip-installed script), ``mime/packages/annotator.xml``,
``metainfo/io.github.annotator.metainfo.xml`` and the icon in ``icons/hicolor``;
then refreshes the desktop's caches with whichever XDG tools are installed.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import AnnotatorError
from annotator.core.resources import resource_path, resources_dir

DESKTOP_FILE = "annotator.desktop"
MIME_FILE = "annotator-mime.xml"
METAINFO_FILE = "io.github.annotator.metainfo.xml"
MIME_TYPE = "application/x-annotator-project"
ICON_SIZES = (16, 32, 48, 64, 128, 256)


def desktop_files_dir() -> Path:
    """The .desktop, MIME and AppStream files: bundled as resources, or in a checkout."""
    for folder in (resource_path("desktop"), resources_dir().parent / "packaging" / "linux"):
        if (folder / DESKTOP_FILE).is_file():
            return folder
    raise AnnotatorError(f"desktop files not found in {resources_dir()}")


def data_home() -> Path:
    """``$XDG_DATA_HOME``, by default ``~/.local/share``."""
    value = os.environ.get("XDG_DATA_HOME")
    return Path(value) if value else Path.home() / ".local" / "share"


def launch_command() -> list[str]:
    """The command that starts this installation of annotator, absolute."""
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).resolve())]
    script = Path(sys.executable).with_name("annotator")
    if script.is_file():
        return [str(script)]
    found = shutil.which("annotator")
    return [found] if found else [sys.executable, "-m", "annotator"]


@dataclass
class Installation:
    """The files placed (or removed) under one data folder."""

    data: Path
    files: list[Path] = field(default_factory=list)

    def targets(self) -> dict[str, Path]:
        """Where each installed file goes."""
        icons = self.data / "icons" / "hicolor"
        targets = {
            DESKTOP_FILE: self.data / "applications" / DESKTOP_FILE,
            MIME_FILE: self.data / "mime" / "packages" / "annotator.xml",
            METAINFO_FILE: self.data / "metainfo" / METAINFO_FILE,
            "annotator.svg": icons / "scalable" / "apps" / "annotator.svg",
        }
        for size in ICON_SIZES:
            targets[f"{size}.png"] = icons / f"{size}x{size}" / "apps" / "annotator.png"
        return targets


def desktop_entry(template: str, command: list[str]) -> str:
    """The .desktop text with Exec and TryExec naming ``command`` (quoted as the spec says)."""
    exec_line = " ".join(_desktop_quote(part) for part in command)
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            line = f"Exec={exec_line} %f"
        elif line.startswith("TryExec="):
            line = f"TryExec={command[0]}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def _desktop_quote(arg: str) -> str:
    # Desktop Entry spec: quote arguments with reserved characters; escape " ` $ \ inside.
    if not any(c in arg for c in " \t\n\"'\\><~|&;$*?#()`"):
        return arg
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg)
    return f'"{escaped}"'


def install(data: Path | None = None, command: list[str] | None = None) -> Installation:
    """Install the menu entry, the MIME type, the AppStream data and the icons."""
    if not sys.platform.startswith("linux"):
        raise AnnotatorError("desktop integration is for Linux desktops (XDG) only")
    source = desktop_files_dir()
    result = Installation(data or data_home())
    targets = result.targets()
    icons = resource_path("icons")
    sources = {
        MIME_FILE: source / MIME_FILE,
        METAINFO_FILE: source / METAINFO_FILE,
        "annotator.svg": icons / "annotator.svg",
    }
    for size in ICON_SIZES:
        sources[f"{size}.png"] = icons / "hicolor" / f"{size}x{size}" / "apps" / "annotator.png"
    template = (source / DESKTOP_FILE).read_text(encoding="utf-8")
    _write(targets[DESKTOP_FILE], desktop_entry(template, command or launch_command()))
    result.files.append(targets[DESKTOP_FILE])
    for key, path in sources.items():
        if path.is_file():  # PNG sizes exist once built (make resources); the SVG always
            targets[key].parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, targets[key])
            result.files.append(targets[key])
    refresh_caches(result.data)
    if shutil.which("xdg-mime"):
        # Make annotator the default for project files in the user's mimeapps.list.
        subprocess.run(
            ["xdg-mime", "default", DESKTOP_FILE, MIME_TYPE], capture_output=True, check=False
        )
    return result


def uninstall(data: Path | None = None) -> Installation:
    """Remove what ``install`` placed; returns the files removed."""
    result = Installation(data or data_home())
    for path in result.targets().values():
        if path.is_file():
            path.unlink()
            result.files.append(path)
    refresh_caches(result.data)
    return result


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def refresh_caches(data: Path) -> list[str]:
    """Run the XDG cache tools that are installed; returns the commands run."""
    commands = [
        ["update-mime-database", str(data / "mime")],
        ["update-desktop-database", "-q", str(data / "applications")],
        ["gtk-update-icon-cache", "-q", "-f", "-t", str(data / "icons" / "hicolor")],
    ]
    ran = []
    for command in commands:
        if shutil.which(command[0]) and Path(command[-1]).is_dir():
            # A failing cache tool leaves the files installed; desktops rescan them too.
            subprocess.run(command, capture_output=True, check=False)
            ran.append(shlex.join(command))
    return ran
