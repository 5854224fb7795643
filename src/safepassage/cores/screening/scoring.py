"""Scoring one query name against one listed name, with the reasons.

Tokens are paired greedily by similarity. The name score is the weighted share
of matched evidence: surnames weigh most, then given names, then patronymics.
A part present on both sides that does not match is a conflict and costs its
full weight; a part only one side has costs a little (lists and people often
leave out patronymics). Birth dates and gender then move the score.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from safepassage.cores.names import (
    NameToken,
    ParsedName,
    TokenComparison,
    compare_tokens,
    initial_matches,
)

from .dates import BirthDate, DateOutcome, compare_birth_dates
from .index import NameRecord

__all__ = [
    "NameEvidence",
    "ScoredName",
    "Thresholds",
    "final_score",
    "name_evidence",
    "name_evidence_detail",
    "part_weights",
    "role_code",
    "score_name",
]

ROLE_WEIGHTS = {"s": 1.0, "g": 0.8, "p": 0.5, "u": 0.8, "i": 0.5}
ROLE_NAMES = {"s": "surname", "g": "given", "p": "patronymic", "u": "unknown", "i": "initial"}
TOKEN_MATCH = 0.78
ABSENT_PART_SHARE = 0.3
ROLE_MISMATCH_FACTOR = 0.8
INITIAL_SIMILARITY = 0.75
INITIALS_ONLY_CAP = 0.84
# A surname matched only by spelling distance may be a typo or another family: a person checks.
APPROXIMATE_SURNAME_CAP = 0.84
# Surname agreements found only by spelling distance or by sound key.
APPROXIMATE_HOWS = frozenset({"similar_spelling", "same_sound", "similar_sound"})
SOUND_HOWS = frozenset({"same_sound", "similar_sound"})
DATE_ADJUSTMENTS: dict[DateOutcome, float] = {
    "same": 0.05,
    "year_only": 0.02,
    "same_year_differs": -0.12,
    "conflict": -0.35,
    "unknown": 0.0,
}
GENDER_CONFLICT = -0.25
# Two different patronymics mean two different fathers: a namesake, not the person.
PATRONYMIC_CONFLICT = -0.15


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Scores at or above which a listed person is reported."""

    match: float = 0.85
    possible: float = 0.70


@dataclass
class ScoredName:
    """A score in [0, 1] and the explanation a reviewer reads."""

    score: float
    name_score: float
    parts: list[dict[str, Any]] = field(default_factory=list)
    penalties: list[dict[str, Any]] = field(default_factory=list)
    birth_date: dict[str, Any] = field(default_factory=dict)


def role_code(token: NameToken) -> str:
    """One-letter role code used in records and weights."""
    return token.role[0] if token.role != "unknown" else "u"


def _pair_comparison(q_role: str, l_role: str, query: str, listed: str) -> TokenComparison:
    found = compare_tokens(query, listed)
    known = {"s", "g", "p"}
    if q_role in known and l_role in known and q_role != l_role and found.how != "same_name":
        return TokenComparison(
            round(found.similarity * ROLE_MISMATCH_FACTOR, 4),
            found.how,
            found.query_convention,
            found.list_convention,
            (found.detail + "; " if found.detail else "") + "different name parts",
        )
    return found


def _part(query: str, listed: str, role: str, found: TokenComparison) -> dict[str, Any]:
    part: dict[str, Any] = {
        "query": query,
        "list": listed,
        "role": ROLE_NAMES[role],
        "similarity": found.similarity,
        "how": found.how,
    }
    if found.query_convention:
        part["query_convention"] = found.query_convention
    if found.list_convention:
        part["list_convention"] = found.list_convention
    if found.detail:
        part["detail"] = found.detail
    return part


def part_weights(roles: list[str]) -> list[float]:
    """Weights of a name's full tokens; a double surname (Римский-Корсаков) shares one weight."""
    surnames = roles.count("s")
    return [
        ROLE_WEIGHTS[role] / surnames if role == "s" and surnames > 1 else ROLE_WEIGHTS[role]
        for role in roles
    ]


class _Alignment:
    """Pairs the tokens of a query name and a listed name, and keeps the evidence.

    Evidence is kept as small tuples; dictionaries for the reviewer are built
    only when an explanation is asked for (most scored names are never shown).
    """

    def __init__(self, query: ParsedName, record: NameRecord) -> None:
        self.q_full = [(t.raw, role_code(t)) for t in query.tokens if not t.is_initial]
        self.q_initials = [t.raw for t in query.tokens if t.is_initial]
        listed = list(zip(record.tokens, record.roles, strict=True))
        self.l_full = [(raw, role) for raw, role in listed if role != "i"]
        self.l_initials = [raw for raw, role in listed if role == "i"]
        self.q_weights = part_weights([role for _, role in self.q_full])
        self.l_weights = part_weights([role for _, role in self.l_full])
        self.q_free = set(range(len(self.q_full)))
        self.l_free = set(range(len(self.l_full)))
        self.matched = self.weight = 0.0
        self.parts: list[tuple[str, str, str, TokenComparison]] = []
        self.penalties: list[dict[str, Any]] = []
        self.rejected: dict[int, tuple[int, TokenComparison]] = {}
        self.full_given_matched = self.used_initials = self.approximate_surname = False
        self.patronymic_conflict = self.surname_matched = self.by_sound = False

    def _take(self, w: float, similarity: float) -> None:
        self.matched += w * similarity
        self.weight += w

    def pair_full_tokens(self) -> None:
        pairs = []
        for qi, (q_raw, q_role) in enumerate(self.q_full):
            for li, (l_raw, l_role) in enumerate(self.l_full):
                found = _pair_comparison(q_role, l_role, q_raw, l_raw)
                if found.similarity > 0:
                    pairs.append((found.similarity, qi, li, found))
        pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
        for similarity, qi, li, found in pairs:
            if qi in self.q_free and li in self.l_free and similarity >= TOKEN_MATCH:
                self.q_free.discard(qi)
                self.l_free.discard(li)
                q_role, l_role = self.q_full[qi][1], self.l_full[li][1]
                w = self.l_weights[li] if q_role in ("u", "i") else self.q_weights[qi]
                self._take(w, similarity)
                self.parts.append((self.q_full[qi][0], self.l_full[li][0], l_role, found))
                self.full_given_matched |= l_role in ("g", "u")
                self.surname_matched |= l_role == "s"
                self.approximate_surname |= l_role == "s" and found.how in APPROXIMATE_HOWS
                self.by_sound |= found.how in SOUND_HOWS
            elif similarity < TOKEN_MATCH and qi not in self.rejected:
                self.rejected[qi] = (li, found)

    def pair_initials(self) -> list[str]:
        """Match initials on either side to free full tokens; return unmatched query initials."""
        unmatched = []
        for initial in self.q_initials:
            order = sorted(self.l_free, key=lambda i: "gpus".find(self.l_full[i][1]) % 4)
            li = next((i for i in order if initial_matches(initial, self.l_full[i][0])), None)
            if li is None:
                unmatched.append(initial)
                continue
            self.l_free.discard(li)
            self._take(self.l_weights[li], INITIAL_SIMILARITY)
            found = TokenComparison(INITIAL_SIMILARITY, "initial")
            self.parts.append((initial, self.l_full[li][0], self.l_full[li][1], found))
            self.used_initials = True
        for initial in self.l_initials:
            free = sorted(self.q_free)
            qi = next((i for i in free if initial_matches(initial, self.q_full[i][0])), None)
            if qi is not None:
                self.q_free.discard(qi)
                self._take(self.q_weights[qi], INITIAL_SIMILARITY)
                found = TokenComparison(INITIAL_SIMILARITY, "initial")
                self.parts.append((self.q_full[qi][0], initial, self.q_full[qi][1], found))
                self.used_initials = True
        return unmatched

    def account_unmatched(self, unmatched_initials: list[str]) -> None:
        """A part on both sides that did not match is a conflict; on one side only, a gap."""
        conflicts = bool(self.l_free)
        for qi in sorted(self.q_free):
            q_raw, q_role = self.q_full[qi]
            w = self.q_weights[qi]
            if not conflicts:
                self.weight += w * ABSENT_PART_SHARE
                self.penalties.append(
                    {"reason": "name part missing from list entry", "query": q_raw}
                )
                continue
            self.patronymic_conflict |= q_role == "p" and any(
                self.l_full[li][1] == "p" for li in self.l_free
            )
            self.weight += w
            penalty: dict[str, Any] = {"reason": "name part does not match", "query": q_raw}
            if qi in self.rejected:
                li, found = self.rejected[qi]
                penalty.update(list=self.l_full[li][0], similarity=found.similarity, how=found.how)
            self.penalties.append(penalty)
        for initial in unmatched_initials:
            if conflicts:
                self.weight += ROLE_WEIGHTS["i"]
                self.penalties.append({"reason": "initial does not match", "query": initial})
        if not self.q_free:
            for li in sorted(self.l_free):
                self.weight += self.l_weights[li] * ABSENT_PART_SHARE
                self.penalties.append({"reason": "list entry has a part the query lacks"})

    def name_score(self) -> float:
        score = self.matched / self.weight if self.weight else 0.0
        if self.used_initials and not self.full_given_matched and score > INITIALS_ONLY_CAP:
            score = INITIALS_ONLY_CAP
            self.penalties.append({"reason": "given name known only by its initial", "cap": score})
        if self.approximate_surname and score > APPROXIMATE_SURNAME_CAP:
            score = APPROXIMATE_SURNAME_CAP
            self.penalties.append({"reason": "surname matched only approximately", "cap": score})
        return score


class NameEvidence(NamedTuple):
    """The name part of a score and the facts rule versions weigh beyond it."""

    score: float
    patronymic_conflict: bool
    approximate_surname: bool  # surname matched by spelling distance or sound only
    by_sound: bool  # some part matched only by sound key (another script)
    surname_only: bool  # a surname matched, no given name nor its initial


def name_evidence_detail(query: ParsedName, record: NameRecord) -> NameEvidence:
    """Like :func:`name_evidence`, with what made the agreement weak or strong."""
    alignment = _Alignment(query, record)
    alignment.pair_full_tokens()
    alignment.account_unmatched(alignment.pair_initials())
    return NameEvidence(
        alignment.name_score(),
        alignment.patronymic_conflict,
        alignment.approximate_surname,
        alignment.by_sound,
        alignment.surname_matched
        and not alignment.full_given_matched
        and not alignment.used_initials,
    )


def name_evidence(query: ParsedName, record: NameRecord) -> tuple[float, bool]:
    """The name part of the score and whether patronymics conflict (no explanation).

    Depends only on the two names, so namesakes share it: the screener caches it.
    """
    alignment = _Alignment(query, record)
    alignment.pair_full_tokens()
    alignment.account_unmatched(alignment.pair_initials())
    return alignment.name_score(), alignment.patronymic_conflict


def final_score(
    name_score: float,
    patronymic_conflict: bool,
    birth_date: BirthDate | None,
    record: NameRecord,
    gender: str | None,
    adjustments: Mapping[DateOutcome, float] = DATE_ADJUSTMENTS,
) -> float:
    """Name score moved by patronymic conflict, birth dates and gender, clamped to [0, 1]."""
    score = name_score + (PATRONYMIC_CONFLICT if patronymic_conflict else 0.0)
    score += adjustments[compare_birth_dates(birth_date, record.entity.birth_dates)]
    if gender and record.entity.gender and gender != record.entity.gender:
        score += GENDER_CONFLICT
    return round(min(1.0, max(0.0, score)), 4)


def score_name(
    query: ParsedName,
    record: NameRecord,
    birth_date: BirthDate | None,
    gender: str | None,
    adjustments: Mapping[DateOutcome, float] = DATE_ADJUSTMENTS,
) -> ScoredName:
    """Score one query name against one listed name, with the reasons (v1 date weights
    unless a rule version's are given)."""
    alignment = _Alignment(query, record)
    alignment.pair_full_tokens()
    alignment.account_unmatched(alignment.pair_initials())
    name_score = alignment.name_score()
    penalties = alignment.penalties
    if alignment.patronymic_conflict:
        penalties.append({"reason": "patronymics differ", "adjustment": PATRONYMIC_CONFLICT})
    outcome = compare_birth_dates(birth_date, record.entity.birth_dates)
    if adjustments[outcome] < 0:
        penalties.append({"reason": f"birth date {outcome.replace('_', ' ')}"})
    if gender and record.entity.gender and gender != record.entity.gender:
        penalties.append({"reason": "gender differs", "adjustment": GENDER_CONFLICT})
    score = final_score(
        name_score, alignment.patronymic_conflict, birth_date, record, gender, adjustments
    )
    date_info = {
        "query": str(birth_date) if birth_date else None,
        "list": [str(d) for d in record.entity.birth_dates],
        "outcome": outcome,
        "adjustment": adjustments[outcome],
    }
    parts = [_part(q, listed, role, found) for q, listed, role, found in alignment.parts]
    return ScoredName(score, round(name_score, 4), parts, penalties, date_info)
