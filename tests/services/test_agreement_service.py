"""Which work the agreement service compares: statuses decide, missing is not "no label"."""

from __future__ import annotations

import pytest

from annotator.core.errors import ValidationError
from annotator.core.model import Status
from annotator.services.agreement import agreement_documents, project_agreement
from annotator.services.agreement_export import report_csv, report_html
from annotator.services.projects import ProjectStore
from tests.services.team_helpers import add_articles, finish, mention


@pytest.fixture
def ids(project: ProjectStore) -> list[str]:
    ids = add_articles(project)
    mention(project, ids[0], "amal", "عمّان", "GPE")
    mention(project, ids[0], "karim", "عمّان", "GPE")
    finish(project, ids[0], "amal", "karim")
    finish(project, ids[1], "amal", "karim")  # both annotated, both found nothing
    mention(project, ids[2], "amal", "القاهرة", "GPE")
    project.annotators.set_status(ids[2], "karim", Status.SKIPPED)
    return ids


def test_only_documents_two_annotators_annotated_are_compared(
    project: ProjectStore, ids: list[str]
) -> None:
    documents = agreement_documents(project, ["amal", "karim"])
    assert [d.doc_id for d in documents] == ids[:2]
    assert documents[1].work["karim"].spans == ()


def test_project_agreement_defaults_to_people_not_gold(
    project: ProjectStore, ids: list[str]
) -> None:
    from annotator.services.adjudication import ensure_gold

    ensure_gold(project)
    report = project_agreement(project)
    assert report.corpus.annotators == ["amal", "karim"]
    assert report.corpus.pairs[0].documents == 2
    assert report.corpus.pair("amal", "karim").exact["GPE"].f1 == 1


def test_unknown_or_too_few_annotators_are_refused(project: ProjectStore, ids: list[str]) -> None:
    with pytest.raises(ValidationError, match="'zaid'"):
        project_agreement(project, ["amal", "zaid"])
    with pytest.raises(ValidationError, match="two annotators"):
        project_agreement(project, ["amal"])


def test_report_exports(project: ProjectStore, ids: list[str]) -> None:
    report = project_agreement(project)
    rows = report_csv(report).splitlines()
    assert rows[0] == "scope,document,a,b,label,figure,value"
    assert "corpus,,amal,karim,GPE,spans_exact_f1,1.0" in rows
    page = report_html(report, "تقرير <الاتفاق>")
    assert "تقرير &lt;الاتفاق&gt;" in page and "<script" not in page


def test_agreement_json_and_exports_name_documents_by_the_same_id(
    project: ProjectStore, tmp_path
) -> None:
    import json

    from annotator.services.exporting import ExportOptions, export_project
    from tests.services.test_training_exports import add_done

    doc, _ = add_done(project, "زار أحمد عمّان أمس.", [("عمّان", "GPE")], "amal", "afp-1")
    mention(project, doc, "karim", "عمّان", "GPE")
    finish(project, doc, "karim")
    (entry,) = project_agreement(project).to_dict()["documents"]
    export_project(project, ExportOptions(), tmp_path / "out.jsonl")
    (record,) = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert entry["id"] == record["id"] == "afp-1"
    assert entry["internal_id"] == doc
