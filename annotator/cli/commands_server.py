"""`annotator server init|add-user|users|policy`: a project shared by a team on PostgreSQL."""

from __future__ import annotations

import argparse
import getpass
import sys

from annotator.services import team_server

URL_HELP = (
    "the administrator's postgresql:// URL of the project database (a role that may "
    "create roles; its password comes from ~/.pgpass, PGPASSFILE or a service file)"
)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add `annotator server ...`."""
    server = subparsers.add_parser(
        "server",
        help="set up a project shared by a team on a PostgreSQL server",
        description="Set up a project on a PostgreSQL server: one login role per person "
        "(its name is their annotator name), rights enforced by the database.",
    )
    commands = server.add_subparsers(title="server commands", metavar="COMMAND", required=True)

    init = commands.add_parser(
        "init",
        help="create the project, its roles and rights, and the lead's login role",
        description="Create the project in the (empty) database URL names, or secure the "
        "project already there (after `annotator copy`): group roles DB_lead, DB_reviewer and "
        "DB_annotator, grants, row-level security, live-update triggers, and NAME's login role "
        "as lead. Run it again after upgrading annotator.",
    )
    init.add_argument("url", help=URL_HELP)
    init.add_argument("--lead", required=True, help="the lead's login role (annotator name)")
    init.add_argument("--schema", help="label schema JSON (default: ACE 2005)")
    init.add_argument("--name", help="display name (default: the database name)")
    init.set_defaults(run=run_init)

    add = commands.add_parser(
        "add-user",
        help="give a person a role in the project (their login role is made if new)",
        description="Give NAME a role in the project; a person has one role at a time.",
    )
    add.add_argument("url", help=URL_HELP)
    add.add_argument("name", help="the login role, which is also the annotator name")
    add.add_argument("--role", choices=team_server.ROLES, default="annotator")
    add.add_argument(
        "--password", action="store_true",
        help="ask for the person's password (hashed here before it is sent; never stored)",
    )
    add.set_defaults(run=run_add_user)

    users = commands.add_parser("users", help="list the people of the project and their roles")
    users.add_argument("url", help="the project's postgresql:// URL")
    users.set_defaults(run=run_users)

    policy = commands.add_parser(
        "policy",
        help="set the project's policy (run as a lead or the administrator)",
        description="Hide other annotators' work from annotators until a document is "
        "adjudicated (its gold status done), or show it again. Reviewers and leads always "
        "see everything. Without an option, prints the policy.",
    )
    policy.add_argument("url", help="the project's postgresql:// URL")
    choice = policy.add_mutually_exclusive_group()
    choice.add_argument("--hide-others-until-adjudicated", dest="hide", action="store_true",
                        default=None)
    choice.add_argument("--show-others", dest="hide", action="store_false")
    policy.set_defaults(run=run_policy)


def run_init(args: argparse.Namespace) -> int:
    print(team_server.init_server(args.url, args.lead, args.schema, args.name))
    return 0


def run_add_user(args: argparse.Namespace) -> int:
    password = None
    if args.password:
        password = getpass.getpass(f"password for {args.name}: ")
        if password != getpass.getpass("again: "):
            print("annotator: error: the two passwords differ; nothing was changed",
                  file=sys.stderr)
            return 1
    team_server.add_user(args.url, args.name, args.role, password)
    print(f"{args.name} is now {args.role}; they open the project as "
          f"postgresql://{args.name}@HOST/DATABASE")
    return 0


def run_users(args: argparse.Namespace) -> int:
    for member in team_server.users(args.url):
        login = "" if member.can_login else " (cannot log in)"
        print(f"{member.name}\t{member.role}{login}")
    return 0


def run_policy(args: argparse.Namespace) -> int:
    if args.hide is not None:
        team_server.set_hide_policy(args.url, args.hide)
    hidden = team_server.hide_policy(args.url)
    print("other annotators' work is hidden from annotators until adjudicated" if hidden
          else "annotators see each other's work")
    return 0
