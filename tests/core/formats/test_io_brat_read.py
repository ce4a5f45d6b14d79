"""Reading brat standoff back: entities, triggers, events, fragments, and bad lines."""

from __future__ import annotations

from annotator.core.formats.brat import read_standoff
from annotator.core.formats.records import ArgumentRecord, EntityRecord, NoteRecord
from annotator.services.projects import default_schema
from tests.io_samples import ARTICLE_2, locate

TEXT = ARTICLE_2 + "\nقرية\nالنخيل"


def t_line(t_id: str, label: str, needle: str) -> str:
    start, end = locate(TEXT, needle)
    return f"{t_id}\t{label} {start} {end}\t{needle}"


def test_entities_triggers_and_numbered_roles() -> None:
    ann = "\n".join(
        [
            t_line("T1", "PER", "مسلحون"),
            t_line("T2", "PER", "ثلاثة أشخاص"),
            t_line("T3", "Conflict.Attack", "هاجمَ"),
            "E1\tConflict.Attack:T3 Attacker:T1 Attacker2:T2",
            "#1\tAnnotatorNotes T1\tمشكوك فيه",
            "",
        ]
    )
    standoff = read_standoff(ann, TEXT, default_schema())
    assert standoff.problems == []
    assert [e.label for e in standoff.entities] == ["PER", "PER"]
    (event,) = standoff.events
    assert (event.type, TEXT[event.start : event.end]) == ("Conflict.Attack", "هاجمَ")
    assert event.arguments == [ArgumentRecord("Attacker", "T1"), ArgumentRecord("Attacker", "T2")]
    assert standoff.ignored == []
    assert standoff.entities[0].note == NoteRecord("مشكوك فيه")  # AnnotatorNotes are read


def test_annotator_notes_land_on_their_entity_or_event() -> None:
    ann = "\n".join(
        [
            t_line("T1", "PER", "مسلحون"),
            t_line("T3", "Conflict.Attack", "هاجمَ"),
            "E1\tConflict.Attack:T3 Attacker:T1",
            "#1\tAnnotatorNotes T1\t[unsure] مسلحون أم جنود؟",
            "#2\tAnnotatorNotes T3\t[unsure]",  # on the trigger: its event's
            "#3\tAnnotatorNotes T9\tعلى ما ليس هنا",
            "#4\tAnnotatorNote T1\tنوع آخر من الملاحظات",
        ]
    )
    standoff = read_standoff(ann, TEXT, default_schema())
    assert standoff.problems == []
    assert standoff.entities[0].note == NoteRecord("مسلحون أم جنود؟", unsure=True)
    assert standoff.events[0].note == NoteRecord("", unsure=True)
    assert standoff.ignored == [
        (6, "brat note on T9, which is not here, ignored"),
        (7, "brat note ignored"),
    ]


def test_fragments_split_only_by_a_line_break_make_one_mention() -> None:
    start = TEXT.index("قرية\n")
    ann = f"T1\tLOC {start} {start + 4};{start + 5} {start + 11}\tقرية النخيل"
    (entity,) = read_standoff(ann, TEXT, default_schema()).entities
    assert entity == EntityRecord(start, start + 11, "LOC", "T1")


def test_bad_lines_are_reported_with_their_numbers() -> None:
    start, end = locate(TEXT, "كركوك")
    ann = "\n".join(
        [
            f"T1\tGPE {start} {end}\tبغداد",
            "T2\tGPE x y\tكركوك",
            f"T3\tGPE {start} {start + 2};{end - 1} {end}\tكر ك",
            "E1\tConflict.Attack:T9",
            "Q1\tsomething",
            f"T4\tPERSON {start} {end}\tكركوك",
            f"T5\tParty {start} {end}\tكركوك",
            "E2\tParty:T5",
        ]
    )
    problems = dict(read_standoff(ann, TEXT, default_schema()).problems)
    assert "is not what the offsets cover ('كركوك')" in problems[1]
    assert "are not 'START END' pairs" in problems[2]
    assert "mention in pieces" in problems[3]
    assert problems[4] == "E1 refers to unknown T9"
    assert "not a brat annotation line" in problems[5]
    assert problems[6] == "unknown entity label 'PERSON' (not in the schema)"
    assert problems[8] == "unknown event type 'Party'"


def test_a_second_note_on_one_annotation_is_reported_not_kept() -> None:
    ann = "\n".join(
        [
            t_line("T1", "PER", "مسلحون"),
            t_line("T3", "Conflict.Attack", "هاجمَ"),
            "E1\tConflict.Attack:T3 Attacker:T1",
            "#1\tAnnotatorNotes T1\t[unsure]",
            "#2\tAnnotatorNotes T1\t",
            "#3\tAnnotatorNotes E1\tهجوم؟",
            "#4\tAnnotatorNotes T3\tقصف؟",
        ]
    )
    standoff = read_standoff(ann, TEXT, default_schema())
    assert standoff.entities[0].note == NoteRecord("", unsure=True)  # the first, not the empty
    assert standoff.events[0].note == NoteRecord("هجوم؟")
    assert standoff.ignored == [
        (5, "a second brat note on T1 ignored"),
        (7, "a second brat note on T3's event ignored"),
    ]
