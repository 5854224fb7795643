"""``safepassage demo``: a throw-away demonstration server with fictional data."""

from __future__ import annotations

import argparse
import ctypes
import signal
import subprocess
import sys
from pathlib import Path

HELP = "Migrate, load fictional demo data, print the demo logins and serve on 127.0.0.1:8000."

BANNER = """
================================================================================
 SafePassage DEMO - fictional data only. Never put a real case into a demo.
================================================================================
 !! DEMO KEYS: this demo made throw-away unseal shares and keeps them in
 !!   {shares}
 !! and unsealed itself with them. A real server never keeps its shares:
 !! see docs/operator-guide.md for the key ceremony.

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


def _unseal_with_demo_shares() -> str:
    """Create throw-away shares on first run (2 of 3) and unseal with them."""
    from django.conf import settings

    from safepassage.apps.vault import keystore
    from safepassage.apps.vault.unseal import unseal_with

    folder = settings.DATA_DIR / "demo-shares"
    files = [folder / f"share-{i}.txt" for i in (1, 2, 3)]
    if not keystore.state_path().exists():
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        for path, share in zip(files, keystore.initialise(3, 2), strict=True):
            path.write_text(share + "\n", encoding="ascii")
            path.chmod(0o600)
    unseal_with(
        [files[0].read_text(encoding="ascii").strip(), files[1].read_text(encoding="ascii").strip()]
    )
    return str(folder)


def run(args: argparse.Namespace) -> int:
    from safepassage.commands import django_setup

    django_setup()
    from django.core.management import call_command

    from safepassage.apps.vault.unseal import UnsealFailed
    from safepassage.demo.loader import DEMO_PASSWORD, STAFF, load_demo

    call_command("migrate", interactive=False, verbosity=0)
    try:
        shares = _unseal_with_demo_shares()
    except (UnsealFailed, FileNotFoundError):
        print(
            "error: the demo's keys do not match its data; delete the 'var' folder to start "
            "a fresh demo",
            file=sys.stderr,
        )
        return 2
    summary = load_demo()
    roles: dict[str, list[str]] = {}
    for username, slug, role_list in STAFF:
        roles.setdefault(username, []).extend(f"{r.value}@{slug}" for r in role_list)
    lines = "\n".join(f"   {name:<16} {', '.join(roles[name])}" for name in summary.usernames)
    print(BANNER.format(bind=args.bind, users=lines, password=DEMO_PASSWORD, shares=shares))
    if not summary.created:
        print(" (demo data was already loaded; nothing changed)")
    if args.no_serve:
        return 0
    from safepassage.commands.serve import serve

    worker = start_worker(Path(shares))
    print(f" background worker started (pid {worker.pid}): escalations, flags, reminders")
    try:
        serve(args.bind, workers=2)
    finally:
        stop_worker(worker)
    return 0


WORKER_INTERVAL = 30  # seconds: the demo should show escalations and flags soon


def _die_with_parent() -> None:  # pragma: no cover - runs in the child, Linux only
    """Ask Linux to stop the worker if the demo server dies without cleaning up."""
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def start_worker(shares: Path) -> subprocess.Popen[bytes]:
    """``safepassage worker --loop`` beside the demo server, unsealed with the demo shares."""
    command = [
        sys.executable,
        "-c",
        "import sys; from safepassage.cli import main; sys.exit(main(sys.argv[1:]))",
        "worker",
        "--loop",
        "--interval",
        str(WORKER_INTERVAL),
        "--share-file",
        str(shares / "share-1.txt"),
        "--share-file",
        str(shares / "share-2.txt"),
    ]
    return subprocess.Popen(command, preexec_fn=_die_with_parent)  # noqa: S603 - our own argv


def stop_worker(worker: subprocess.Popen[bytes]) -> None:
    """Stop the worker with the server (terminate, then kill if it does not end)."""
    if worker.poll() is not None:
        return
    worker.terminate()
    try:
        worker.wait(timeout=10)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait()
