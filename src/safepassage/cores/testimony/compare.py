"""Grouping claims by source and running the comparison rules.

A rule is a module with ``NAME: str`` and ``check(sources) -> list[Finding]``, listed in
:data:`RULES`. Sources are the interviews, in input order, then the structured record.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from . import rules_dates, rules_facts, rules_omission, rules_timeline
from .model import FACTS, Claim, Finding, Interview, Source
from .text import Sentences, fold

Rule = Callable[[Sequence[Source]], list[Finding]]

#: The comparison rules, run in this order. A new rule is one more entry here.
RULES: tuple[tuple[str, Rule], ...] = (
    (rules_facts.NAME, rules_facts.check),
    (rules_dates.NAME, rules_dates.check),
    (rules_timeline.NAME, rules_timeline.check),
    (rules_omission.NAME, rules_omission.check),
)


def source_of(interview: Interview, claims: Sequence[Claim]) -> Source:
    """Group one interview's claims by field."""
    source = Source(interview.id, interview.date)
    add_claims(source, claims)
    sentences = Sentences(fold(interview.text))
    dated = {sentences.index(c.span[0]) for c in claims if c.kind == "date"}
    for claim in claims:
        if claim.kind == "event" and claim.date is None:
            i = sentences.index(claim.span[0])
            if i in dated or (sentences.is_question(i) and i + 1 in dated):
                source.near_date.add(claim.value)
    return source


def add_claims(source: Source, claims: Sequence[Claim]) -> None:
    for claim in claims:
        if claim.kind in FACTS:
            source.facts.setdefault(claim.kind, []).append(claim)
        elif claim.kind == "event":
            source.mentioned.add(claim.value)
            if claim.date is not None:
                source.dates.setdefault(claim.value, []).append(claim)


def compare(sources: Sequence[Source]) -> list[Finding]:
    """Every finding of every rule, in rule order."""
    findings: list[Finding] = []
    for _, rule in RULES:
        findings.extend(rule(sources))
    return findings
