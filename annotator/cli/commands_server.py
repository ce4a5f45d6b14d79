"""`annotator server init|add-user|users|policy`: a project shared by a team on PostgreSQL."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from dataclasses import asdict
from types import ModuleType

from annotator.cli.arguments import add_command, add_json, add_project
from annotator.core.team import ROLES

ADMIN_URL_HELP = (
    "the administrator's postgresql:// URL of the project database (a role that may "
    "create roles; its password comes from ~/.pgpass, PGPASSFILE or a service file)"
)
URL_HELP = "the project's postgresql:// URL"


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `annotator server ...`."""
    server = subparsers.add_parser(
        "server",
        help="set up a project shared by a team on a PostgreSQL server",
        description="Set up a project on a PostgreSQL server: one login role per person "
        "(its name is their annotator name), rights enforced by the database.",
    )
    commands = server.add_subparsers(title="server commands", metavar="COMMAND", required=True)
    _add_init(commands)
    _add_add_user(commands)
    users = add_command(
        commands,
        "users",
        run_users,
        help="list the people of the project and their roles",
        description="List the people of the project (their login roles) and their roles.",
    )
    add_project(users, URL_HELP)
    add_json(users)
    _add_policy(commands)


def _add_init(commands: argparse._SubParsersAction) -> None:
    init = add_command(
        commands,
        "init",
        run_init,
        help="create the project, its roles and rights, and the lead's login role",
        description="Create the project in the (empty) database URL names, or secure the "
        "project already there (after `annotator copy`): group roles DB_lead, DB_reviewer and "
        "DB_annotator, grants, row-level security, live-update triggers, and NAME's login role "
        "as lead. Run it again after upgrading annotator.",
    )
    add_project(init, ADMIN_URL_HELP)
    init.add_argument("--lead", required=True, help="the lead's login role (annotator name)")
    init.add_argument("--schema", help="label schema JSON (default: ACE 2005)")
    init.add_argument("--name", help="display name (default: the database name)")


def _add_add_user(commands: argparse._SubParsersAction) -> None:
    add = add_command(
        commands,
        "add-user",
        run_add_user,
        help="give a person a role in the project (their login role is made if new)",
        description="Give NAME a role in the project; a person has one role at a time.",
    )
    add_project(add, ADMIN_URL_HELP)
    add.add_argument("name", help="the login role, which is also the annotator name")
    add.add_argument("--role", choices=ROLES, default="annotator")
    add.add_argument(
        "--password", action="store_true",
        help="ask for the person's password (hashed here before it is sent; never stored)",
    )


def _add_policy(commands: argparse._SubParsersAction) -> None:
    policy = add_command(
        commands,
        "policy",
        run_policy,
        help="set the project's policy (run as a lead or the administrator)",
        description="Hide other annotators' work from annotators until a document is "
        "adjudicated (its gold status done), or show it again. Reviewers and leads always "
        "see everything. Without an option, prints the policy.",
    )
    add_project(policy, URL_HELP)
    choice = policy.add_mutually_exclusive_group()
    choice.add_argument("--hide-others-until-adjudicated", dest="hide", action="store_true",
                        default=None)
    choice.add_argument("--show-others", dest="hide", action="store_false")


def _team() -> ModuleType:
    """services.team_server, imported when a server command runs: it brings the
    PostgreSQL client, which no other command needs at start-up."""
    from annotator.services import team_server

    return team_server


# PROJECT is a URL's text as typed (it may carry a password for this run) or, when it is
# no URL, a Path, which team_server refuses naming it: str() passes both on unchanged.


def run_init(args: argparse.Namespace) -> int:
    """Create or secure the project and say what was done."""
    print(_team().init_server(str(args.project), args.lead, args.schema, args.name))
    return 0


def run_add_user(args: argparse.Namespace) -> int:
    """Give a person a role, asking for their password twice when --password is given."""
    password = None
    if args.password:
        password = getpass.getpass(f"password for {args.name}: ")
        if password != getpass.getpass("again: "):
            print("annotator: error: the two passwords differ; nothing was changed",
                  file=sys.stderr)
            return 1
    _team().add_user(str(args.project), args.name, args.role, password)
    print(f"{args.name} is now {args.role}; they open the project as "
          f"postgresql://{args.name}@HOST/DATABASE")
    return 0


def run_users(args: argparse.Namespace) -> int:
    """List the people of the project, one a line (or as JSON)."""
    members = _team().users(str(args.project))
    if args.json:
        print(json.dumps([asdict(m) for m in members], ensure_ascii=False, indent=2))
        return 0
    for member in members:
        login = "" if member.can_login else " (cannot log in)"
        print(f"{member.name}\t{member.role}{login}")
    return 0


def run_policy(args: argparse.Namespace) -> int:
    """Set the hide policy when asked to, then print it."""
    if args.hide is not None:
        _team().set_hide_policy(str(args.project), args.hide)
    hidden = _team().hide_policy(str(args.project))
    print("other annotators' work is hidden from annotators until adjudicated" if hidden
          else "annotators see each other's work")
    return 0
