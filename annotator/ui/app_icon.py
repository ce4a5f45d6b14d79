"""The application icon: the SVG, plus the PNG sizes rendered at build time if present."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from annotator.core.resources import resource_path

PNG_SIZES = (16, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """The icon shown in the title bar, the task bar and the About box."""
    icons = resource_path("icons")
    icon = QIcon(str(icons / "annotator.svg"))
    # Pixel-perfect small sizes where the build rendered them; the SVG scales for the rest.
    for size in PNG_SIZES:
        png = icons / "hicolor" / f"{size}x{size}" / "apps" / "annotator.png"
        if png.is_file():
            icon.addFile(str(png))
    return icon
