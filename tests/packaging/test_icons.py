"""The application icon: the SVG renders at every size the platforms need."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from annotator.ui.app_icon import app_icon
from tests.packaging import load_build_resources


def test_icon_renders_at_every_size(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp) -> None:
    build_resources = load_build_resources()
    monkeypatch.setattr(build_resources, "ICONS", tmp_path)
    written = build_resources.render_icons()
    assert {p.name for p in written} == {"annotator.png", "annotator.ico", "annotator.icns"}
    for size in build_resources.ICON_SIZES:
        image = QImage(str(build_resources.png_path(size)))
        assert (image.width(), image.height()) == (size, size)
        assert image.pixelColor(0, 0).alpha() == 0, "corners stay transparent"
        assert image.pixelColor(size // 2, size // 2).alpha() == 255, "the centre is painted"
    assert not QImage(str(tmp_path / "annotator.ico")).isNull()


def test_application_icon_is_the_svg(qapp) -> None:
    pixmap = app_icon().pixmap(48, 48)
    assert not pixmap.isNull()
    centre = pixmap.toImage().pixelColor(24, 24)
    assert centre.alpha() == 255
