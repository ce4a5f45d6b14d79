"""Suggestions: sources, what is left out, accepting (with provenance) and rejecting."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.errors import ValidationError
from annotator.core.model import AnnotatorKind, Argument, Event, Span, new_id
from annotator.core.recommenders import ItemKind
from annotator.services.projects import open_project
from annotator.services.recommending import train_recommender, training_set
from annotator.services.suggestion_actions import (
    accept,
    accept_all,
    accept_argument,
    redo_accept,
    reject,
    undo_accept,
    undo_accept_all,
    undo_reject,
)
from annotator.services.suggestions import (
    SuggestedArgument,
    Suggestion,
    available_sources,
    next_suggestion,
    suggestions,
    suggestions_at,
)
from annotator.store import ProjectStore

TEXT = "اجتمع أحمد الساعدي في بغداد مع وفد من وزارة الخارجية. وعاد إلى ببغداد مساء."


def at(phrase: str, occurrence: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = TEXT.index(phrase, start + 1)
    return start, start + len(phrase)


@pytest.fixture
def doc_id(project: ProjectStore) -> str:
    """A document the model «ner» predicted: three entities and a Contact.Meet with arguments."""
    doc = project.documents.add(TEXT, "meeting")
    project.annotators.ensure("ner", AnnotatorKind.MODEL)
    project.annotators.ensure("amal")
    spans = [
        Span(new_id(), doc.id, "ner", *at("أحمد الساعدي"), "PER"),
        Span(new_id(), doc.id, "ner", *at("بغداد"), "GPE"),
        Span(new_id(), doc.id, "ner", *at("وزارة الخارجية"), "ORG"),
    ]
    project.annotations.add_spans(spans)
    event = Event(
        new_id(),
        doc.id,
        "ner",
        "Contact.Meet",
        *at("اجتمع"),
        (Argument(new_id(), "Entity", spans[0].id), Argument(new_id(), "Place", spans[1].id)),
    )
    project.annotations.add_event(event)
    project.suggestions.set_confidences({spans[0].id: 0.9, spans[1].id: 0.4}, {event.id: 0.8})
    return doc.id


def test_sources_offer_models_and_people_only_to_reviewers(project, doc_id) -> None:
    project.annotators.ensure("gold", AnnotatorKind.GOLD)
    names = [s.name for s in available_sources(project, "amal", recommenders=["strings"])]
    assert names == ["model:ner", "recommender:strings"]
    reviewer = [s.name for s in available_sources(project, "amal", reviewer=True)]
    assert reviewer == ["model:ner", "annotator:gold"]


def test_model_suggestions_carry_source_confidence_and_event_arguments(project, doc_id) -> None:
    items = suggestions(project, doc_id, "amal", ["model:ner"])
    assert [(s.kind, s.label, s.confidence) for s in items] == [
        (ItemKind.EVENT, "Contact.Meet", 0.8),
        (ItemKind.SPAN, "PER", 0.9),
        (ItemKind.SPAN, "GPE", 0.4),
        (ItemKind.SPAN, "ORG", None),
    ]
    assert {s.source for s in items} == {"model:ner"}
    assert items[0].arguments == (
        SuggestedArgument("Entity", *at("أحمد الساعدي"), "PER"),
        SuggestedArgument("Place", *at("بغداد"), "GPE"),
    )
    kept = suggestions(project, doc_id, "amal", ["model:ner"], threshold=0.5)
    assert [s.label for s in kept] == ["Contact.Meet", "PER", "ORG"]  # no confidence: kept
    per_source = suggestions(project, doc_id, "amal", ["model:ner"], threshold={"model:ner": 0.85})
    assert [s.label for s in per_source] == ["PER", "ORG"]


def test_what_the_annotator_has_or_rejected_is_not_suggested_again(tmp_path, project, doc_id):
    project.annotations.add_span(Span(new_id(), doc_id, "amal", *at("أحمد الساعدي"), "PER"))
    items = suggestions(project, doc_id, "amal", ["model:ner"])
    gpe = next(s for s in items if s.label == "GPE")
    reject(project, "amal", [gpe])
    path = project.path
    project.close()
    with open_project(path) as store:  # rejections survive a restart
        labels = [s.label for s in suggestions(store, doc_id, "amal", ["model:ner"])]
        assert labels == ["Contact.Meet", "ORG"]
        assert [s.label for s in suggestions(store, doc_id, "karim", ["model:ner"])] == [
            "Contact.Meet",
            "PER",
            "GPE",
            "ORG",
        ]  # another annotator's rejections are theirs
        undo_reject(store, "amal", [gpe])
        assert "GPE" in [s.label for s in suggestions(store, doc_id, "amal", ["model:ner"])]
        assert store.suggestions.outcome_counts()["amal"]["rejected"] == 0


def test_accepting_copies_with_provenance_and_undo_removes_it(project, doc_id) -> None:
    per = next(s for s in suggestions(project, doc_id, "amal", ["model:ner"]) if s.label == "PER")
    accepted = accept(project, "amal", per)
    (span,) = project.annotations.spans(doc_id, "amal")
    assert (span.label, span.source, (span.start, span.end)) == (
        "PER",
        "model:ner",
        at("أحمد الساعدي"),
    )
    assert project.suggestions.outcome_counts()["amal"]["accepted"] == 1
    assert "PER" not in [s.label for s in suggestions(project, doc_id, "amal", ["model:ner"])]
    undo_accept(project, accepted)
    assert project.annotations.spans(doc_id, "amal") == []
    assert project.suggestions.outcome_counts()["amal"]["accepted"] == 0
    redo_accept(project, accepted)  # redo brings back the very same span
    assert project.annotations.spans(doc_id, "amal") == [span]
    assert project.suggestions.outcome_counts()["amal"]["accepted"] == 1


def test_accepting_with_another_label_counts_as_a_correction(project, doc_id) -> None:
    gpe = next(s for s in suggestions(project, doc_id, "amal", ["model:ner"]) if s.label == "GPE")
    accepted = accept(project, "amal", gpe, label="LOC")
    assert accepted.corrected and accepted.spans[0].label == "LOC"
    assert project.suggestions.outcome_counts()["amal"]["corrected"] == 1


def test_accepting_an_event_links_known_arguments_and_offers_the_others(project, doc_id) -> None:
    own_per = project.annotations.add_span(
        Span(new_id(), doc_id, "amal", *at("أحمد الساعدي"), "PER")
    )
    event_item = suggestions(project, doc_id, "amal", ["model:ner"])[0]
    accepted = accept(project, "amal", event_item)
    event = accepted.event
    assert event is not None and event.source == "model:ner"
    assert [(a.role, a.span_id) for a in event.arguments] == [("Entity", own_per.id)]
    assert accepted.offered == (SuggestedArgument("Place", *at("بغداد"), "GPE"),)
    added = accept_argument(project, "amal", event.id, accepted.offered[0], "model:ner")
    (place,) = added.spans  # amal lacked the entity: it came with the argument
    assert (place.label, place.source) == ("GPE", "model:ner")
    roles = [a.role for a in project.annotations.event(event.id).arguments]
    assert roles == ["Entity", "Place"]
    assert project.suggestions.outcome_counts()["amal"]["accepted"] == 2
    undo_accept(project, added)  # the argument and the entity it brought go
    assert [a.role for a in project.annotations.event(event.id).arguments] == ["Entity"]
    assert len(project.annotations.spans(doc_id, "amal")) == 1
    undo_accept(project, accepted)
    assert project.annotations.events(doc_id, "amal") == []
    assert project.suggestions.outcome_counts()["amal"]["accepted"] == 0
    redo_accept(project, accepted)
    redo_accept(project, added)
    assert project.annotations.event(event.id).arguments == (
        *event.arguments,
        added.arguments[0][1],
    )


def test_accept_all_links_the_events_arguments_to_the_entities_it_accepts(project, doc_id):
    accepted = accept_all(project, "amal", suggestions(project, doc_id, "amal", ["model:ner"]))
    (event,) = project.annotations.events(doc_id, "amal")
    spans = {s.id: s.label for s in project.annotations.spans(doc_id, "amal")}
    assert [(a.role, spans[a.span_id]) for a in event.arguments] == [
        ("Entity", "PER"),
        ("Place", "GPE"),
    ]
    assert all(not item.offered for item in accepted)


def test_accept_all_is_all_or_none(project, doc_id) -> None:
    items = [
        s for s in suggestions(project, doc_id, "amal", ["model:ner"]) if s.kind is ItemKind.SPAN
    ]
    bad = Suggestion(doc_id, ItemKind.SPAN, 0, 5, "NOT-A-LABEL", "model:ner")
    with pytest.raises(ValidationError, match="unknown entity label"):
        accept_all(project, "amal", [*items, bad])
    assert project.annotations.spans(doc_id, "amal") == []
    accepted = accept_all(project, "amal", items)
    assert len(accepted) == 3 and len(project.annotations.spans(doc_id, "amal")) == 3
    undo_accept_all(project, accepted)
    assert project.annotations.spans(doc_id, "amal") == []
    assert project.suggestions.outcome_counts()["amal"]["accepted"] == 0


def test_live_recommender_suggests_across_the_corpus_through_proclitics(project, doc_id) -> None:
    from annotator.core.model import Status

    project.annotations.add_span(Span(new_id(), doc_id, "amal", *at("بغداد"), "GPE"))
    project.annotators.set_status(doc_id, "amal", Status.DONE)
    other = project.documents.add("وصل الوفد إلى وبغداد أمس.", "another")
    matcher = train_recommender("strings", training_set(project, "amal"))
    items = suggestions(project, other.id, "amal", ["recommender:strings"], {"strings": matcher})
    assert [(s.start, s.end, s.label, s.source) for s in items] == [
        (15, 20, "GPE", "recommender:strings")
    ]
    # In amal's own document the second «ببغداد» is suggested, the labelled one is not.
    items = suggestions(project, doc_id, "amal", ["recommender:strings"], {"strings": matcher})
    assert [(s.start, s.end) for s in items] == [(at("ببغداد")[0] + 1, at("ببغداد")[1])]
    assert items[0].confidence == pytest.approx(0.5)  # labelled once of two occurrences


def test_navigation_helpers() -> None:
    items = [
        Suggestion("d", ItemKind.SPAN, 10, 20, "PER", "model:m"),
        Suggestion("d", ItemKind.SPAN, 12, 15, "GPE", "model:m"),
        Suggestion("d", ItemKind.SPAN, 30, 35, "ORG", "model:m"),
    ]
    assert [s.label for s in suggestions_at(items, 13)] == ["GPE", "PER"]
    assert next_suggestion(items, 10).label == "GPE"
    assert next_suggestion(items, 31).label == "PER"  # wraps round
    assert next_suggestion(items, 12, backwards=True).label == "PER"
    assert next_suggestion(items, 0, backwards=True).label == "ORG"
    assert next_suggestion([], 0) is None


def test_an_unknown_source_is_named(project, doc_id) -> None:
    with pytest.raises(ValidationError, match="unknown suggestion source 'bogus'"):
        suggestions(project, doc_id, "amal", ["bogus"])


def test_rejections_feed_the_recommender_as_negative_evidence(project, doc_id) -> None:
    from annotator.core.model import Status

    project.annotations.add_span(Span(new_id(), doc_id, "amal", *at("بغداد"), "GPE"))
    project.annotators.set_status(doc_id, "amal", Status.DONE)
    other = project.documents.add("بغداد وبغداد", "another")
    matcher = train_recommender("strings", training_set(project, "amal"))
    first = suggestions(project, other.id, "amal", ["recommender:strings"], {"strings": matcher})
    reject(project, "amal", first[:1])
    retrained = train_recommender("strings", training_set(project, "amal"))
    after = suggestions(project, other.id, "amal", ["recommender:strings"], {"strings": retrained})
    assert len(after) == 1 and after[0].confidence < first[1].confidence


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    steps=st.lists(
        st.tuples(st.sampled_from(["accept", "reject", "undo"]), st.integers(0, 9)), max_size=12
    )
)
def test_accepting_rejecting_and_undoing_keep_suggestions_and_work_apart(project, doc_id, steps):
    """Whatever the order, a suggestion is never also own work or rejected, and undo is exact."""
    for span in project.annotations.spans(doc_id, "amal"):
        project.annotations.remove_span(span.id)
    for event in project.annotations.events(doc_id, "amal"):
        project.annotations.remove_event(event.id)
    project.suggestions.unreject(project.suggestions.rejections("amal", doc_id))
    done: list[tuple[str, object]] = []
    for action, pick in steps:
        shown = suggestions(project, doc_id, "amal", ["model:ner"])
        if action == "undo" and done:
            kind, what = done.pop()
            if kind == "accept":
                undo_accept(project, what)
            else:
                undo_reject(project, "amal", [what])
        elif action != "undo" and shown:
            item = shown[pick % len(shown)]
            if action == "accept":
                done.append(("accept", accept(project, "amal", item)))
            else:
                reject(project, "amal", [item])
                done.append(("reject", item))
        own = {("span", s.start, s.end, s.label) for s in project.annotations.spans(doc_id, "amal")}
        own |= {
            ("event", e.trigger_start, e.trigger_end, e.type)
            for e in project.annotations.events(doc_id, "amal")
        }
        rejected = {
            (r.kind.value, r.start, r.end, r.label)
            for r in project.suggestions.rejections("amal", doc_id)
        }
        keys = {s.key for s in suggestions(project, doc_id, "amal", ["model:ner"])}
        assert not keys & own and not keys & rejected and not own & rejected
        assert len(keys) + len(own) + len(rejected) == 4  # the model's four items, each somewhere
