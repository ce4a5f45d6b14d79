"""`annotator server init/add-user/users/policy`: a team's project set up from the shell."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.services.demo import create_demo_project
from annotator.services.projects import open_project
from tests.team_helpers import as_user


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_init_add_users_list_them_and_set_the_policy(
    server_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, "server", "init", server_url, "--lead", "lina")
    assert code == 0 and "created" in out and "lina is its lead" in out
    assert _run(capsys, "server", "add-user", server_url, "amal")[0] == 0
    assert _run(capsys, "server", "add-user", server_url, "rana", "--role", "reviewer")[0] == 0
    code, out, _ = _run(capsys, "server", "users", server_url)
    assert out.splitlines() == ["amal\tannotator", "lina\tlead", "rana\treviewer"]
    code, out, err = _run(capsys, "server", "policy", as_user(server_url, "amal"),
                          "--hide-others-until-adjudicated")
    assert code == 1 and "amal may not change the project's" in err  # no traceback
    code, out, _ = _run(capsys, "server", "policy", as_user(server_url, "lina"),
                        "--hide-others-until-adjudicated")
    assert code == 0 and "hidden" in out
    code, out, _ = _run(capsys, "server", "policy", server_url)
    assert "hidden" in out
    code, _, err = _run(capsys, "server", "add-user", as_user(server_url, "lina"), "sami")
    assert code == 1 and "does not own the project's tables" in err


def test_init_secures_a_project_copied_to_the_server(
    tmp_path: Path, server_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    demo = tmp_path / "demo.annproj"
    create_demo_project(demo).close()
    assert _run(capsys, "copy", str(demo), server_url)[0] == 0
    code, out, _ = _run(capsys, "server", "init", server_url, "--lead", "lina")
    assert code == 0 and "secured the existing project" in out
    with open_project(as_user(server_url, "lina")) as lead:
        assert lead.documents.count() == 8
        assert lead.login_annotator() == "lina"
    code, _, err = _run(capsys, "info", as_user(server_url, "nobody"))
    assert code == 1 and "nobody" in err


def test_users_of_a_project_without_roles_says_what_to_do(
    server_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(capsys, "new", server_url)[0] == 0
    code, _, err = _run(capsys, "server", "users", server_url)
    assert code == 1 and "annotator server init URL --lead NAME" in err


def test_users_as_json_and_a_project_file_refused_by_name(
    tmp_path: Path, server_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(capsys, "server", "init", server_url, "--lead", "lina")[0] == 0
    assert _run(capsys, "server", "add-user", server_url, "amal")[0] == 0
    code, out, _ = _run(capsys, "server", "users", server_url, "--json")
    assert code == 0
    assert json.loads(out) == [
        {"name": "amal", "role": "annotator", "can_login": True},
        {"name": "lina", "role": "lead", "can_login": True},
    ]
    file = tmp_path / "مشروع.annproj"
    create_demo_project(file).close()
    code, _, err = _run(capsys, "server", "users", str(file))
    assert code == 1 and "not a PostgreSQL URL" in err and "مشروع.annproj" in err


def test_every_server_command_names_its_project_argument_alike(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for command in ("init", "add-user", "users", "policy"):
        with pytest.raises(SystemExit):
            main(["server", command, "--help"])
        assert "PROJECT" in capsys.readouterr().out.split("\n\n")[0]  # the usage line
