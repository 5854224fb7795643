"""Scoring the engine on labelled cases: precision and recall per finding kind.

A case is ``{"name", "input": <check input>, "expected": [{"kind", "field"}, ...]}``.
Findings are matched to expectations on (kind, field), counting repeats.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .engine import check_document
from .model import FINDING_KINDS


@dataclass(slots=True)
class Score:
    """True positives, false positives and false negatives of one finding kind."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


@dataclass(slots=True)
class Evaluation:
    """Scores per finding kind, and the cases where the engine and the labels differ."""

    scores: dict[str, Score] = field(default_factory=lambda: {k: Score() for k in FINDING_KINDS})
    cases: int = 0
    benign_cases: int = 0
    benign_with_findings: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)


def evaluate(cases: Iterable[Mapping[str, object]]) -> Evaluation:
    result = Evaluation()
    for case in cases:
        result.cases += 1
        name = str(case["name"])
        expected_raw = case["expected"]
        if not isinstance(expected_raw, list):
            raise ValueError(f"case {name}: 'expected' must be a list")
        expected = Counter((str(e["kind"]), str(e["field"])) for e in expected_raw)
        report = check_document(case["input"])
        got = Counter((f.kind, f.field) for f in report.findings)
        for kind, fld in expected | got:
            score = result.scores[kind]
            hit = min(expected[(kind, fld)], got[(kind, fld)])
            score.tp += hit
            score.fn += expected[(kind, fld)] - hit
            score.fp += got[(kind, fld)] - hit
            if expected[(kind, fld)] > hit:
                result.misses.append(f"{name}: missed {kind} {fld}")
            if got[(kind, fld)] > hit:
                result.extras.append(f"{name}: extra {kind} {fld}")
        if not expected:
            result.benign_cases += 1
            if got:
                result.benign_with_findings.append(name)
    return result
