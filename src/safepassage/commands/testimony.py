"""``safepassage testimony check FILE [--out FILE]``: the testimony consistency check.

Reads ``{"interviews": [...], "record": {...}}`` from FILE (``-`` for standard input) and
writes ``{"claims": [...], "findings": [...]}`` as JSON to ``--out`` or standard output.
A malformed input gets one line on standard error naming what is wrong, and exit code 2.
Pure: never touches Django or the database.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from safepassage.cores.testimony import InputError, check_document, loads

HELP = "Check interviews of one person for contradictions, impossible timelines and omissions."

EXIT_OK = 0
EXIT_INPUT = 2


def configure(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="testimony_action", metavar="ACTION", required=True)
    check = actions.add_parser(
        "check",
        help="check interviews (JSON) and print claims and findings (JSON)",
        description="Check the interviews in FILE and write claims and findings as JSON.",
    )
    check.add_argument("file", metavar="FILE", help="input JSON file, or - for standard input")
    check.add_argument("--out", metavar="FILE", help="write the result here (default: stdout)")


def _read(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    try:
        return Path(name).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read input file: {exc.strerror or 'error'}") from None


def run(args: argparse.Namespace) -> int:
    try:
        report = check_document(loads(_read(args.file)))
    except InputError as exc:
        print(f"safepassage testimony check: {exc}", file=sys.stderr)
        return EXIT_INPUT
    output = json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n"
    if args.out:
        try:
            Path(args.out).write_text(output, encoding="utf-8")
        except OSError as exc:
            print(
                f"safepassage testimony check: cannot write output file: {exc.strerror}",
                file=sys.stderr,
            )
            return EXIT_INPUT
    else:
        sys.stdout.write(output)
    return EXIT_OK
