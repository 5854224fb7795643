"""``safepassage keys``: the key ceremony, rotation and status."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from safepassage.commands import add_share_arguments, django_setup, unseal_from_args

HELP = "Key ceremony and rotation: 'keys init', 'keys rotate', 'keys status'."


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    init = sub.add_parser("init", help="Create the root key and split it into trustee shares.")
    init.add_argument("--shares", type=int, required=True, help="number of trustees (n)")
    init.add_argument("--threshold", type=int, required=True, help="shares needed (k)")
    init.add_argument(
        "--out-dir",
        help="write share-1.txt ... share-n.txt here (mode 0600) "
        "instead of printing them; hand each file to its trustee, then delete it",
    )
    rotate = sub.add_parser("rotate", help="New key epoch: re-wrap every case key under it.")
    add_share_arguments(rotate)
    rotate.add_argument(
        "--forget-older",
        action="store_true",
        help="also forget every older epoch, including the one current until now "
        "(makes every older backup and shredded case unreadable for good)",
    )
    sub.add_parser("status", help="How many case keys are wrapped under each epoch.")


def run(args: argparse.Namespace) -> int:
    django_setup()
    handler = {"init": _init, "rotate": _rotate, "status": _status}[args.keys_command]
    return handler(args)


def _init(args: argparse.Namespace) -> int:
    from safepassage.apps.audit.actions import record
    from safepassage.apps.vault import keystore

    if not 2 <= args.threshold <= args.shares <= 255:
        print("error: need 2 <= threshold <= shares <= 255", file=sys.stderr)
        return 2
    out_dir = Path(args.out_dir) if args.out_dir else None
    if out_dir and any((out_dir / f"share-{i}.txt").exists() for i in range(1, args.shares + 1)):
        print(
            "error: share files already exist in that folder; refusing to overwrite",
            file=sys.stderr,
        )
        return 2
    if out_dir and not _writable_folder(out_dir):
        print(
            "error: cannot write the share files into that folder (no keys were made)",
            file=sys.stderr,
        )
        return 2
    from django.db import connection

    if "audit_auditentry" not in connection.introspection.table_names():
        print(
            "error: the database is not set up yet: run 'safepassage migrate' first "
            "(no keys were made)",
            file=sys.stderr,
        )
        return 2
    try:
        shares = keystore.initialise(args.shares, args.threshold)
    except keystore.VaultError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    record("keys.init", detail={"shares": args.shares, "threshold": args.threshold})
    if out_dir:
        for index, share in enumerate(shares, start=1):
            fd = os.open(
                out_dir / f"share-{index}.txt", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600
            )
            with os.fdopen(fd, "w", encoding="ascii") as handle:
                handle.write(share + "\n")
        print(
            f"Wrote {len(shares)} share files to {out_dir}. Give each to its trustee and "
            "delete the files; nothing else keeps them."
        )
    else:
        print(
            f"{len(shares)} shares; any {args.threshold} unseal the server. Each is shown "
            "once and kept nowhere: give each to its own trustee now.\n"
        )
        for index, share in enumerate(shares, start=1):
            print(f"  share {index}: {share}")
    shares.clear()
    print(
        f"\nKeyring state written to {keystore.state_path()}. Back it up apart from the "
        "database: without it the shares open nothing."
    )
    return 0


def _writable_folder(folder: Path) -> bool:
    """Make the share folder now: failing after the keys exist would lose the shares."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return False
    return os.access(folder, os.W_OK | os.X_OK)


def _rotate(args: argparse.Namespace) -> int:
    from safepassage.apps.vault.rotation import RotationIncomplete, rotate

    if not unseal_from_args(args):
        print("error: rotation needs the trustees' shares", file=sys.stderr)
        return 2
    try:
        report = rotate(forget_older=args.forget_older)
    except RotationIncomplete as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(
        f"New epoch {report.new_epoch}: re-wrapped {report.rewrapped} case keys. "
        f"Epochs kept: {report.kept}; forgotten: {report.forgotten or 'none'}."
    )
    return 0


def _status(args: argparse.Namespace) -> int:
    from django.db.models import Count

    from safepassage.apps.cases.models import CaseKey
    from safepassage.apps.vault import keystore

    state = keystore.state_path()
    print(f"keyring state: {state} ({'present' if state.exists() else 'MISSING'})")
    rows = CaseKey.objects.values("epoch").annotate(n=Count("id")).order_by("epoch")
    for row in rows:
        print(f"  epoch {row['epoch']}: {row['n']} case keys")
    if not rows:
        print("  no case keys yet")
    return 0
