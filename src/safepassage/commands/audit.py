"""``safepassage audit verify``: check the audit trail's hash chain."""

from __future__ import annotations

import argparse
import sys

HELP = "Audit trail tools: 'verify' checks that no entry was altered, removed or reordered."


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    sub.add_parser("verify", help="Recompute the hash chain and report every broken entry.")


def run(args: argparse.Namespace) -> int:
    from safepassage.commands import django_setup

    django_setup()
    from safepassage.apps.audit.actions import record, verify_trail
    from safepassage.apps.audit.models import AuditHead

    problems = verify_trail()
    head = AuditHead.objects.filter(id=1).first()
    count = head.count if head else 0
    for problem in problems:
        print(f"PROBLEM {problem.kind}: {problem.message}", file=sys.stderr)
    if problems:
        print(f"audit trail: {len(problems)} problem(s) found", file=sys.stderr)
        return 1
    record("audit.verify", detail={"via": "cli", "entries": count})
    print(f"audit trail intact: {count} entries verified")
    return 0
