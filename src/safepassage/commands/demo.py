"""``safepassage demo``: a throw-away demonstration server with fictional data."""

from __future__ import annotations

import argparse

HELP = "Migrate, load fictional demo data, print the demo logins and serve on 127.0.0.1:8000."

BANNER = """
================================================================================
 SafePassage DEMO - fictional data only. Never put a real case into a demo.
================================================================================
 Open http://{bind}/ and sign in as one of:
{users}
 Password for every demo account: {password}

 First sign-in: leave the code empty. You then set up two-factor sign-in: scan
 the QR code with any authenticator app, or, without a phone, print the current
 code for the key shown on the page with:
   .venv/bin/python -c "import pyotp,sys; print(pyotp.TOTP(sys.argv[1]).now())" KEY
================================================================================
"""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--bind", default="127.0.0.1:8000", help="address:port to listen on")
    parser.add_argument("--no-serve", action="store_true", help="load the data, do not serve")


def run(args: argparse.Namespace) -> int:
    from safepassage.commands import django_setup

    django_setup()
    from django.core.management import call_command

    from safepassage.demo.loader import DEMO_PASSWORD, STAFF, load_demo

    call_command("migrate", interactive=False, verbosity=0)
    summary = load_demo()
    roles: dict[str, list[str]] = {}
    for username, slug, role_list in STAFF:
        roles.setdefault(username, []).extend(f"{r.value}@{slug}" for r in role_list)
    lines = "\n".join(f"   {name:<16} {', '.join(roles[name])}" for name in summary.usernames)
    print(BANNER.format(bind=args.bind, users=lines, password=DEMO_PASSWORD))
    if not summary.created:
        print(" (demo data was already loaded; nothing changed)")
    if args.no_serve:
        return 0
    from safepassage.commands.serve import serve

    serve(args.bind, workers=2)
    return 0
