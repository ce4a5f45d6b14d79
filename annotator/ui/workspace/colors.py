"""Colours of labels on screen: schema colours, blended where spans overlap."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QColor

from annotator.core.schema import Schema

FALLBACK = "#DDDDDD"


class Palette:
    """Label key -> QColor for one schema (entities and event types)."""

    def __init__(self, schema: Schema | None) -> None:
        self._colors: dict[str, QColor] = {}
        if schema is not None:
            for item in (*schema.entities, *schema.events):
                self._colors[item.key] = QColor(item.color)

    def color(self, key: str) -> QColor:
        """The colour of a label or event type."""
        return self._colors.get(key) or QColor(FALLBACK)

    def line_color(self, key: str) -> QColor:
        """The label colour as a thin line on white: pastel colours are darkened."""
        return _line(self.color(key).name())


@lru_cache(maxsize=4096)
def _line(name: str) -> QColor:
    color = QColor(name)
    return color.darker(170) if color.lightness() > 150 else color


@lru_cache(maxsize=4096)
def tint(name: str, strength: float) -> QColor:
    """``name`` mixed with white: a strong event colour as a readable text background."""
    color = QColor(name)
    mix = [round(255 - (255 - c) * strength) for c in (color.red(), color.green(), color.blue())]
    return QColor(*mix)


@lru_cache(maxsize=4096)
def blend(names: tuple[str, ...], emphasised: bool) -> QColor:
    """The background of text covered by spans of these colours.

    Overlaps average the colours and get a little darker with each extra
    layer, so a nested span stands out from the span around it.
    """
    colors = [QColor(name) for name in names]
    red = sum(c.red() for c in colors) // len(colors)
    green = sum(c.green() for c in colors) // len(colors)
    blue = sum(c.blue() for c in colors) // len(colors)
    result = QColor(red, green, blue)
    if len(colors) > 1:
        result = result.darker(100 + 12 * (len(colors) - 1))
    return result.darker(125) if emphasised else result
