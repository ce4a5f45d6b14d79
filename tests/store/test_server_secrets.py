"""A password in a project's URL stays in memory for the run: never in a message, a
traceback, the project, a backup's name or the URL shown and remembered."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from annotator.cli import main
from annotator.core.errors import ProjectError
from annotator.core.server_urls import ServerLocation, scrubbed, without_password
from annotator.services.backups import backup_server_project, server_backup_folder
from annotator.services.locations import data_dir
from annotator.services.projects import default_schema
from annotator.store import create_project, open_project


def test_the_url_shown_has_no_secret_and_keeps_the_rest_as_written() -> None:
    url = ("postgresql://amal:pa%40ss@db.example:5432/news?sslmode=require&password=x1"
           "&application_name=a%26b&sslpassword=keypass")
    assert without_password(url) == (
        "postgresql://amal@db.example:5432/news?sslmode=require&application_name=a%26b"
    )
    assert str(ServerLocation(url)) == without_password(url)


def test_a_message_about_a_url_masks_its_passwords_raw_and_decoded() -> None:
    url = "postgresql://amal:pa%40ss@h/db?sslpassword=k%20ey"
    text = 'invalid: "pa%40ss" then pa@ss and k ey and k%20ey'
    assert scrubbed(text, url) == 'invalid: "***" then *** and *** and ***'


def test_a_url_libpq_cannot_read_is_a_clear_error_without_its_password(capsys) -> None:
    url = "postgresql://amal:s3cr%zzet@127.0.0.1:1/news"
    with pytest.raises(ProjectError, match="not a valid PostgreSQL URL") as caught:
        open_project(url)
    assert "s3cr" not in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__
    assert main(["info", url]) == 1
    err = capsys.readouterr().err
    assert "not a valid PostgreSQL URL" in err and "s3cr" not in err and "Traceback" not in err


def test_a_refused_connection_shows_neither_password() -> None:
    url = "postgresql://amal:hunter2@127.0.0.1:1/news?connect_timeout=2&sslpassword=keypass"
    with pytest.raises(ProjectError, match="cannot connect") as caught:
        open_project(url)
    assert "hunter2" not in str(caught.value) and "keypass" not in str(caught.value)


def test_a_backup_folder_stays_in_the_backups_folder_whatever_the_database_name() -> None:
    folder = server_backup_folder(ServerLocation("postgresql://h/..%2F..%2F..%2Fevil"))
    assert folder.parent == data_dir() / "backups"
    assert "/" not in folder.name and not folder.name.startswith(".")


@pytest.mark.usefixtures("pg_server")
def test_a_password_in_the_url_is_written_nowhere(
    fresh_database: Callable[[], str], tmp_path
) -> None:
    url = fresh_database() + "&password=hunter2"  # the test server trusts its socket
    create_project(url, default_schema()).close()
    with open_project(url) as store:
        values = store.db.execute(
            "SELECT key || '=' || value FROM project_meta UNION ALL "
            "SELECT host || pid FROM sessions"
        ).fetchall()
        assert values and not [v for (v,) in values if "hunter2" in v]
        backup = backup_server_project(store)
        assert "hunter2" not in str(backup) and "hunter2" not in str(store.path)
    with open_project(str(backup)) as copy:
        assert "hunter2" not in repr(copy.db.execute("SELECT * FROM project_meta").fetchall())
    assert b"hunter2" not in backup.read_bytes()
