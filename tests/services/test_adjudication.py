"""Adjudication to a gold annotation: accept, accept agreed, edit, disagreements, undo/redo."""

from __future__ import annotations

import pytest

from annotator.core.errors import ValidationError
from annotator.core.model import AnnotatorKind
from annotator.services import adjudication as adj
from annotator.services.projects import ProjectStore
from tests.services.team_helpers import add_articles, meeting, mention


@pytest.fixture
def doc_id(project: ProjectStore) -> str:
    doc_id = add_articles(project)[0]
    for name in ("amal", "karim"):
        king = mention(project, doc_id, name, "الملك عبد الله الثاني", "PER")
        mention(project, doc_id, name, "عمّان", "GPE")
        meeting(project, doc_id, name, ("Entity", king))
    mention(project, doc_id, "amal", "البنك الدولي", "ORG")
    mention(project, doc_id, "karim", "البنك الدولي", "PER")
    mention(project, doc_id, "karim", "صباح الأحد", "TIME")
    adj.ensure_gold(project)
    return doc_id


def gold(project: ProjectStore, doc_id: str) -> list[tuple[str, str, str | None]]:
    text = project.documents.get(doc_id).text
    return [(s.covered(text), s.label, s.source) for s in project.annotations.spans(doc_id, "gold")]


def test_disagreements_are_regions_in_text_order(project: ProjectStore, doc_id: str) -> None:
    regions = adj.disagreements(project, doc_id, ["amal", "karim"])
    text = project.documents.get(doc_id).text
    assert [text[r.start : r.end] for r in regions] == ["البنك الدولي", "صباح الأحد"]
    assert regions[0].annotators() == {"amal", "karim"}
    assert regions[1].annotators() == {"karim"}


def test_accept_agreed_takes_what_everyone_marked(project: ProjectStore, doc_id: str) -> None:
    change = adj.accept_agreed(project, doc_id, ["amal", "karim"])
    assert gold(project, doc_id) == [
        ("الملك عبد الله الثاني", "PER", "amal+karim"),
        ("عمّان", "GPE", "amal+karim"),
    ]
    [event] = project.annotations.events(doc_id, "gold")
    assert event.type == "Contact.Meet" and event.source == "amal+karim"
    assert len(change.added_events) == 1
    assert adj.accept_agreed(project, doc_id, ["amal", "karim"]).empty


def test_accepting_another_label_at_the_same_place_replaces_it(
    project: ProjectStore, doc_id: str
) -> None:
    amal = next(s for s in project.annotations.spans(doc_id, "amal") if s.label == "ORG")
    karim = next(s for s in project.annotations.spans(doc_id, "karim") if s.start == amal.start)
    adj.accept_span(project, amal.id)
    adj.accept_span(project, karim.id)
    assert gold(project, doc_id) == [("البنك الدولي", "PER", "karim")]


def test_undo_and_redo_restore_exactly(project: ProjectStore, doc_id: str) -> None:
    amal = next(s for s in project.annotations.spans(doc_id, "amal") if s.label == "ORG")
    karim = next(s for s in project.annotations.spans(doc_id, "karim") if s.start == amal.start)
    adj.accept_span(project, amal.id)
    before = gold(project, doc_id)
    change = adj.accept_span(project, karim.id)
    adj.undo(project, change)
    assert gold(project, doc_id) == before
    adj.redo(project, change)
    assert gold(project, doc_id) == [("البنك الدولي", "PER", "karim")]


def test_accept_event_brings_its_argument_spans(project: ProjectStore, doc_id: str) -> None:
    [event] = project.annotations.events(doc_id, "karim")
    change = adj.accept_event(project, event.id)
    [accepted] = project.annotations.events(doc_id, "gold")
    assert accepted.source == "karim"
    assert [project.annotations.span(a.span_id).annotator for a in accepted.arguments] == ["gold"]
    assert gold(project, doc_id) == [("الملك عبد الله الثاني", "PER", "karim")]
    adj.undo(project, change)
    assert project.annotations.events(doc_id, "gold") == []
    assert gold(project, doc_id) == []


def test_edits_by_the_adjudicator_have_no_source(project: ProjectStore, doc_id: str) -> None:
    change = adj.add_gold_span(project, doc_id, 0, 5, "PER")
    span = change.added_spans[0]
    adj.relabel_gold_span(project, span.id, "ORG")
    assert gold(project, doc_id) == [("التقى", "ORG", None)]
    removal = adj.remove_gold_span(project, span.id)
    adj.undo(project, removal)
    assert gold(project, doc_id) == [("التقى", "ORG", None)]


def test_gold_annotator_is_kept_apart(project: ProjectStore, doc_id: str) -> None:
    assert project.annotators.get("gold").kind is AnnotatorKind.GOLD
    with pytest.raises(ValidationError, match="not a gold"):
        adj.ensure_gold(project, "amal")
