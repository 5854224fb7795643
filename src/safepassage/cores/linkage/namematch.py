"""Comparing the name forms of two records: which forms met, token by token, and how.

Every name form of one record is compared with every form of the other; the best pair of
forms wins. Within a pair, tokens are aligned greedily by similarity (order and role do
not matter: "Petrov Ivan" and "Ivan Petrov" are one name), initials stand for a token that
starts with the same letter, and a token missing from the shorter form (a patronymic left
out) costs nothing. What tells two people apart is kept as a *conflict*: masculine and
feminine forms, two distinct given names, patronymics built on different names.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from safepassage.cores.names import (
    NameToken,
    ParsedName,
    TokenComparison,
    compare_tokens,
    initial_matches,
    parse_name,
)

__all__ = ["NameMatch", "TokenPair", "compare_names", "parsed"]

CONFLICTS = {
    "gendered_form_differs": "masculine and feminine forms",
    "different_given_names": "two distinct given names",
    "different_surname_suffix": "same stem, different surname suffix",
}
INITIAL_SIMILARITY = 0.8
MIN_TOKEN = 0.7


@dataclass(frozen=True, slots=True)
class TokenPair:
    """Two aligned tokens and how they met."""

    first: str
    second: str
    comparison: TokenComparison

    def describe(self) -> str:
        c = self.comparison
        how = c.how.replace("_", " ")
        conventions = " / ".join(x for x in (c.query_convention, c.list_convention) if x)
        tail = f" ({conventions})" if conventions else ""
        detail = f"; {c.detail}" if c.detail else ""
        return f"'{self.first}' ~ '{self.second}': {how}{tail}{detail}"


@dataclass(frozen=True, slots=True)
class NameMatch:
    """The best-matching pair of name forms of two records."""

    score: float
    matched: int
    pairs: tuple[TokenPair, ...]
    conflict: str
    forms: tuple[str, str]


NO_NAMES = NameMatch(0.0, 0, (), "", ("", ""))


@lru_cache(maxsize=400_000)
def parsed(name: str) -> ParsedName:
    return parse_name(name)


def _initial(token: NameToken, other: NameToken) -> TokenComparison | None:
    initial, full = (token, other) if token.is_initial else (other, token)
    if full.is_initial or not initial_matches(initial.raw, full.raw):
        return None
    return TokenComparison(INITIAL_SIMILARITY, "initial_matches")


def _comparison(a: NameToken, b: NameToken) -> TokenComparison | None:
    if a.is_initial or b.is_initial:
        return _initial(a, b)
    return compare_tokens(a.raw, b.raw)


def _patronymic_conflict(first: ParsedName, second: ParsedName, used: set[int]) -> str:
    """Both forms give a patronymic and they were not aligned with each other."""
    ours = [t for t in first.tokens if t.role == "patronymic"]
    theirs = [t for t in second.tokens if t.role == "patronymic"]
    if not ours or not theirs:
        return ""
    best = max(compare_tokens(a.raw, b.raw).similarity for a in ours for b in theirs)
    return "" if best >= MIN_TOKEN else "patronymics built on different names"


def _align(first: ParsedName, second: ParsedName) -> NameMatch:
    scored: list[tuple[float, int, int, TokenComparison]] = []
    for i, a in enumerate(first.tokens):
        for j, b in enumerate(second.tokens):
            found = _comparison(a, b)
            if found is not None and found.similarity > 0:
                scored.append((found.similarity, i, j, found))
    scored.sort(key=lambda item: (-item[0], item[1], item[2]))
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: list[TokenPair] = []
    total = 0.0
    conflict = ""
    for similarity, i, j, found in scored:
        if i in used_a or j in used_b:
            continue
        if found.how in CONFLICTS:
            conflict = conflict or CONFLICTS[found.how]
            continue
        if similarity < MIN_TOKEN:
            continue
        used_a.add(i)
        used_b.add(j)
        total += similarity
        pairs.append(TokenPair(first.tokens[i].raw, second.tokens[j].raw, found))
    full = [p for p in pairs if p.comparison.how != "initial_matches"]
    slots = min(len(first.tokens), len(second.tokens))
    score = total / slots if slots else 0.0
    conflict = conflict or _patronymic_conflict(first, second, used_a)
    return NameMatch(
        round(score, 4), len(full), tuple(pairs), conflict, (first.original, second.original)
    )


def _rank(match: NameMatch) -> tuple[int, float, int]:
    strong = match.matched >= 2
    return (int(strong and not match.conflict), match.score if strong else 0.0, match.matched)


def compare_names(first: tuple[str, ...], second: tuple[str, ...]) -> NameMatch:
    """The best alignment over every pair of name forms (no forms: no match)."""
    best = NO_NAMES
    for a in first:
        pa = parsed(a)
        for b in second:
            found = _align(pa, parsed(b))
            if _rank(found) > _rank(best):
                best = found
    return best
