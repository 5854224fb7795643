"""``safepassage cases import|export``: bulk movement of cases, all or nothing, audited."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from safepassage.commands import add_share_arguments, django_setup, unseal_from_args

if TYPE_CHECKING:
    from safepassage.apps.accounts.models import Organisation
    from safepassage.apps.cases.transfer.importer import ParseReport

HELP = "Cases in bulk: 'cases import FILE' (JSON lines or CSV), 'cases export', 'cases duplicates'."


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="cases_command", metavar="ACTION", required=True)
    imp = sub.add_parser("import", help="Import cases; a file with any bad row imports nothing.")
    imp.add_argument("file", help="JSON lines (.jsonl) or CSV (.csv) file")
    imp.add_argument("--organisation", required=True, help="slug of the owning organisation")
    imp.add_argument("--format", choices=["auto", "jsonl", "csv"], default="auto")
    imp.add_argument(
        "--encoding", default="auto", help="auto (UTF-8, else Windows-1251), utf-8 or cp1251"
    )
    imp.add_argument("--dry-run", action="store_true", help="check every row, write nothing")
    add_share_arguments(imp)
    exp = sub.add_parser("export", help="Export selected fields of cases (each case audited).")
    exp.add_argument("--organisation", required=True)
    exp.add_argument(
        "--fields", required=True, help="comma separated, e.g. reference,stage,country"
    )
    exp.add_argument("--cases", help="comma separated references (default: every case)")
    exp.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
    exp.add_argument("--out", required=True, help="file to write (must not exist; mode 0600)")
    add_share_arguments(exp)
    dup = sub.add_parser(
        "duplicates", help="Every candidate duplicate pair of all organisations, as JSON lines."
    )
    dup.add_argument("--out", required=True, help="file to write (must not exist; mode 0600)")
    add_share_arguments(dup)


def run(args: argparse.Namespace) -> int:
    django_setup()
    from safepassage.apps.accounts.models import Organisation

    if args.cases_command == "duplicates":
        return _duplicates(args)
    organisation = Organisation.objects.filter(slug=args.organisation).first()
    if organisation is None:
        print("error: no organisation with that slug", file=sys.stderr)
        return 2
    if args.cases_command == "import":
        return _import(args, organisation)
    return _export(args, organisation)


def _import(args: argparse.Namespace, organisation: Organisation) -> int:
    from safepassage.apps.cases.transfer.importer import parse
    from safepassage.apps.cases.transfer.records import check_assignees, check_dates, write_rows

    path = Path(args.file)
    try:
        raw = path.read_bytes()
    except OSError:
        print("error: cannot read that file", file=sys.stderr)
        return 2
    kind = (
        args.format
        if args.format != "auto"
        else ("csv" if path.suffix.lower() == ".csv" else "jsonl")
    )
    report = parse(raw, kind=kind, encoding=args.encoding)
    check_assignees(organisation, report)
    check_dates(organisation, report)
    if report.errors:
        _print_problems(path.name, report)
        return 1
    if args.dry_run:
        print(f"dry run: {len(report.rows)} rows are valid ({report.encoding}); nothing written")
        return 0
    if not unseal_from_args(args):
        print("error: importing needs the server's keys (--share-file)", file=sys.stderr)
        return 2
    references = write_rows(organisation, report.rows)
    print(f"imported {len(references)} cases ({report.encoding})")
    return 0


def _print_problems(name: str, report: ParseReport) -> None:
    """Each problem by line and place, then one count: never a value from the file."""
    for message in report.errors:
        print(f"{name}: {message}", file=sys.stderr)
    where = (
        f" in {len(report.bad_lines)} of {report.row_count} row(s)"
        if report.row_count is not None
        else ""
    )
    print(f"{len(report.errors)} problem(s){where}: nothing imported", file=sys.stderr)


def _export(args: argparse.Namespace, organisation: Organisation) -> int:
    from safepassage.apps.cases.models import Case
    from safepassage.apps.cases.transfer.records import EXPORTABLE, export_cases

    fields = [f.strip() for f in args.fields.split(",") if f.strip()]
    unknown = [f for f in fields if f not in EXPORTABLE]
    if unknown or not fields:
        print(f"error: fields must be among {', '.join(sorted(EXPORTABLE))}", file=sys.stderr)
        return 2
    cases = Case.objects.filter(organisation=organisation).order_by("reference")
    if args.cases:
        wanted = [r.strip() for r in args.cases.split(",") if r.strip()]
        cases = cases.filter(reference__in=wanted)
        if cases.count() != len(set(wanted)):
            print("error: some references are not cases of this organisation", file=sys.stderr)
            return 2
    if not unseal_from_args(args):
        print("error: exporting needs the server's keys (--share-file)", file=sys.stderr)
        return 2
    fd = _new_private_file(args.out)  # before anything is opened or audited
    if fd is None:
        return 2
    try:
        text = export_cases(
            cases.prefetch_related("names"),
            fields,
            kind=args.format,
            actor_id=None,
            organisation_id=organisation.pk,
        )
    except BaseException:
        os.close(fd)
        os.unlink(args.out)  # no partial or empty file is left behind
        raise
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    print(f"exported {cases.count()} cases")
    return 0


def _new_private_file(path: str) -> int | None:
    """A new file only the operator can read (0600), never an existing one; None after
    saying why not."""
    try:
        return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        print("error: the output file exists; choose another name", file=sys.stderr)
    except OSError as error:
        print(f"error: cannot write the output file there ({error.strerror})", file=sys.stderr)
    return None


def _duplicates(args: argparse.Namespace) -> int:
    """Link every case from scratch; one JSON line per pair, ``same`` pairs first."""
    import json

    from safepassage.apps.audit.actions import record
    from safepassage.apps.linkage.linking import link_from_scratch

    if not unseal_from_args(args):
        print("error: finding duplicates needs the server's keys (--share-file)", file=sys.stderr)
        return 2
    fd = _new_private_file(args.out)
    if fd is None:
        return 2
    try:
        pairs = link_from_scratch()
        record("linkage.list_duplicates", detail={"pairs": len(pairs)})
    except BaseException:
        os.close(fd)
        os.unlink(args.out)
        raise
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        for pair in pairs:
            handle.write(json.dumps(pair.as_json(), ensure_ascii=False) + "\n")
    print(f"wrote {len(pairs)} candidate pairs")
    return 0
