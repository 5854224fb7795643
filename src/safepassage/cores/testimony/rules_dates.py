"""Contradictions between dates of the same event.

Two sources disagree on an event's date when every date one gives lies further from every
date the other gives than the tolerance for the pair's precision (3 days between exact
days, 7 for a month or part of a month, 15 for a season, 30 for a year; see
``model.DATE_SLACK_DAYS``). ``high`` beyond 90 days apart, else ``medium``.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from ._evidence import evidence, says
from .model import EVENTS, Claim, Finding, Source, date_slack

NAME = "dates-v1"
_HIGH_GAP_DAYS = 90


def _gap(a: list[Claim], b: list[Claim]) -> int | None:
    """The smallest gap beyond tolerance between the two lists, or None if any pair agrees."""
    smallest: int | None = None
    for x in a:
        for y in b:
            if x.date is None or y.date is None:
                continue
            gap = x.date.gap_days(y.date)
            if gap <= date_slack(x.date, y.date):
                return None
            smallest = gap if smallest is None else min(smallest, gap)
    return smallest


def check(sources: Sequence[Source]) -> list[Finding]:
    findings = []
    for event in EVENTS:
        involved: set[str] = set()
        widest = 0
        for a, b in combinations(sources, 2):
            da, db = a.dates.get(event), b.dates.get(event)
            if not da or not db:
                continue
            gap = _gap(da, db)
            if gap is not None:
                involved |= {a.id, b.id}
                widest = max(widest, gap)
        if not involved:
            continue
        ev = evidence(c for s in sources if s.id in involved for c in s.dates[event])
        findings.append(
            Finding(
                kind="contradiction",
                field=event,
                severity="high" if widest > _HIGH_GAP_DAYS else "medium",
                message=f"{event} date differs by at least {widest} days: {says(ev)}",
                evidence=tuple(ev),
                rule=NAME,
            )
        )
    return findings
