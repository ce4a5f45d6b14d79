"""A team server read as an attacker would: names that are SQL, rows reached through
their parents, privileges left to PUBLIC or to the leads, roles that nothing binds,
and changes to another's rows that used to change nothing without a word."""

from __future__ import annotations

from collections.abc import Callable

import psycopg
import pytest
from psycopg import sql

from annotator.core.errors import NotAllowedError, ProjectError
from annotator.core.model import Argument, Event, Span, Status, new_id
from annotator.core.notes import Note, NoteKind
from annotator.services import team_server
from annotator.store import ProjectStore
from tests.team_helpers import as_user, database_of, database_url, make_team, sql_as

pytestmark = pytest.mark.usefixtures("pg_server")


def amals_work(amal: ProjectStore) -> tuple[str, Span, Event]:
    """amal's span, event (with the span as its argument), a note, and her status done
    (set by hand: her status no longer follows her annotations)."""
    doc = amal.documents.summaries()[0].id
    span = Span(new_id(), doc, "amal", 0, 4, "GPE")
    amal.annotations.add_span(span)
    event = Event(new_id(), doc, "amal", "Conflict.Attack", 5, 11,
                  (Argument(new_id(), "Place", span.id),))
    amal.annotations.add_event(event)
    amal.notes.set(Note(span.id, NoteKind.SPAN, doc, "amal", "مدينة؟", True))
    amal.annotators.set_status(doc, "amal", Status.DONE)
    return doc, span, event


# -- 0 rows changed was a silent refusal --------------------------------------------


def test_changing_anothers_rows_by_id_is_refused_aloud(connect) -> None:
    amal, karim = connect("amal"), connect("karim")
    doc, span, event = amals_work(amal)
    argument = event.arguments[0]
    attempts = {
        "relabel span": lambda: karim.annotations.relabel_span(span.id, "LOC"),
        "remove span": lambda: karim.annotations.remove_span(span.id),
        "retype event": lambda: karim.annotations.retype_event(event.id, "Conflict.Attack"),
        "remove event": lambda: karim.annotations.remove_event(event.id),
        "remove argument": lambda: karim.annotations.remove_argument(argument.id),
        "argument role": lambda: karim.annotations.set_argument_role(argument.id, "Place"),
        "clear note": lambda: karim.notes.set(Note(span.id, NoteKind.SPAN, doc, "amal", "", False)),
        "clear work": lambda: karim.suggestions.clear_work("amal", [doc]),
    }
    for what, attempt in attempts.items():
        with pytest.raises(NotAllowedError, match="karim may only change their own"):
            attempt()
            pytest.fail(f"{what}: no error")
    assert amal.annotations.span(span.id) == span
    assert amal.annotations.event(event.id) == event
    assert amal.notes.get(span.id, "amal") is not None
    assert amal.annotators.status(doc, "amal") is Status.DONE


def test_ones_own_rows_and_rows_already_gone_change_as_before(connect) -> None:
    amal = connect("amal")
    _, span, event = amals_work(amal)
    amal.annotations.relabel_span(span.id, "LOC")
    amal.annotations.remove_event(event.id)
    amal.annotations.remove_span(span.id)
    assert amal.annotations.spans(span.document_id, "amal") == []
    amal.suggestions.clear_work("amal", [span.document_id])  # nothing left: no refusal


def test_a_reviewer_sees_every_row_but_still_cannot_change_a_persons(connect) -> None:
    amal, rana = connect("amal"), connect("rana")
    _, span, _ = amals_work(amal)
    with pytest.raises(NotAllowedError, match="rana may only change their own"):
        rana.annotations.remove_span(span.id)
    assert amal.annotations.span(span.id) == span


# -- what the hide policy hides, it hides through children too ------------------------


def test_the_hide_policy_hides_arguments_and_confidences_of_hidden_work(
    team: str, connect
) -> None:
    amal = connect("amal")
    amals_work(amal)
    with sql_as(team, "postgres") as admin:  # a confidence, as a model's accepted span keeps
        admin.execute("INSERT INTO span_confidence SELECT id, 0.9 FROM spans")
        admin.execute("INSERT INTO event_confidence SELECT id, 0.8 FROM events")
    team_server.set_hide_policy(as_user(team, "lina"), True)
    with sql_as(team, "karim") as karim:
        for table in ("spans", "events", "event_arguments", "span_confidence",
                      "event_confidence", "notes"):
            count = karim.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            assert count == 0, f"karim reads {count} hidden rows of {table}"
    with sql_as(team, "amal") as own:  # her own children stay hers to read
        assert own.execute("SELECT count(*) FROM event_arguments").fetchone()[0] == 1
        assert own.execute("SELECT count(*) FROM span_confidence").fetchone()[0] == 1
    team_server.set_hide_policy(as_user(team, "lina"), False)
    with sql_as(team, "karim") as karim:
        assert karim.execute("SELECT count(*) FROM event_arguments").fetchone()[0] == 1


# -- privileges -----------------------------------------------------------------------


def test_nobody_but_the_administrator_creates_objects_in_the_schema(
    fresh_database: Callable[[], str],
) -> None:
    """PostgreSQL before 15 lets PUBLIC create in ``public``; init takes that away."""
    url = fresh_database()
    with sql_as(url, "postgres") as admin:
        admin.execute("GRANT CREATE ON SCHEMA public TO PUBLIC")  # as an old cluster has it
    make_team(url)
    for person in ("amal", "lina"):
        with sql_as(url, person) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("CREATE FUNCTION lower(varchar) RETURNS text LANGUAGE sql "
                         "AS 'SELECT ''pwned'''")


def test_a_lead_cannot_put_a_trigger_on_a_table_or_truncate_it(team: str) -> None:
    with sql_as(team, "lina") as lead:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            lead.execute("CREATE TRIGGER spy AFTER INSERT ON spans FOR EACH STATEMENT "
                         "EXECUTE FUNCTION annotator_notify()")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            lead.execute("TRUNCATE spans")
        lead.execute("DELETE FROM spans")  # what a lead may do, row by row under the policies


def test_the_definer_function_has_a_fixed_search_path_and_no_public_execute(team: str) -> None:
    with sql_as(team, "postgres") as admin:
        rows = admin.execute(
            "SELECT p.proname, p.proconfig, has_function_privilege('public', p.oid, 'EXECUTE') "
            "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE n.nspname = 'public' AND p.prosecdef"
        ).fetchall()
    assert rows, "no SECURITY DEFINER function found"
    for name, config, public in rows:
        assert any(c.startswith("search_path=") and c.endswith("pg_temp") for c in config or ())
        assert not public, f"{name} executable by PUBLIC"


def test_a_temporary_table_cannot_stand_in_for_the_text_a_span_is_checked_against(
    team: str,
) -> None:
    """The invariants' trigger functions run as the writer, under the writer's search path."""
    with sql_as(team, "karim") as karim:
        doc, length = karim.execute("SELECT id, length(text) FROM documents").fetchone()
        karim.execute("SET search_path = pg_temp, public")
        karim.execute("CREATE TEMP TABLE documents (id text, text text)")
        karim.execute("INSERT INTO pg_temp.documents VALUES (%s, repeat('x', 10000))", [doc])
        with pytest.raises(psycopg.errors.CheckViolation, match="span ends after the text"):
            karim.execute(
                'INSERT INTO public.spans (id, document, annotator, start, "end", label, '
                "updated_at) VALUES (%s, (SELECT rowid FROM public.documents WHERE id = %s), "
                "'karim', 5, %s, 'GPE', 'now')",
                [new_id(), doc, length + 1000],
            )
    with sql_as(team, "postgres") as admin:
        functions = admin.execute(
            "SELECT proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE n.nspname = 'public' AND p.prolang = (SELECT oid FROM pg_language "
            "WHERE lanname = 'plpgsql') AND p.proname <> 'annotator_notify' AND NOT "
            "coalesce(p.proconfig, '{}') @> ARRAY['search_path=pg_catalog, public, pg_temp']"
        ).fetchall()
    assert functions == []


def test_an_annotator_cannot_escape_with_set_session_authorization(team: str) -> None:
    with sql_as(team, "karim") as karim:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            karim.execute("SET SESSION AUTHORIZATION lina")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            karim.execute(f"SET ROLE {database_of(team)}_lead")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            karim.execute(f"GRANT {database_of(team)}_lead TO karim")


# -- names: SQL in them, and names PostgreSQL would cut short --------------------------


def test_names_that_are_sql_are_only_names(pg_server, fresh_database) -> None:
    name = 'مشروع"; DROP ROLE lina; --'
    with psycopg.connect(pg_server.get_uri(), autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        url = database_url(pg_server, name.replace('"', "%22").replace(" ", "%20")
                           .replace(";", "%3B"))
        person = "o'brien; DROP TABLE spans; --"
        team_server.init_server(url, "lina")
        team_server.add_user(url, person, "annotator", password="it's; a \"secret\"")
        assert [(m.name, m.role) for m in team_server.users(url)] == [
            ("lina", "lead"), (person, "annotator"),
        ]
        with psycopg.connect(pg_server.get_uri(), autocommit=True) as admin:
            groups = admin.execute(
                "SELECT rolname FROM pg_roles WHERE rolname LIKE %s ORDER BY rolname",
                [name.replace("%", r"\%").replace("_", r"\_") + r"\_%"],
            ).fetchall()
            assert [g for (g,) in groups] == [f"{name}_{k}" for k in ("annotator", "lead",
                                                                      "reviewer")]
            assert admin.execute("SELECT 1 FROM pg_roles WHERE rolname = 'lina'").fetchone()
    finally:
        with psycopg.connect(pg_server.get_uri(), autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))


def test_a_person_name_too_long_for_a_role_is_refused(team: str) -> None:
    """PostgreSQL cuts a role name to 63 bytes: two long names would be one role."""
    long_name = "عبد الرحمن بن عبد العزيز الحسيني الهاشمي"  # 40 characters, 75 bytes
    with pytest.raises(ProjectError, match="too long for a PostgreSQL login role"):
        team_server.add_user(team, long_name, "lead")
    with sql_as(team, "postgres") as admin:
        cut = long_name.encode()[:63].decode(errors="ignore")
        assert admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [cut]).fetchone() is None


def test_a_database_name_too_long_for_its_group_roles_is_refused(pg_server) -> None:
    name = "مشروع_الأخبار_العربية_للتدريب"  # 29 characters, 54 bytes: 54 + 10 > 63
    with psycopg.connect(pg_server.get_uri(), autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        url = database_url(pg_server, name)
        with pytest.raises(ProjectError, match="too long for its group roles"):
            team_server.init_server(url, "lina")
        with psycopg.connect(pg_server.get_uri(), autocommit=True) as admin:
            cut = f"{name}_annotator".encode()[:63].decode(errors="ignore")
            assert not admin.execute(
                "SELECT 1 FROM pg_roles WHERE rolname = %s", [cut]
            ).fetchone()
    finally:
        with psycopg.connect(pg_server.get_uri(), autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))


# -- roles nothing would bind ----------------------------------------------------------


def test_a_role_that_bypasses_row_level_security_cannot_be_a_person(team: str) -> None:
    with sql_as(team, "postgres") as admin:
        admin.execute("DROP ROLE IF EXISTS dba_sami")
        admin.execute("CREATE ROLE dba_sami LOGIN BYPASSRLS")
        admin.execute("DROP ROLE IF EXISTS hr_sami")
        admin.execute("CREATE ROLE hr_sami LOGIN CREATEROLE")  # could grant itself the lead's
    try:
        for name in ("dba_sami", "hr_sami"):
            with pytest.raises(ProjectError, match="bypasses row-level security"):
                team_server.add_user(team, name, "annotator")
            assert name not in [m.name for m in team_server.users(team)]
    finally:
        with sql_as(team, "postgres") as admin:
            admin.execute("DROP ROLE dba_sami")
            admin.execute("DROP ROLE hr_sami")


def test_a_gold_made_by_a_reviewer_in_a_persons_name_is_refused(team: str, connect) -> None:
    """A reviewer may add gold annotators; one named like a person to come would make
    that person's work count as gold."""
    with sql_as(team, "rana") as rana:
        rana.execute("INSERT INTO annotators (name, kind, created_at) "
                     "VALUES ('sami', 'gold', 'now')")
    with pytest.raises(ProjectError, match="already an annotator of kind gold"):
        team_server.add_user(team, "sami", "annotator")
