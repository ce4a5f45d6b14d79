"""Event arguments always fit: the role exists for the event type and accepts the span's label."""

from __future__ import annotations

import pytest

from annotator.core.errors import ValidationError
from annotator.core.model import Argument, Event, Span
from annotator.services.projects import ProjectStore

TEXT = "هاجم مسلحون قافلة للجيش قرب الموصل صباح الأحد وأصابوا ثلاثة جنود."


@pytest.fixture
def attack(project: ProjectStore) -> ProjectStore:
    """A document with an Attack event on هاجم, the gunmen (PER) and Mosul (GPE)."""
    doc = project.documents.add(TEXT, "الموصل")
    project.annotations.add_spans([
        Span("gunmen", doc.id, "amal", 5, 11, "PER"),
        Span("mosul", doc.id, "amal", 28, 34, "GPE"),
    ])
    project.annotations.add_event(Event("attack", doc.id, "amal", "Conflict.Attack", 0, 4))
    return project


def roles(store: ProjectStore) -> list[tuple[str, str]]:
    return [(a.role, a.span_id) for a in store.annotations.event("attack").arguments]


def test_a_role_the_event_type_does_not_have_is_refused_with_its_roles(attack) -> None:
    with pytest.raises(ValidationError, match=r"Conflict.Attack has no argument role 'Victim' "
                                              r"\(its roles: Attacker, Target"):
        attack.annotations.add_argument("attack", Argument("a1", "Victim", "gunmen"))
    assert roles(attack) == []


def test_a_role_that_does_not_accept_the_label_is_refused(attack) -> None:
    with pytest.raises(ValidationError, match="role 'Place' accepts GPE, LOC, FAC, not the "
                                              "entity label 'PER'"):
        attack.annotations.add_argument("attack", Argument("a1", "Place", "gunmen"))
    attack.annotations.add_argument("attack", Argument("a2", "Place", "mosul"))
    assert roles(attack) == [("Place", "mosul")]


def test_changing_a_role_is_checked_too(attack) -> None:
    attack.annotations.add_argument("attack", Argument("a1", "Attacker", "gunmen"))
    with pytest.raises(ValidationError, match="has no argument role 'Driver'"):
        attack.annotations.set_argument_role("a1", "Driver")
    with pytest.raises(ValidationError, match="role 'Instrument' accepts WEA, VEH"):
        attack.annotations.set_argument_role("a1", "Instrument")
    attack.annotations.set_argument_role("a1", "Target")
    assert roles(attack) == [("Target", "gunmen")]


def test_relabel_and_retype_cannot_break_an_argument(attack) -> None:
    """Otherwise undoing to a state that held the argument could no longer re-add it."""
    attack.annotations.add_argument("attack", Argument("a1", "Place", "mosul"))
    attack.annotations.add_argument("attack", Argument("a2", "Attacker", "gunmen"))
    with pytest.raises(ValidationError, match=r"it is the Place of a Conflict\.Attack event"):
        attack.annotations.relabel_span("mosul", "PER")
    assert attack.annotations.span("mosul").label == "GPE"
    with pytest.raises(ValidationError, match=r"argument Attacker would not fit.*remove that"):
        attack.annotations.retype_event("attack", "Contact.Meet")
    assert attack.annotations.event("attack").type == "Conflict.Attack"
    attack.annotations.remove_argument("a2")
    attack.annotations.relabel_span("mosul", "LOC")  # Place accepts LOC as well
    attack.annotations.retype_event("attack", "Contact.Meet")  # which has a Place too
    assert roles(attack) == [("Place", "mosul")]


def test_a_new_event_with_an_argument_that_does_not_fit_is_refused_whole(attack) -> None:
    doc_id = attack.annotations.span("gunmen").document_id
    event = Event("meet", doc_id, "amal", "Contact.Meet", 12, 17,
                  (Argument("b1", "Entity", "gunmen"), Argument("b2", "Time", "mosul")))
    with pytest.raises(ValidationError, match="role 'Time' accepts TIME"):
        attack.annotations.add_event(event)
    assert [e.id for e in attack.annotations.events(doc_id)] == ["attack"]
