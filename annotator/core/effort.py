"""Active annotation time: activity ticks add up, idle gaps do not.

The window reports a tick whenever the annotator does something. The time since
the annotator's previous tick (on any document) counts towards the document of
the new tick, unless it is longer than IDLE_LIMIT_S: then the annotator was away
and the stretch starts afresh.
"""

from __future__ import annotations

IDLE_LIMIT_S = 120.0


def active_increment(previous: float | None, now: float, idle_limit: float = IDLE_LIMIT_S) -> float:
    """Seconds of active work between the previous tick (None: none yet) and ``now``."""
    if previous is None:
        return 0.0
    gap = now - previous
    return gap if 0.0 < gap <= idle_limit else 0.0


def per_hour(count: int, seconds: float) -> float | None:
    """``count`` per hour of ``seconds`` active time; None without any recorded time."""
    return round(count * 3600.0 / seconds, 2) if seconds > 0 else None
