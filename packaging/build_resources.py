"""Generate the build-time resources: compiled translations and the icon in every size.

    python packaging/build_resources.py            # both
    python packaging/build_resources.py translations
    python packaging/build_resources.py icons
    python packaging/build_resources.py update     # lupdate: new UI strings into the .ts files

The sources are in git (``resources/translations/*.ts``, ``resources/icons/annotator.svg``);
the outputs are not (see .gitignore). The Makefile and the PyInstaller spec run this,
so a bundle or a wheel always carries outputs that match their sources.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TRANSLATIONS = ROOT / "resources" / "translations"
ICONS = ROOT / "resources" / "icons"
ICON_SVG = ICONS / "annotator.svg"
ICON_SIZES = (16, 32, 48, 64, 128, 256)


def png_path(size: int) -> Path:
    """Where the PNG of one size goes, laid out as the hicolor icon theme is."""
    return ICONS / "hicolor" / f"{size}x{size}" / "apps" / "annotator.png"


def lupdate_program() -> str:
    """PySide6's ``lupdate`` (it reads Python sources)."""
    import PySide6

    folder = Path(PySide6.__file__).parent
    for name in ("lupdate", "lupdate.exe"):
        if (folder / name).is_file():
            return str(folder / name)
    raise SystemExit(f"lupdate not found in {folder}")


def update_translations() -> list[Path]:
    """Extract the translatable strings of annotator/ui into the .ts files.

    Arabic gets every string; English (the source language) only the plural forms,
    as Qt's convention for the source language is.
    """
    import subprocess

    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "annotator" / "ui").rglob("*.py"))
    common = ["-no-obsolete", "-locations", "relative", "-source-language", "en"]
    runs = {
        "annotator_ar.ts": ["-target-language", "ar"],
        "annotator_en.ts": ["-target-language", "en", "-pluralonly"],
    }
    outputs = []
    for name, options in runs.items():
        target = TRANSLATIONS / name
        command = [lupdate_program(), *sources, *common, *options, "-ts", str(target)]
        subprocess.run(command, cwd=ROOT, check=True)
        outputs.append(target)
    return outputs


def compile_translations() -> list[Path]:
    """Compile every ``.ts`` to its ``.qm`` beside it; returns the ``.qm`` files."""
    from annotator.ui.i18n import compile_translation

    outputs = []
    for source in sorted(TRANSLATIONS.glob("*.ts")):
        target = source.with_suffix(".qm")
        compile_translation(source, target)
        outputs.append(target)
    return outputs


def render_icons() -> list[Path]:
    """Render the SVG icon to PNGs (hicolor sizes), ``annotator.ico`` and ``annotator.icns``."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(ICON_SVG))
    if not renderer.isValid():
        raise SystemExit(f"{ICON_SVG}: not a valid SVG image")

    def render(size: int) -> QImage:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        return image

    outputs = []
    for size in ICON_SIZES:
        path = png_path(size)
        path.parent.mkdir(parents=True, exist_ok=True)
        _save(render(size), path)
        outputs.append(path)
    _save(render(256), ICONS / "annotator.ico")  # Qt's ico writer stores the one size given
    _save(render(1024), ICONS / "annotator.icns")
    outputs += [ICONS / "annotator.ico", ICONS / "annotator.icns"]
    return outputs


def _save(image: object, path: Path) -> None:
    if not image.save(str(path)):  # type: ignore[attr-defined]
        raise SystemExit(f"could not write {path} (is the Qt image format plugin missing?)")


def main(argv: list[str]) -> int:
    """Build what is named on the command line (default: everything)."""
    wanted = set(argv) or {"translations", "icons"}
    unknown = wanted - {"translations", "icons", "update"}
    if unknown:
        print(f"unknown target(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    built = []
    if "update" in wanted:
        built += update_translations()
    if "translations" in wanted:
        built += compile_translations()
    if "icons" in wanted:
        built += render_icons()
    for path in built:
        print(f"built {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
