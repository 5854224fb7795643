"""Scoring a linkage run against the evaluation set's truth: recall by kind, precision of same."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from linkage_evalset import EvalSet, Row


@dataclass
class Tally:
    planted: int = 0
    flagged: int = 0
    same: int = 0

    @property
    def recall(self) -> float:
        return self.flagged / self.planted if self.planted else 1.0


@dataclass
class Evaluation:
    by_kind: dict[str, Tally]
    same_pairs: int
    same_correct: int
    possible_pairs: int
    possible_correct: int
    wrong_same: dict[str, int]  # relation of the two people -> false "same" pairs

    @property
    def same_precision(self) -> float:
        return self.same_correct / self.same_pairs if self.same_pairs else 1.0


def _planted(evalset: EvalSet) -> dict[tuple[str, str], str]:
    by_person: dict[str, list[Row]] = {}
    for row in evalset.rows:
        by_person.setdefault(row.person, []).append(row)
    planted: dict[tuple[str, str], str] = {}
    for rows in by_person.values():
        for i, first in enumerate(rows):
            for second in rows[i + 1 :]:
                scope = "same_org" if first.organisation == second.organisation else "cross_org"
                a, b = sorted((first.key, second.key))
                planted[(a, b)] = f"{second.kind}|{scope}"
    return planted


def evaluate(evalset: EvalSet, candidates: list[Any]) -> Evaluation:
    """Recall of planted duplicates and impostor signals by kind; precision of ``same``."""
    person = {row.key: row.person for row in evalset.rows}
    planted = _planted(evalset)
    for pair, relation in evalset.relations.items():
        if relation == "impostor":
            ids = sorted(pair)
            rows = [next(r.key for r in evalset.rows if r.person == i) for i in ids]
            a, b = sorted(rows)
            planted[(a, b)] = "impostor_signal|any"
    found = {(c.a, c.b): c for c in candidates}
    by_kind: dict[str, Tally] = {}
    for pair, kind in planted.items():
        name_kind, date_kind = ([*kind.split("|")[0].split("+"), ""])[:2]
        scope = kind.split("|")[1]
        hit = found.get(pair)
        for label in {name_kind, date_kind, scope, "overall"} - {""}:
            tally = by_kind.setdefault(label, Tally())
            tally.planted += 1
            tally.flagged += hit is not None
            tally.same += hit is not None and hit.decision == "same"
    wrong_same: dict[str, int] = {}
    counts = {"same": [0, 0], "possible": [0, 0]}
    for candidate in candidates:
        correct = person[candidate.a] == person[candidate.b]
        counts[candidate.decision][0] += 1
        counts[candidate.decision][1] += correct
        if candidate.decision == "same" and not correct:
            relation = evalset.relations.get(
                frozenset((person[candidate.a], person[candidate.b])), "unrelated"
            )
            wrong_same[relation] = wrong_same.get(relation, 0) + 1
    return Evaluation(
        by_kind,
        counts["same"][0],
        counts["same"][1],
        counts["possible"][0],
        counts["possible"][1],
        wrong_same,
    )
