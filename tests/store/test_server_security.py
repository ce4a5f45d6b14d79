"""Who may do what on a team server, enforced by PostgreSQL: each person connects as
their own login role; row-level security refuses the rest, also to raw SQL."""

from __future__ import annotations

import psycopg
import pytest

from annotator.core.errors import NotAllowedError, ProjectError
from annotator.core.model import AnnotatorKind, Span, Status, new_id
from annotator.services import adjudication, team_server
from annotator.services.opening import open_for_editing
from annotator.store import ProjectStore, open_project
from tests.team_helpers import as_user, database_of, sql_as

pytestmark = pytest.mark.usefixtures("pg_server")


def first_document(store: ProjectStore) -> str:
    return store.documents.summaries()[0].id


def test_an_annotator_cannot_write_anothers_span_through_the_program(connect) -> None:
    amal, karim = connect("amal"), connect("karim")
    doc = first_document(amal)
    amal.annotations.add_span(Span(new_id(), doc, "amal", 0, 4, "GPE"))
    with pytest.raises(NotAllowedError, match="karim may only change their own annotations"):
        karim.annotations.add_span(Span(new_id(), doc, "amal", 5, 9, "GPE"))
    assert [s.start for s in amal.annotations.spans(doc, "amal")] == [0]
    karim.annotations.add_span(Span(new_id(), doc, "karim", 5, 9, "GPE"))  # still usable
    assert len(amal.annotations.spans(doc, "karim")) == 1  # and visible to amal


def test_raw_sql_cannot_change_or_delete_anothers_span(team: str, connect) -> None:
    amal = connect("amal")
    doc = first_document(amal)
    span = Span(new_id(), doc, "amal", 0, 4, "GPE")
    amal.annotations.add_span(span)
    with sql_as(team, "karim") as karim:
        changed = karim.execute("UPDATE spans SET label = 'PER' WHERE id = %s", [span.id])
        assert changed.rowcount == 0
        assert karim.execute("DELETE FROM spans WHERE id = %s", [span.id]).rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            karim.execute(
                "INSERT INTO spans (id, document, annotator, start, \"end\", label, "
                "updated_at) VALUES (%s, (SELECT rowid FROM documents WHERE id = %s), "
                "'amal', 5, 9, 'PER', 'now')", [new_id(), doc]
            )
        # SET ROLE to a group borrows nothing: policies compare with the login role.
        karim.execute(f"SET ROLE {database_of(team)}_annotator")
        assert karim.execute("DELETE FROM spans WHERE id = %s", [span.id]).rowcount == 0
    assert amal.annotations.span(span.id) == span


def test_an_annotator_cannot_change_anothers_status(team: str, connect) -> None:
    amal, karim = connect("amal"), connect("karim")
    doc = first_document(amal)
    amal.annotators.set_status(doc, "amal", Status.DONE)
    with pytest.raises(NotAllowedError, match="karim may only change their own"):
        karim.annotators.set_status(doc, "amal", Status.SKIPPED)
    with sql_as(team, "karim") as conn:
        changed = conn.execute("UPDATE statuses SET status = 'skipped' WHERE annotator = 'amal'")
        assert changed.rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO statuses (document_id, annotator, status, updated_at) "
                "VALUES (%s, 'amal', 'new', 'now') ON CONFLICT (document_id, annotator) "
                "DO UPDATE SET status = 'new'", [doc]
            )
    assert amal.annotators.status(doc, "amal") is Status.DONE
    karim.annotators.set_status(doc, "karim", Status.DONE)
    assert amal.annotators.status(doc, "karim") is Status.DONE


def test_a_reviewer_writes_the_gold_and_an_annotator_cannot(team: str, connect) -> None:
    amal, rana = connect("amal"), connect("rana")
    doc = first_document(amal)
    span = Span(new_id(), doc, "amal", 0, 4, "GPE")
    amal.annotations.add_span(span)
    with pytest.raises(NotAllowedError, match="amal may only add themselves"):
        adjudication.ensure_gold(amal)
    gold = adjudication.ensure_gold(rana)
    adjudication.accept_span(rana, span.id, gold)
    rana.annotators.set_status(doc, gold, Status.DONE)
    assert [s.label for s in amal.annotations.spans(doc, gold)] == ["GPE"]
    other = Span(new_id(), doc, "amal", 5, 9, "PER")
    amal.annotations.add_span(other)
    with pytest.raises(NotAllowedError, match="amal may only change their own annotations"):
        adjudication.accept_span(amal, other.id, gold)
    with sql_as(team, "amal") as conn:
        assert conn.execute("DELETE FROM spans WHERE annotator = %s", [gold]).rowcount == 0
    with pytest.raises(NotAllowedError, match="rana may only change their own"):
        rana.annotations.add_span(Span(new_id(), doc, "amal", 5, 9, "PER"))  # not a person's


def test_only_leads_add_documents_and_assign(connect) -> None:
    amal, rana, lina = connect("amal"), connect("rana"), connect("lina")
    for person in (amal, rana):
        with pytest.raises(NotAllowedError, match="only its leads may"):
            person.documents.add("نص آخر للتجربة", "آخر")
        with pytest.raises(NotAllowedError, match="only its leads may"):
            person.assignments.add([(first_document(person), "amal")])
    lina.documents.add("نص آخر للتجربة", "آخر")
    lina.assignments.add([(first_document(lina), "amal")])
    assert amal.documents.count() == 2


def test_the_hide_policy_hides_others_work_until_adjudicated(team: str, connect) -> None:
    amal, karim, rana = connect("amal"), connect("karim"), connect("rana")
    doc = first_document(amal)
    amal.annotations.add_span(Span(new_id(), doc, "amal", 0, 4, "GPE"))
    amal.annotators.set_status(doc, "amal", Status.DONE)
    assert len(karim.annotations.spans(doc, "amal")) == 1
    with pytest.raises(ProjectError, match="lead"):  # an annotator may not set the policy
        team_server.set_hide_policy(as_user(team, "karim"), True)
    lina = connect("lina")
    lina.annotators.ensure("crf", AnnotatorKind.MODEL)  # a lead's model suggestions
    lina.annotations.add_span(Span(new_id(), doc, "crf", 0, 4, "GPE"))
    team_server.set_hide_policy(as_user(team, "lina"), True)
    assert karim.annotations.spans(doc, "amal") == []
    assert len(karim.annotations.spans(doc, "crf")) == 1  # not a person's work: shown
    assert "amal" not in karim.annotators.status_counts()
    with sql_as(team, "karim") as conn:  # raw SQL sees no more than the program
        rows = conn.execute("SELECT annotator FROM spans").fetchall()
        assert rows == [("crf",)]
    assert len(rana.annotations.spans(doc, "amal")) == 1  # a reviewer sees everything
    assert len(amal.annotations.spans(doc, "amal")) == 1  # and everyone their own
    gold = adjudication.ensure_gold(rana)
    rana.annotators.set_status(doc, gold, Status.DONE)  # adjudicated: shown again
    assert len(karim.annotations.spans(doc, "amal")) == 1
    assert team_server.hide_policy(team)


def test_the_window_annotates_as_the_login_role(team: str) -> None:
    opened = open_for_editing(as_user(team, "amal"), "someone else")
    try:
        assert opened.project.login_annotator == "amal"
        assert opened.session is not None and opened.session.record.annotator == "amal"
    finally:
        opened.close()
    with open_project(team) as admin:
        assert admin.login_annotator() is None  # the administrator is nobody's annotator


def test_users_roles_and_refusals_of_the_set_up(team: str) -> None:
    team_server.add_user(team, "karim", "reviewer")  # a role replaces the one they had
    assert [(m.name, m.role) for m in team_server.users(team)] == [
        ("amal", "annotator"), ("karim", "reviewer"), ("lina", "lead"), ("rana", "reviewer"),
    ]
    with pytest.raises(ProjectError, match="does not own the project's tables"):
        team_server.add_user(as_user(team, "lina"), "sami", "annotator")
    with pytest.raises(ProjectError, match="no role"):
        team_server.add_user(team, "sami", "boss")
    with pytest.raises(ProjectError, match="administrative role"):
        team_server.add_user(team, "postgres", "lead")
    team_server.init_server(team, "lina")  # again (after an upgrade): nothing lost
    assert len(team_server.users(team)) == 4


def test_a_password_is_hashed_before_it_is_sent(team: str) -> None:
    team_server.add_user(team, "sami", "annotator", password="correct horse")
    with sql_as(team, "postgres") as admin:
        stored = admin.execute(
            "SELECT rolpassword FROM pg_authid WHERE rolname = 'sami'"
        ).fetchone()[0]
    assert stored.startswith("SCRAM-SHA-256$") and "correct horse" not in stored


def test_every_table_of_the_project_is_under_row_level_security(team: str) -> None:
    """A migration adding a table must add it to store.pg_security's lists."""
    with sql_as(team, "postgres") as admin:
        open_tables = admin.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND NOT rowsecurity"
        ).fetchall()
    assert open_tables == []
