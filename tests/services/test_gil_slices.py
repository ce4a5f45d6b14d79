"""The GIL's switch interval is shortened for imports and given back by the last one."""

from __future__ import annotations

import sys

from annotator.services.gil_slices import SHORT_SWITCH_S, short_gil_slices


def test_overlapping_blocks_restore_the_interval_once_the_last_ends() -> None:
    before = sys.getswitchinterval()
    first, second = short_gil_slices(), short_gil_slices()
    first.__enter__()
    assert sys.getswitchinterval() == SHORT_SWITCH_S
    second.__enter__()
    first.__exit__(None, None, None)  # the first import ends while the second runs
    assert sys.getswitchinterval() == SHORT_SWITCH_S
    second.__exit__(None, None, None)
    assert sys.getswitchinterval() == before


def test_an_error_inside_still_restores_it() -> None:
    before = sys.getswitchinterval()
    try:
        with short_gil_slices():
            raise RuntimeError("the import failed")
    except RuntimeError:
        pass
    assert sys.getswitchinterval() == before
