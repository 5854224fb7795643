"""``safepassage audit verify``: check the audit trail's hash chain."""

from __future__ import annotations

import argparse
import sys

HELP = "Audit trail: 'verify' the hash chain, 'checkpoint' signs its head for a witness."


def configure(parser: argparse.ArgumentParser) -> None:
    from safepassage.commands import add_share_arguments

    sub = parser.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = sub.add_parser(
        "verify",
        help="Recompute the hash chain and report every broken "
        "entry; with --checkpoint, also check signed checkpoints.",
    )
    verify.add_argument(
        "--checkpoint",
        action="append",
        default=[],
        metavar="FILE",
        help="a signed checkpoint file kept by a witness (repeatable)",
    )
    verify.add_argument(
        "--public-key",
        help="the audit public key noted at the key ceremony "
        "(64 hex characters); without it the key in each file is trusted",
    )
    point = sub.add_parser(
        "checkpoint",
        help="Sign the chain's head into a new file in a "
        "folder that a witness keeps (run at least hourly).",
    )
    point.add_argument("--out-dir", required=True, help="folder shared with the witness")
    add_share_arguments(point)
    key = sub.add_parser("public-key", help="Print the audit public key (for the witness).")
    add_share_arguments(key)


def run(args: argparse.Namespace) -> int:
    from safepassage.commands import django_setup, unseal_from_args

    django_setup()
    if args.audit_command in {"checkpoint", "public-key"}:
        if not unseal_from_args(args):
            print("error: signing needs the server's keys (--share-file)", file=sys.stderr)
            return 2
        return _checkpoint(args) if args.audit_command == "checkpoint" else _public_key()
    return _verify(args)


def _public_key() -> int:
    from safepassage.apps.vault.witness import audit_public_key

    print(audit_public_key())
    return 0


def _checkpoint(args: argparse.Namespace) -> int:
    from pathlib import Path

    from safepassage.apps.audit.actions import record
    from safepassage.apps.audit.checkpoints import write_checkpoint
    from safepassage.apps.vault.witness import audit_signing_key

    try:
        path = write_checkpoint(Path(args.out_dir), audit_signing_key())
    except FileExistsError:
        print("no new entries since the last checkpoint; nothing written")
        return 0
    record("audit.checkpoint", detail={"via": "cli"})
    print(f"checkpoint written: {path}")
    return 0


def _verify(args: argparse.Namespace) -> int:
    from pathlib import Path

    from django.conf import settings

    from safepassage.apps.audit.actions import record, verify_trail
    from safepassage.apps.audit.models import AuditHead
    from safepassage.apps.audit.restores import review

    folder = Path(settings.AUDIT_WITNESS_DIR) if settings.AUDIT_WITNESS_DIR else None
    witnessed = review(folder, [Path(p) for p in args.checkpoint], args.public_key)
    problems = [f"PROBLEM {p.kind}: {p.message}" for p in verify_trail()]
    problems += [f"PROBLEM witness: {message}" for message in witnessed.problems]
    head = AuditHead.objects.filter(id=1).first()
    count = head.count if head else 0
    for restore in witnessed.restores:
        print(f"RESTORED: {restore.describe()}")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"audit trail: {len(problems)} problem(s) found", file=sys.stderr)
        return 1
    record("audit.verify", detail={"via": "cli", "entries": count})
    agree = f", {len(args.checkpoint)} checkpoint(s) agree" if args.checkpoint else ""
    restored = (
        f"; restored to an earlier point {len(witnessed.restores)} time(s), see above"
        if witnessed.restores
        else ""
    )
    print(f"audit trail intact: {count} entries verified{agree}{restored}")
    return 0
