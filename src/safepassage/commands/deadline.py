"""``safepassage deadline compute|rules``: check a legal deadline without a case.

For lawyers and caseworkers who want the date and its working for one event:
``safepassage deadline compute --rule fr.dublin_appeal --event 2026-03-06`` prints
the rule's title, the act-by date, every step of the calculation and the source in
the chosen language. ``safepassage deadline rules`` lists the rules with their
versions. Pure: never touches Django or the database. A bad rule id, date, seat,
track or manner gets one line on standard error and exit code 2.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, date, datetime

from safepassage.cores.procedures import (
    ProceduresError,
    Rule,
    Suspension,
    compute_deadline,
    default_ruleset,
    describe_result,
    rule_title,
    trigger_label,
)
from safepassage.cores.procedures.i18n import result_word
from safepassage.cores.procedures.i18n.dates import span

HELP = "Compute a legal deadline and show its working, or list the deadline rules."

EXIT_OK = 0
EXIT_INPUT = 2


class InputError(ValueError):
    """A value on the command line that cannot be used; the message says which."""


def configure(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="deadline_action", metavar="ACTION", required=True)
    compute = actions.add_parser("compute", help="compute one deadline and print its working")
    compute.add_argument("--rule", required=True, help="rule id, e.g. fr.dublin_appeal")
    compute.add_argument("--event", required=True, help="event date YYYY-MM-DD (or ISO instant)")
    compute.add_argument(
        "--suspension",
        action="append",
        default=[],
        metavar="START[:END[:LAWYER]]",
        help="legal-aid request date, decision date, date the lawyer was notified",
    )
    compute.add_argument("--court-seat", help="court seat, e.g. DE-BY, FR-67, FR-METRO")
    compute.add_argument("--notified-by", help="manner of notice, e.g. registered_letter_posted")
    compute.add_argument("--track", help="procedure track, e.g. l921_1 or detention")
    compute.add_argument("--claim-date", help="date the asylum claim was made (EU Pact)")
    compute.add_argument("--on", help="compute as of this date (default: today)")
    compute.add_argument("--lang", choices=("en", "fr", "ru"), default="en")
    rules = actions.add_parser("rules", help="list the rules and their versions")
    rules.add_argument("--country", choices=("FR", "DE"), help="only this country's rules")
    rules.add_argument("--lang", choices=("en", "fr", "ru"), default="en")


def _day(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{name} is not a date (YYYY-MM-DD): {value!r}") from None


def _event(value: str) -> date | datetime:
    if "T" not in value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise InputError(f"--event is not a date (YYYY-MM-DD): {value!r}") from None
    try:
        instant = datetime.fromisoformat(value)
    except ValueError:
        raise InputError(f"--event is not a date or ISO instant: {value!r}") from None
    return instant if instant.tzinfo else instant.replace(tzinfo=UTC)


def _suspension(value: str) -> Suspension:
    parts = value.split(":")
    if len(parts) > 3:
        raise InputError(f"--suspension is START[:END[:LAWYER]]: {value!r}")
    start, end, lawyer = (_day(p or None, "--suspension") for p in parts + [""] * (3 - len(parts)))
    if start is None:
        raise InputError(f"--suspension needs a start date: {value!r}")
    try:
        return Suspension(start, end, lawyer_notified=lawyer)
    except ValueError as exc:
        raise InputError(f"--suspension: {exc}") from None


def _sources(rule: Rule, lang: str) -> list[str]:
    lines = [f"{result_word('source', lang)}: {rule.legal_basis}"]
    lines += [f"  {url}" for url in rule.sources]
    if rule.quote:
        lines.append(f'{result_word("quote", lang)}: "{rule.quote}"')
    lines.append(result_word(_verification(rule), lang))
    return lines


def _compute(args: argparse.Namespace) -> str:
    result = compute_deadline(
        args.rule,
        _event(args.event),
        on=_day(args.on, "--on"),
        suspensions=[_suspension(s) for s in args.suspension],
        court_seat=args.court_seat,
        notified_by=args.notified_by,
        track=args.track,
        claim_date=_day(args.claim_date, "--claim-date"),
    )
    text = describe_result(result, args.lang)
    lines = [text["title"], text["summary"]]
    if text["due_if"]:
        lines.append(text["due_if"])
    lines.append("")
    lines += [f"  {n}. {step}" for n, step in enumerate(text["steps"], 1)]
    rule = default_ruleset().version(result.rule_id, result.rule.effective_from)
    return "\n".join([*lines, "", *_sources(rule, args.lang)])


def _verification(rule: Rule) -> str:
    if rule.verified:
        return "verified"
    return "text_verified" if rule.text_verified else "unverified"


def _rules(args: argparse.Namespace) -> str:
    ruleset = default_ruleset()
    lines = []
    for rule_id in ruleset.ids():
        versions = ruleset.versions(rule_id)
        if args.country and versions[0].jurisdiction != args.country:
            continue
        lines.append(f"{rule_id}  {rule_title(rule_id, args.lang)}")
        lines.append(f"    {trigger_label(versions[0].trigger, args.lang)}")
        for v in versions:
            end = v.effective_to.isoformat() if v.effective_to else "…"
            mark = result_word(_verification(v), args.lang)
            tracks = f" tracks: {', '.join(t.name for t in v.tracks)}" if v.tracks else ""
            period = span(v.length, v.unit.value, args.lang)
            lines.append(f"    {v.effective_from} → {end}  {period}  {mark}{tracks}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    try:
        output = _compute(args) if args.deadline_action == "compute" else _rules(args)
    except (InputError, ProceduresError, ValueError, KeyError) as exc:
        plain_key = isinstance(exc, KeyError) and not isinstance(exc, ProceduresError)
        message = exc.args[0] if plain_key and exc.args else exc
        print(f"safepassage deadline: {message}", file=sys.stderr)
        return EXIT_INPUT
    sys.stdout.write(output + "\n")
    return EXIT_OK
