"""Timelines that cannot be true, within one source.

Checked orders (the first event cannot come after the second):

- signing the contract, call-up and deployment before leaving the unit;
- call-up before deployment, deployment start before its end;
- leaving the unit before crossing the border, crossing before arrival;
- every event on or before the day of the interview;
- a mobilised man called up on or after the decree of 21 September 2022.

An order is broken only when every date given for the first event lies wholly after
every date given for the second, so vague dates never break it. Severity ``high``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ._evidence import evidence
from .model import EVENTS, Claim, DateValue, Evidence, Finding, Source

NAME = "timeline-v1"

#: (earlier, later): the first may not come after the second.
ORDER: tuple[tuple[str, str], ...] = (
    ("contract_signed", "left_unit"),
    ("called_up", "left_unit"),
    ("called_up", "deployment_start"),
    ("deployment_start", "deployment_end"),
    ("deployment_start", "left_unit"),
    ("left_unit", "crossed_border"),
    ("crossed_border", "arrived"),
    ("left_unit", "arrived"),
)

#: Partial mobilisation: presidential decree No. 647 of 21 September 2022.
MOBILISATION_DECREE = dt.date(2022, 9, 21)
_SLACK = dt.timedelta(days=1)


def _after(a: DateValue, b: DateValue) -> bool:
    """``a`` certainly lies after ``b``."""
    return a.start > b.end + _SLACK


def _finding(field: str, message: str, ev: list[Evidence]) -> Finding:
    return Finding("timeline", field, "high", message, tuple(ev), NAME)


def _dated(claims: list[Claim]) -> list[tuple[Claim, DateValue]]:
    return [(c, c.date) for c in claims if c.date is not None]


def check(sources: Sequence[Source]) -> list[Finding]:
    findings = []
    for source in sources:
        for first, second in ORDER:
            a, b = _dated(source.dates.get(first, [])), _dated(source.dates.get(second, []))
            if a and b and all(_after(x, y) for _, x in a for _, y in b):
                findings.append(
                    _finding(
                        f"{first}<{second}",
                        f"{source.id}: {first} ({a[0][1].label}) comes after "
                        f"{second} ({b[0][1].label})",
                        evidence([c for c, _ in a] + [c for c, _ in b]),
                    )
                )
        if source.date is not None:
            day = DateValue(source.date, source.date, "day")
            for event in EVENTS:
                late = [(c, v) for c, v in _dated(source.dates.get(event, [])) if _after(v, day)]
                if late:
                    findings.append(
                        _finding(
                            f"{event}<interview",
                            f"{source.id}: {event} ({late[0][1].label}) is after the interview "
                            f"({source.date.isoformat()})",
                            evidence([c for c, _ in late]),
                        )
                    )
        kinds = {c.value for c in source.facts.get("service_kind", [])}
        called = _dated(source.dates.get("called_up", []))
        mobilised = "mobilised" in kinds and "conscript" not in kinds
        if mobilised and called and all(v.end < MOBILISATION_DECREE for _, v in called):
            findings.append(
                _finding(
                    "mobilisation_decree<called_up",
                    f"{source.id}: mobilised on {called[0][1].label}, before the "
                    f"mobilisation decree of {MOBILISATION_DECREE.isoformat()}",
                    evidence([c for c, _ in called]),
                )
            )
    return findings
