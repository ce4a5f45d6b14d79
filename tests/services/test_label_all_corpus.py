"""Label-all across the corpus respects what annotators did (issue 13.16)."""

from __future__ import annotations

from annotator.core.model import Span, Status, new_id
from annotator.services.label_all import corpus_matches


def test_matches_respect_existing_work(project) -> None:
    first = project.documents.add("زار الوزير العراق أمس.", "أ")
    second = project.documents.add("العراق والعِراق في الخبر.", "ب")
    done = project.documents.add("قال العراق.", "ج")
    skipped = project.documents.add("العراق هنا.", "د")
    inside = project.documents.add("العراقيون فرحوا.", "هـ")
    project.annotations.add_span(Span(new_id(), second.id, "amal", 0, 6, "GPE"))
    project.annotators.set_status(done.id, "amal", Status.DONE)
    project.annotators.set_status(skipped.id, "amal", Status.SKIPPED)
    found = corpus_matches(project, "العراق", "amal", exclude=first.id)
    by_doc = {d.doc_id: d for d in found}
    assert set(by_doc) == {second.id, done.id, inside.id}
    assert [(m.start, m.checked) for m in by_doc[second.id].matches] == [(8, True)]  # harakat
    assert [m.checked for m in by_doc[done.id].matches] == [False]  # done: proposed unchecked
    assert [m.checked for m in by_doc[inside.id].matches] == [False]  # inside a longer word
    assert corpus_matches(project, "  ", "amal") == []
