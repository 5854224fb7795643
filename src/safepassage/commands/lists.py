"""``safepassage lists import FILE --name NAME | lists show``: watchlists as managed data.

An import is a new version of the named list (every format the screening core reads); a file
with any problem imports nothing and each problem is printed as ``FILE:LINE: problem`` (never
a line's content). The worker then rescreens the open cases incrementally. Lists describe
listed persons, not clients: no keys are needed to import or show them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from safepassage.commands import database_needs_migrating, django_setup

HELP = "Watchlists: 'lists import FILE --name NAME [--source URL] [--licence TEXT]', 'lists show'."
MAX_PRINTED = 50


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="lists_command", metavar="ACTION", required=True)
    imp = sub.add_parser("import", help="Import a file as a new version of a list.")
    imp.add_argument("file", help="FollowTheMoney JSON lines or CSV file")
    imp.add_argument("--name", required=True, help="list name, e.g. eu-fsf (a-z, 0-9, - _ .)")
    imp.add_argument("--source", default="", help="where the file came from (URL)")
    imp.add_argument("--licence", default="", help="the list's licence")
    sub.add_parser("show", help="Every list version: number, date, persons, state.")


def run(args: argparse.Namespace) -> int:
    django_setup()
    if database_needs_migrating():
        return 2
    if args.lists_command == "import":
        return _import(args)
    return _show()


def _import(args: argparse.Namespace) -> int:
    from safepassage.apps.vetting.lists import (
        ListFileRefused,
        ListImport,
        import_list_file,
        valid_list_name,
    )

    if not valid_list_name(args.name):
        print("error: a list name is 1-64 of a-z, 0-9, '-', '_', '.'", file=sys.stderr)
        return 2
    path = Path(args.file)
    if not path.is_file():
        print("error: cannot read that file", file=sys.stderr)
        return 2
    about = ListImport(args.name, args.source, args.licence)
    try:
        version = import_list_file(path, about, actor_id=None)
    except ListFileRefused as refused:
        for issue in refused.issues[:MAX_PRINTED]:
            print(f"{path.name}:{issue.line}: {issue.problem}", file=sys.stderr)
        more = len(refused.issues) - MAX_PRINTED
        if more > 0:
            print(f"... and {more} more problems", file=sys.stderr)
        print("nothing imported", file=sys.stderr)
        return 1
    print(
        f"{args.name} v{version.number}: {version.entity_count} persons, "
        f"{version.changed_count} new or changed, {version.removed_count} gone; "
        "the worker rescreens the open cases"
    )
    return 0


def _show() -> int:
    from safepassage.apps.vetting.models import ListVersion

    current = {v.pk for v in ListVersion.objects.current()}
    versions = ListVersion.objects.select_related("watchlist").order_by("watchlist__name", "number")
    for v in versions:
        state = "removed" if v.removed_at else ("current" if v.pk in current else "superseded")
        rescreened = "rescreened" if v.rescreened_at else "rescreen pending"
        print(
            f"{v.watchlist.name} v{v.number}\t{v.imported_at:%Y-%m-%d %H:%M}\t"
            f"{v.entity_count} persons\t{state}\t{rescreened}\t{v.fingerprint[:12]}"
        )
    if not current:
        print("no list imported")
    return 0
