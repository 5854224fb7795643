"""Scoring a pair of records (rule version ``sp-link-v1``): evidence, score, decision, reasons.

Each piece of evidence adds to or takes from the log-odds that two records are one person;
the score is the logistic of the sum. ``same`` needs strong names, no conflict of any kind
(dates, unit, gender, names) and either agreeing birth dates or a shared identifier;
``possible`` is agreeing names with a score of at least one half, or any shared identifier
(a shared handle, document number or photo under *different* names is an impostor signal).
Everything else is no candidate. Names alone never make ``same``: namesakes are common.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from safepassage.cores.names import cyrillic_skeleton, surname_gender

from .dates import DateAgreement, compare_dates
from .namematch import NameMatch, compare_names, parsed
from .records import PersonRecord

__all__ = ["RULE_VERSION", "Candidate", "Reason", "score_pair"]

RULE_VERSION = "sp-link-v1"
PRIOR = -3.0
SAME_AT = 0.95
POSSIBLE_AT = 0.5
NAME_WEIGHTS = ((0.95, 4.0), (0.85, 3.0), (0.7, 1.5))
DATE_WEIGHTS = {
    "exact": 3.0,
    "swapped": 2.0,
    "one_digit": 2.0,
    "placeholder": 1.5,
    "year_off_by_one": 1.5,
    "same_year": 1.0,
    "conflict": -6.0,
}
IDENTIFIER_WEIGHTS = {"document": 5.0, "handle": 3.5, "photo": 3.5}
UNIT_SAME, UNIT_DIFFERENT = 1.5, -2.5
NAME_CONFLICT, GENDER_CONFLICT = -5.0, -6.0
IDENTIFIER_TEXT = {
    "document": "same document number",
    "handle": "same contact handle",
    "photo": "same uploaded photo",
}


@dataclass(frozen=True, slots=True)
class Reason:
    """One piece of evidence: a stable ``code`` (for storage and translation), the reader's
    ``text`` (which may quote the names: shown only to whoever may see both records)."""

    code: str
    text: str
    weight: float


@dataclass(frozen=True, slots=True)
class Candidate:
    """A scored pair, ``a`` < ``b``; ``kinds`` name the signals without any value."""

    a: str
    b: str
    score: float
    decision: str
    reasons: tuple[Reason, ...]
    kinds: frozenset[str]
    impostor: bool

    def as_json(self) -> dict[str, object]:
        return {
            "a": self.a,
            "b": self.b,
            "score": self.score,
            "decision": self.decision,
            "reasons": [r.text for r in self.reasons],
        }


@lru_cache(maxsize=400_000)
def inferred_gender(record: PersonRecord) -> str:
    """The record's gender, or what its surnames and patronymics say (empty when unsure)."""
    if record.gender in ("m", "f"):
        return record.gender
    seen: set[str] = set()
    for name in record.names:
        for token in parsed(name).full_tokens:
            if token.forms.script != "cyrillic":
                continue
            skeleton = cyrillic_skeleton(token.forms.text)
            if token.role == "patronymic":
                seen.add("f" if skeleton.endswith("на") else "m")
            elif token.role == "surname" and (found := surname_gender(skeleton)):
                seen.add(found)
    return seen.pop() if len(seen) == 1 else ""


def _name_reasons(names: NameMatch) -> list[Reason]:
    weight = next((w for at, w in NAME_WEIGHTS if names.score >= at and names.matched >= 2), 0.0)
    reasons: list[Reason] = []
    if names.pairs and weight:
        met = "; ".join(p.describe() for p in names.pairs)
        text = f"names agree ({names.score:.2f}): {met}"
        reasons.append(Reason("names", text, weight))
    if names.conflict:
        text = f"names differ: {names.conflict} ('{names.forms[0]}' / '{names.forms[1]}')"
        reasons.append(Reason("names_conflict", text, NAME_CONFLICT))
    return reasons


def _date_reason(dates: DateAgreement) -> list[Reason]:
    if dates.kind == "unknown":
        return []
    return [Reason("date_" + dates.kind, dates.text, DATE_WEIGHTS[dates.kind])]


def _other_reasons(first: PersonRecord, second: PersonRecord) -> list[Reason]:
    reasons: list[Reason] = []
    if first.unit_number and second.unit_number:
        if first.unit_number == second.unit_number:
            reasons.append(Reason("unit_same", "same unit number", UNIT_SAME))
        else:
            reasons.append(Reason("unit_different", "different unit numbers", UNIT_DIFFERENT))
    ours, theirs = first.identifiers(), second.identifiers()
    for kind, weight in IDENTIFIER_WEIGHTS.items():
        if ours[kind] & theirs[kind]:
            reasons.append(Reason(kind, IDENTIFIER_TEXT[kind], weight))
    genders = {inferred_gender(first), inferred_gender(second)}
    if genders == {"m", "f"}:
        reasons.append(Reason("gender_conflict", "different genders", GENDER_CONFLICT))
    return reasons


def _decide(names: NameMatch, reasons: list[Reason], score: float) -> tuple[str, bool]:
    codes = {r.code for r in reasons}
    shared = codes & set(IDENTIFIER_WEIGHTS)
    strong_names = names.matched >= 2 and names.score >= NAME_WEIGHTS[1][0]
    conflict = any(r.weight < 0 for r in reasons)
    impostor = bool(shared) and (not strong_names or "names_conflict" in codes)
    dates_agree = any(c.startswith("date_") for c in codes) and "date_conflict" not in codes
    if strong_names and not conflict and (dates_agree or shared) and score >= SAME_AT:
        return "same", False
    if ("names" in codes and score >= POSSIBLE_AT) or shared:
        return "possible", impostor
    return "", False


def score_pair(first: PersonRecord, second: PersonRecord) -> Candidate | None:
    """Score two records; ``None`` when they are no candidate pair."""
    if first.key == second.key:
        return None
    dates = compare_dates(first.birth_date, first.birth_year, second.birth_date, second.birth_year)
    others = _date_reason(dates) + _other_reasons(first, second)
    best_case = PRIOR + NAME_WEIGHTS[0][1] + sum(r.weight for r in others)
    if best_case < 0 and not {r.code for r in others} & set(IDENTIFIER_WEIGHTS):
        return None  # even identical names could not make it a candidate: skip them
    names = compare_names(first.names, second.names)
    reasons = _name_reasons(names) + others
    score = round(1.0 / (1.0 + math.exp(-(PRIOR + sum(r.weight for r in reasons)))), 4)
    decision, impostor = _decide(names, reasons, score)
    if not decision:
        return None
    if impostor:
        text = "possible impostor: an identifier is shared by records under different names"
        reasons.append(Reason("impostor", text, 0.0))
    a, b = sorted((first.key, second.key))
    kinds = frozenset(r.code.split("_")[0] for r in reasons if r.weight > 0 or r.code == "impostor")
    return Candidate(a, b, score, decision, tuple(reasons), kinds, impostor)
