"""Merging copies of a project back: idempotent, clashes reported, nothing lost."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from annotator.core.errors import AnnotatorError
from annotator.services.backups import backup_project
from annotator.services.merge import KEPT_OTHER, KEPT_PROJECT, merge_project
from annotator.services.projects import ProjectStore, open_project
from tests.services.team_helpers import add_articles, finish, mention


def copy_of(store: ProjectStore, tmp_path: Path, name: str) -> ProjectStore:
    """A copy of the project file as handed to an annotator."""
    return open_project(shutil.copy(backup_project(store), tmp_path / f"{name}.annproj"))


def snapshot(store: ProjectStore) -> set[tuple]:
    spans = {
        (s.id, s.document_id, s.annotator, s.start, s.end, s.label)
        for doc in store.documents.summaries()
        for s in store.annotations.spans(doc.id)
    }
    return spans | {("doc", d.id, d.title) for d in store.documents.summaries()}


@pytest.fixture
def lead(project: ProjectStore) -> ProjectStore:
    ids = add_articles(project)
    mention(project, ids[0], "amal", "عمّان", "GPE")
    finish(project, ids[0], "amal")
    return project


def test_merge_adds_new_work_and_documents_and_is_idempotent(
    lead: ProjectStore, tmp_path: Path
) -> None:
    doc_id = lead.documents.summaries()[0].id
    with copy_of(lead, tmp_path, "karim") as copy:
        mention(copy, doc_id, "karim", "البنك الدولي", "ORG")
        copy.documents.add("خبر جديد عن الانتخابات في أربيل.", "خبر جديد")
    first = merge_project(lead, tmp_path / "karim.annproj")
    assert (first.documents_added, first.work_added, first.clashes) == (1, 1, [])
    assert [s.label for s in lead.annotations.spans(doc_id, "karim")] == ["ORG"]
    before = snapshot(lead)
    again = merge_project(lead, tmp_path / "karim.annproj")
    assert (again.documents_added, again.work_added) == (0, 0)
    assert again.work_unchanged >= 2
    assert snapshot(lead) == before


def test_documents_match_by_text_not_by_id(project: ProjectStore, tmp_path: Path) -> None:
    from annotator.services.projects import new_project

    title, text = "عنوان", "نص الخبر نفسه في ملفين مختلفين."
    ours = project.documents.add(text, title)
    with new_project(tmp_path / "other.annproj") as other:
        theirs = other.documents.add(text, "عنوان آخر")
        mention(other, theirs.id, "karim", "الخبر", "ORG")
    result = merge_project(project, tmp_path / "other.annproj")
    assert result.documents_added == 0
    assert project.documents.count() == 1
    assert [s.document_id for s in project.annotations.spans(ours.id, "karim")] == [ours.id]


def test_clash_keeps_the_newer_version_and_backs_up_the_replaced_one(
    lead: ProjectStore, tmp_path: Path
) -> None:
    doc_id = lead.documents.summaries()[0].id
    with copy_of(lead, tmp_path, "amal") as copy:
        mention(lead, doc_id, "amal", "البنك الدولي", "PER")  # the project's change, older
        mention(copy, doc_id, "amal", "البنك الدولي", "ORG")  # the copy's change, newer
    result = merge_project(lead, tmp_path / "amal.annproj")
    assert [(c.annotator, c.kept) for c in result.clashes] == [("amal", KEPT_OTHER)]
    assert "clash: amal" in result.lines()[1]
    labels = sorted(s.label for s in lead.annotations.spans(doc_id, "amal"))
    assert labels == ["GPE", "ORG"]
    with open_project(result.backup) as backup:
        assert sorted(s.label for s in backup.annotations.spans(doc_id, "amal")) == ["GPE", "PER"]


def test_clash_where_the_project_is_newer_keeps_the_project(
    lead: ProjectStore, tmp_path: Path
) -> None:
    doc_id = lead.documents.summaries()[0].id
    with copy_of(lead, tmp_path, "amal") as copy:
        mention(copy, doc_id, "amal", "البنك الدولي", "ORG")
        mention(lead, doc_id, "amal", "البنك الدولي", "PER")
    before = snapshot(lead)
    result = merge_project(lead, tmp_path / "amal.annproj")
    assert [c.kept for c in result.clashes] == [KEPT_PROJECT]
    assert result.backup is None
    assert snapshot(lead) == before


def test_nothing_in_the_project_is_lost(lead: ProjectStore, tmp_path: Path) -> None:
    ids = [d.id for d in lead.documents.summaries()]
    with copy_of(lead, tmp_path, "karim") as copy:
        mention(copy, ids[1], "karim", "الموصل", "GPE")
    mention(lead, ids[2], "salma", "القاهرة", "GPE")
    before = snapshot(lead)
    merge_project(lead, tmp_path / "karim.annproj")
    assert before <= snapshot(lead)


def test_a_bad_file_leaves_the_project_unchanged(lead: ProjectStore, tmp_path: Path) -> None:
    doc_id = lead.documents.summaries()[0].id
    with copy_of(lead, tmp_path, "karim") as copy:
        mention(copy, doc_id, "karim", "البنك الدولي", "ORG")
        copy.db.execute("UPDATE spans SET label = 'ALIEN' WHERE annotator = 'karim'")
        copy.db.conn.commit()
    before = snapshot(lead)
    with pytest.raises(AnnotatorError, match=r"karim\.annproj.*ALIEN"):
        merge_project(lead, tmp_path / "karim.annproj")
    assert snapshot(lead) == before
    not_a_project = tmp_path / "notes.annproj"
    not_a_project.write_text("hello")
    with pytest.raises(AnnotatorError, match=r"notes\.annproj"):
        merge_project(lead, not_a_project)
    with pytest.raises(AnnotatorError, match="itself"):
        merge_project(lead, lead.path)


def test_assignments_are_merged(lead: ProjectStore, tmp_path: Path) -> None:
    doc_id = lead.documents.summaries()[1].id
    with copy_of(lead, tmp_path, "karim") as copy:
        copy.assignments.add([(doc_id, "karim")])
    result = merge_project(lead, tmp_path / "karim.annproj")
    assert result.assignments_added == 1
    assert lead.assignments.documents_of("karim") == [doc_id]
