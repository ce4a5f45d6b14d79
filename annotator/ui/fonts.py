"""Fonts for Arabic text: bundled Noto Arabic faces, with system fallbacks."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase

from annotator.core.resources import resource_path

log = logging.getLogger(__name__)

BUNDLED_FONTS = ("NotoNaskhArabic-Regular.ttf", "NotoSansArabic-Regular.ttf")
# Tried in order for every character: the user's choice, then faces that render
# Arabic well, then a face every Linux has, so no glyph falls back to a box.
FALLBACK_FAMILIES = ["Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Arial", "DejaVu Sans"]


def register_bundled_fonts() -> None:
    """Make the bundled fonts available to Qt (needs a QGuiApplication)."""
    for name in BUNDLED_FONTS:
        if QFontDatabase.addApplicationFont(str(resource_path("fonts", name))) < 0:
            log.warning("could not load bundled font %s", name)


def reading_font(family: str, point_size: int) -> QFont:
    """The font for article text: ``family`` first, then the Arabic fallbacks."""
    font = QFont()
    font.setFamilies([family, *[f for f in FALLBACK_FAMILIES if f != family]])
    font.setPointSize(point_size)
    return font
