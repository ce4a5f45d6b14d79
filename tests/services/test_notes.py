"""Notes and unsure flags in the store: migration 0004, kept by undo, gone with the document."""

from __future__ import annotations

import pytest

from annotator.core.errors import ValidationError
from annotator.core.model import Span, Status, new_id
from annotator.core.notes import MAX_NOTE_LENGTH, Note, NoteKind
from annotator.services.notes import notes_in, set_note


def test_a_note_follows_its_span_through_removal_and_undo(project) -> None:
    doc = project.documents.add("نص قصير عن بغداد.", "خبر")
    span = Span(new_id(), doc.id, "amal", 10, 15, "GPE")
    project.annotations.add_span(span)
    before = set_note(project, Note(span.id, NoteKind.SPAN, doc.id, "amal", "مدينة؟", True))
    assert before.empty
    assert notes_in(project, doc.id, "amal")[span.id].unsure
    removal = project.annotations.remove_span(span.id)
    assert notes_in(project, doc.id, "amal") == {}  # a removed span's note is not shown
    project.annotations.restore_span(removal)  # undo brings it back with its id
    assert notes_in(project, doc.id, "amal")[span.id].text == "مدينة؟"
    set_note(project, before)  # undo the note itself
    assert notes_in(project, doc.id, "amal") == {}


def test_document_notes_are_per_annotator(project) -> None:
    doc = project.documents.add("نص.", "خبر")
    set_note(project, Note(doc.id, NoteKind.DOCUMENT, doc.id, "amal", "مقال مكرر؟"))
    set_note(project, Note(doc.id, NoteKind.DOCUMENT, doc.id, "karim", "", True))
    notes = project.notes.all()
    assert notes[(doc.id, "amal")][doc.id].text == "مقال مكرر؟"
    assert notes[(doc.id, "karim")][doc.id].unsure


def test_an_overlong_note_is_refused() -> None:
    with pytest.raises(ValidationError, match="at most"):
        Note("x", NoteKind.SPAN, "d", "amal", "ن" * (MAX_NOTE_LENGTH + 1))


def _attack(project):
    """A document with an attack in Baghdad by amal: (document, the place, the event)."""
    from annotator.core.model import Argument, Event

    text = "قصفت طائرة مسيرة موقعا في بغداد."
    doc = project.documents.add(text, "خبر")
    place = Span(new_id(), doc.id, "amal", text.index("بغداد"), text.index("بغداد") + 5, "GPE")
    project.annotations.add_span(place)
    event = Event(new_id(), doc.id, "amal", "Conflict.Attack", 0, 4,
                  (Argument(new_id(), "Place", place.id),))
    project.annotations.add_event(event)
    return doc, place, event


def test_notes_are_exported_in_jsonl_and_brat(project, tmp_path) -> None:
    import json

    from annotator.services.exporting import ExportOptions, export_project

    doc, place, event = _attack(project)
    set_note(project, Note(place.id, NoteKind.SPAN, doc.id, "amal", "مدينة\nأم محافظة؟", True))
    set_note(project, Note(event.id, NoteKind.EVENT, doc.id, "amal", "هجوم أم قصف؟"))
    project.annotators.set_status(doc.id, "amal", Status.DONE)  # a training export's record
    export_project(project, ExportOptions(format="jsonl"), tmp_path / "out.jsonl")
    record = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert record["entities"][0]["unsure"] is True
    assert record["entities"][0]["note"] == "مدينة\nأم محافظة؟"
    assert record["events"][0]["note"] == "هجوم أم قصف؟" and "note" not in record
    export_project(project, ExportOptions(format="brat"), tmp_path / "brat")
    ann = next((tmp_path / "brat").rglob("*.ann")).read_text(encoding="utf-8")
    assert "#1\tAnnotatorNotes T1\t[unsure] مدينة أم محافظة؟\n" in ann
    assert "#2\tAnnotatorNotes E1\tهجوم أم قصف؟\n" in ann


def test_document_notes_go_into_the_brat_folders_notes_json(project, tmp_path) -> None:
    """brat has no note on a whole document: each annotator folder gets a notes.json."""
    import json

    from annotator.services.exporting import ExportFilter, ExportOptions, export_project
    from annotator.services.importing import ImportOptions, import_paths
    from annotator.services.projects import new_project

    first = project.documents.add("قال الوزير إن الاجتماع انتهى.", "خبر")
    second = project.documents.add("وصل الوفد إلى بغداد.", "خبر آخر")
    for doc in (first, second):
        project.annotations.add_span(Span(new_id(), doc.id, "amal", 0, 3, "PER"))
    project.annotators.ensure("karim")
    project.annotations.add_span(Span(new_id(), first.id, "karim", 0, 3, "ORG"))
    set_note(project, Note(first.id, NoteKind.DOCUMENT, first.id, "amal", "خبر مكرر؟\nراجع", True))
    set_note(project, Note(second.id, NoteKind.DOCUMENT, second.id, "karim", "لم أقرأه"))
    out = tmp_path / "brat"
    export_project(project, ExportOptions(format="brat", filter=ExportFilter(full_dump=True)), out)
    mapping = json.loads((out / "annotators.json").read_text(encoding="utf-8"))
    folders = {name: out / folder for folder, name in mapping.items()}
    notes = json.loads((folders["amal"] / "notes.json").read_text(encoding="utf-8"))
    [stem] = notes  # the other document of amal has no note
    assert notes[stem] == {"note": "خبر مكرر؟\nراجع", "unsure": True}
    assert (folders["amal"] / f"{stem}.ann").is_file()
    assert "قال الوزير" in (folders["amal"] / f"{stem}.txt").read_text(encoding="utf-8")
    # karim's note is on a document karim did not annotate: not in his folder's records.
    assert not (folders["karim"] / "notes.json").exists()
    # The folder still imports: notes.json is beside the .ann files, not one of them.
    with new_project(tmp_path / "again.annproj") as again:
        report = import_paths(again, [out], ImportOptions())
        assert report.documents >= 2


def test_notes_and_unsure_flags_come_back_from_a_native_export(project, tmp_path) -> None:
    from annotator.services.exporting import ExportFilter, ExportOptions, export_project
    from annotator.services.importing import import_paths
    from annotator.services.projects import new_project

    doc, place, event = _attack(project)
    project.annotations.add_span(Span(new_id(), doc.id, "amal", 5, 10, "ORG"))  # no note
    written = [
        Note(place.id, NoteKind.SPAN, doc.id, "amal", "مدينة\nأم محافظة؟", True),
        Note(event.id, NoteKind.EVENT, doc.id, "amal", "هجوم أم قصف؟"),
        Note(doc.id, NoteKind.DOCUMENT, doc.id, "amal", "", True),
    ]
    for note in written:
        set_note(project, note)
    out = tmp_path / "out.jsonl"
    export_project(project, ExportOptions(format="jsonl", filter=ExportFilter(full_dump=True)), out)
    with new_project(tmp_path / "again.annproj") as again:
        report = import_paths(again, [out])
        assert report.annotator_notes == 3
        assert "3 annotator note(s)" in report.lines()[0]
        (copy,) = again.documents.summaries()
        kept = again.notes.all()[(copy.id, "amal")]
        # Same ids (native ids are kept where free), same texts and flags.
        assert {(n.target_id, n.kind, n.text, n.unsure) for n in kept.values()} == {
            (n.target_id if n.kind != NoteKind.DOCUMENT else copy.id, n.kind, n.text, n.unsure)
            for n in written
        }
        assert "note" not in again.documents.get(copy.id).meta  # not an unknown key


def test_a_note_of_the_wrong_type_is_refused_naming_its_line(project, tmp_path) -> None:
    import json

    from annotator.services.importing import ImportFailed, import_paths

    source = tmp_path / "in.jsonl"
    lines = [
        {"text": "نص أول", "annotator": "amal", "entities": [], "note": "راجع"},
        {"text": "نص ثان", "annotator": "amal",
         "entities": [{"start": 0, "end": 2, "label": "PER", "unsure": "yes"}]},
    ]
    source.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), "utf-8")
    with pytest.raises(ImportFailed, match=r"in\.jsonl:2: entities\[0\]: 'unsure' must be true"):
        import_paths(project, [source])
    assert project.documents.count() == 0


def test_notes_come_back_from_a_brat_export(project, tmp_path) -> None:
    from annotator.services.exporting import ExportFilter, ExportOptions, export_project
    from annotator.services.importing import import_paths
    from annotator.services.projects import new_project

    doc, place, event = _attack(project)
    set_note(project, Note(place.id, NoteKind.SPAN, doc.id, "amal", "مدينة أم محافظة؟", True))
    set_note(project, Note(event.id, NoteKind.EVENT, doc.id, "amal", "هجوم أم قصف؟"))
    set_note(project, Note(doc.id, NoteKind.DOCUMENT, doc.id, "amal", "خبر مكرر؟\nراجع", True))
    out = tmp_path / "brat"
    export_project(project, ExportOptions(format="brat", filter=ExportFilter(full_dump=True)), out)
    with new_project(tmp_path / "again.annproj") as again:
        report = import_paths(again, [out])
        assert report.annotator_notes == 3 and report.ignored == []
        (copy,) = again.documents.summaries()
        notes = again.notes.all()[(copy.id, "amal")]
        # brat ids are the file's own (T1, E1): the notes follow the new spans and events.
        (span,) = again.annotations.spans(copy.id, "amal")
        (copied_event,) = again.annotations.events(copy.id, "amal")
        assert (notes[span.id].text, notes[span.id].unsure) == ("مدينة أم محافظة؟", True)
        event_note = notes[copied_event.id]
        assert (event_note.text, event_note.unsure) == ("هجوم أم قصف؟", False)
        assert (notes[copy.id].text, notes[copy.id].unsure) == ("خبر مكرر؟\nراجع", True)


def _jsonl(path, *lines) -> None:
    import json

    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), "utf-8")


def test_a_note_alone_makes_the_document_the_annotators_once(project, tmp_path) -> None:
    from annotator.services.importing import import_paths

    source = tmp_path / "in.jsonl"
    _jsonl(source, {"text": "نص للمراجعة", "annotator": "amal", "note": "راجع", "entities": []})
    assert import_paths(project, [source]).annotator_notes == 1
    (doc,) = project.documents.summaries()
    assert project.annotators.status(doc.id, "amal") is Status.NEW
    again = import_paths(project, [source])  # the same file: nothing is added twice
    assert (again.attached, again.annotator_notes, len(again.duplicates)) == (0, 0, 1)


def test_a_corpus_field_called_note_stays_the_corpus_own(project, tmp_path) -> None:
    from annotator.services.importing import import_paths

    source = tmp_path / "corpus.jsonl"
    _jsonl(source, {"text": "خبر أول", "note": "من ويكيبيديا"},
           {"text": "خبر ثان", "note": {"source": "rss"}, "unsure": "maybe"})
    report = import_paths(project, [source])
    assert (report.documents, report.annotator_notes) == (2, 0)
    metas = [project.documents.get(d.id).meta for d in project.documents.summaries()]
    assert metas == [{"note": "من ويكيبيديا"}, {"note": {"source": "rss"}, "unsure": "maybe"}]
    assert project.annotators.all() == [] and project.notes.all() == {}


def test_empty_notes_are_no_notes(project, tmp_path) -> None:
    from annotator.services.importing import import_paths

    source = tmp_path / "in.jsonl"
    _jsonl(source, {"text": "نص أول", "annotator": "amal", "status": "done", "note": "  "},
           {"text": "نص ثان", "annotator": "amal", "status": "done", "unsure": False,
            "entities": [{"start": 0, "end": 2, "label": "PER", "note": "\n"}]})
    assert import_paths(project, [source]).annotator_notes == 0
    assert project.notes.all() == {}
