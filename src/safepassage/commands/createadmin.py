"""``safepassage createadmin``: the first coordinator of an organisation.

The operator never chooses or learns the password: the command prints a one-time
setup link that the coordinator opens to choose it, then enrols two-factor sign-in.
"""

from __future__ import annotations

import argparse
import re
import sys
import zoneinfo

HELP = "Create an organisation's coordinator account and print its one-time setup link."
_SLUG = re.compile(r"^[a-z0-9-]{2,40}$")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--organisation", required=True, help="organisation slug, e.g. northern-route"
    )
    parser.add_argument("--name", help="organisation's display name (when it is created)")
    parser.add_argument(
        "--username", required=True, help="the coordinator's username (not a real name)"
    )
    parser.add_argument(
        "--time-zone",
        help="the organisation's IANA time zone, e.g. Europe/Paris: its 'today' for deadlines "
        "and date checks (default: the server's, UTC)",
    )
    parser.add_argument(
        "--base-url", default="http://127.0.0.1:8000", help="public address used to print the link"
    )


def run(args: argparse.Namespace) -> int:
    from safepassage.commands import django_setup

    if not _SLUG.match(args.organisation):
        print(
            "error: --organisation must be 2-40 lower-case letters, digits or dashes",
            file=sys.stderr,
        )
        return 2
    if args.time_zone and not _known_zone(args.time_zone):
        print("error: --time-zone must be an IANA zone such as Europe/Paris", file=sys.stderr)
        return 2
    django_setup()
    from django.db import transaction

    from safepassage.apps.accounts.members import announce_new_account, issue_setup_token
    from safepassage.apps.accounts.models import Membership, Organisation, User
    from safepassage.apps.accounts.roles import Role
    from safepassage.apps.audit.actions import record

    with transaction.atomic():
        organisation, _ = Organisation.objects.get_or_create(
            slug=args.organisation, defaults={"name": args.name or args.organisation}
        )
        if args.time_zone:
            Organisation.objects.filter(pk=organisation.pk).update(time_zone=args.time_zone)
        if User.objects.filter(username__iexact=args.username).exists():
            print("error: that username is taken", file=sys.stderr)
            return 2
        user = User.objects.create_user(args.username)
        Membership.objects.create(user=user, organisation=organisation, role=Role.COORDINATOR)
        token = issue_setup_token(user)
        announce_new_account(organisation, user)
        record(
            "admin.create_coordinator",
            organisation_id=organisation.pk,
            target_type="user",
            target_ref=str(user.pk),
            detail={"via": "cli"},
        )
    print(f"Coordinator account created (user#{user.pk}). One-time setup link, valid 24 hours:")
    print(f"  {args.base_url.rstrip('/')}/setup/{token}")
    return 0


def _known_zone(name: str) -> bool:
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return False
    return True
