"""The background writer of exports and the GC pause of bulk work."""

from __future__ import annotations

import gc
import io

import pytest

from annotator.services.background_writer import BackgroundWriter
from annotator.services.gc_pause import gc_paused


class FullDisk(io.BytesIO):
    """Accepts ``room`` bytes, then fails like a full disk."""

    def __init__(self, room: int) -> None:
        super().__init__()
        self.room = room

    def write(self, data) -> int:
        if self.tell() + len(data) > self.room:
            raise OSError(28, "No space left on device")
        return super().write(data)


def test_bytes_arrive_in_order() -> None:
    raw = io.BytesIO()
    writer = BackgroundWriter(raw)
    for i in range(100):
        writer.write(f"سطر {i} 😀\n".encode())
    writer.finish()
    assert raw.getvalue().decode("utf-8").splitlines()[99] == "سطر 99 😀"


def test_a_write_error_surfaces_in_the_caller() -> None:
    writer = BackgroundWriter(FullDisk(room=10))
    writer.write(b"0123456789")
    writer.write(b"this does not fit")
    with pytest.raises(OSError, match="No space left"):
        writer.finish()


def test_abandon_stops_quietly() -> None:
    writer = BackgroundWriter(FullDisk(room=0))
    writer.write(b"x")
    writer.abandon()
    writer.abandon()  # idempotent


def test_gc_is_paused_and_restored_even_on_error() -> None:
    assert gc.isenabled()
    with pytest.raises(RuntimeError), gc_paused():
        assert not gc.isenabled()
        raise RuntimeError
    assert gc.isenabled()
