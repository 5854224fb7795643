"""Key facts stated in one interview and absent from another.

Facts (unit number, unit name, rank, kind of service) count as stated when any claim of
the field was found; events count as stated when a date was tied to them, and as absent
only when they are not named next to any date (a date the engine could not tie to its
event is not reported as missing). A dated arrival abroad stands for a dated crossing.
Only interviews are compared: the structured record is allowed to be partial.
``medium`` for the unit number, kind of service, call-up or contract and leaving the
unit; ``low`` otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence

from ._evidence import evidence
from .model import FACTS, Claim, Evidence, Finding, Source

NAME = "omission-v1"

OMISSION_EVENTS = (
    "contract_signed",
    "called_up",
    "deployment_start",
    "wounded",
    "left_unit",
    "crossed_border",
)
_MEDIUM = frozenset({"unit_number", "service_kind", "contract_signed", "called_up", "left_unit"})


#: A dated arrival in a third country says when he got out as well as a dated crossing.
EQUIVALENT = {"crossed_border": ("arrived",)}


def _stated(source: Source, field: str) -> list[Claim]:
    if field in FACTS:
        return source.facts.get(field, [])
    claims = list(source.dates.get(field, []))
    for other in EQUIVALENT.get(field, ()):
        claims += source.dates.get(other, [])
    return claims


def check(sources: Sequence[Source]) -> list[Finding]:
    interviews = [s for s in sources if not s.is_record]
    findings = []
    for field in (*FACTS, *OMISSION_EVENTS):
        stated = {s.id: _stated(s, field) for s in interviews}
        present = [sid for sid, claims in stated.items() if claims]
        absent = [s.id for s in interviews if not stated[s.id] and field not in s.near_date]
        if not present or not absent:
            continue
        ev = evidence(c for sid in present for c in stated[sid])
        ev += [Evidence(sid, "", "") for sid in absent]
        findings.append(
            Finding(
                kind="omission",
                field=field,
                severity="medium" if field in _MEDIUM else "low",
                message=f"{field} stated in {', '.join(present)} but not in {', '.join(absent)}",
                evidence=tuple(ev),
                rule=NAME,
            )
        )
    return findings
