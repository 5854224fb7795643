"""Contradictions between facts: unit number, unit name, rank, kind of service.

Two sources disagree on a field when nothing one says can be true together with anything
the other says: no unit number in common, the same kind of formation with no number in
common, rank grades that do not meet, or kinds of service none of which are compatible.
A man who names two units, or two ranks after a promotion, agrees with a source naming
either. Severity is always ``high``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import combinations

from ._evidence import evidence, says
from .model import Claim, Finding, Source
from .ranks import rank_grades
from .service import compatible

NAME = "facts-v1"


def _units_agree(a: list[Claim], b: list[Claim]) -> bool:
    return bool({c.value.lstrip("0") for c in a} & {c.value.lstrip("0") for c in b})


def _names_agree(a: list[Claim], b: list[Claim]) -> bool:
    def by_type(claims: list[Claim]) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for c in claims:
            kind, _, number = c.value.partition(" ")
            out.setdefault(kind, set()).add(number)
        return out

    ta, tb = by_type(a), by_type(b)
    return all(ta[k] & tb[k] for k in ta.keys() & tb.keys())


def _ranks_agree(a: list[Claim], b: list[Claim]) -> bool:
    ga = frozenset().union(*(rank_grades(c.value) for c in a))
    gb = frozenset().union(*(rank_grades(c.value) for c in b))
    return bool(ga & gb)


def _service_agrees(a: list[Claim], b: list[Claim]) -> bool:
    return any(compatible(x.value, y.value) for x in a for y in b)


AGREE: dict[str, Callable[[list[Claim], list[Claim]], bool]] = {
    "unit_number": _units_agree,
    "unit_name": _names_agree,
    "rank": _ranks_agree,
    "service_kind": _service_agrees,
}


def check(sources: Sequence[Source]) -> list[Finding]:
    findings = []
    for field, agree in AGREE.items():
        involved: dict[str, Source] = {}
        for a, b in combinations(sources, 2):
            ca, cb = a.facts.get(field), b.facts.get(field)
            if ca and cb and not agree(ca, cb):
                involved[a.id] = a
                involved[b.id] = b
        if not involved:
            continue
        ev = evidence(c for s in sources if s.id in involved for c in s.facts[field])
        findings.append(
            Finding(
                kind="contradiction",
                field=field,
                severity="high",
                message=f"{field} differs: {says(ev)}",
                evidence=tuple(ev),
                rule=NAME,
            )
        )
    return findings
