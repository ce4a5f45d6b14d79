"""Active annotation time and speed, in `annotator stats`."""

from __future__ import annotations

import json

from annotator.cli import main
from annotator.core.effort import active_increment, per_hour
from annotator.core.model import Span, Status, new_id
from annotator.core.recommenders import ItemKind
from annotator.services.effort import annotator_effort, record_activity
from annotator.services.suggestion_actions import accept, reject
from annotator.services.suggestions import Suggestion


def test_idle_gaps_over_two_minutes_are_not_counted() -> None:
    assert active_increment(None, 100.0) == 0.0
    assert active_increment(100.0, 160.0) == 60.0
    assert active_increment(100.0, 220.0) == 120.0
    assert active_increment(100.0, 221.0) == 0.0
    assert active_increment(100.0, 90.0) == 0.0  # a clock set back counts nothing
    assert per_hour(3, 1800.0) == 6.0 and per_hour(3, 0.0) is None


def test_ticks_add_up_per_document_and_speed_shows_in_stats(project, capsys) -> None:
    first = project.documents.add("نص أول عن بغداد", "one")
    second = project.documents.add("نص ثان عن عمان", "two")
    t = 1_000_000.0
    for when in (t, t + 30, t + 60, t + 400, t + 430):  # a 340 s break in between
        record_activity(project, first.id, "amal", when)
    record_activity(project, second.id, "amal", t + 460)  # 30 s count towards the second
    assert project.suggestions.active_seconds()["amal"] == {first.id: 90.0, second.id: 30.0}
    project.annotations.add_span(Span(new_id(), first.id, "amal", 10, 15, "GPE"))
    project.annotators.set_status(first.id, "amal", Status.DONE)
    suggestion = Suggestion(second.id, ItemKind.SPAN, 10, 14, "GPE", "model:ner", 0.9)
    accept(project, "amal", suggestion)
    reject(project, "amal", [Suggestion(second.id, ItemKind.SPAN, 0, 2, "PER", "model:ner")])
    effort = annotator_effort(project)["amal"]
    assert effort.active_seconds == 120.0 and effort.documents_done == 1
    assert (effort.documents_per_hour, effort.spans_per_hour) == (30.0, 60.0)
    assert effort.suggestions == {"accepted": 1, "rejected": 1, "corrected": 0}
    path = str(project.path)
    project.close()
    assert main(["stats", path, "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["effort"]["amal"]["documents_per_hour"] == 30.0
    assert stats["effort"]["amal"]["suggestions"]["accepted"] == 1
    assert main(["stats", path]) == 0
    assert "active: 2.0 min (30.0 documents/h, 60.0 spans/h)" in capsys.readouterr().out
