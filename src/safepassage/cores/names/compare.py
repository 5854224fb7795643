"""Comparing two name tokens, with the reason for the result.

The order of tests matters and is the algorithm: identical skeleton (the same
name under some convention); given-name and patronymic equivalences; then the
tests that recognise *different* names that look alike (two distinct given
names, a masculine/feminine pair, one stem with two surname suffixes); and
last, spelling distance (optimal string alignment) for typos.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA

from .forms import TokenForms, token_forms
from .gender import is_gender_pair
from .givennames import (
    KIND_LABELS,
    groups_for_skeletons,
    patronymic_groups,
    patronymic_stems,
    stem_is_known,
)
from .surnames import different_surname_suffix

__all__ = ["TokenComparison", "compare_tokens", "initial_matches"]

GENDER_PAIR_SIMILARITY = 0.3
DIFFERENT_NAME_SIMILARITY = 0.4
PATRONYMIC_PREFIX_SIMILARITY = 0.9
GIVEN_NAME_SIMILARITY = {"diminutive": 0.9}
DEFAULT_EQUIVALENT_SIMILARITY = 0.95
MIN_FUZZY = 0.5
# Tokens romanised from another script compared by their consonant classes (sound keys).
SAME_SOUND_SIMILARITY = 0.85
SIMILAR_SOUND_SIMILARITY = 0.8
MIN_SOUND_KEY = 2


@dataclass(frozen=True, slots=True)
class TokenComparison:
    """How alike two tokens are (0..1), how that was found, under which conventions."""

    similarity: float
    how: str
    query_convention: str = ""
    list_convention: str = ""
    detail: str = ""


NO_MATCH = TokenComparison(0.0, "different")


def _exact(query: TokenForms, listed: TokenForms) -> TokenComparison | None:
    listed_map = dict(listed.readings)
    for skeleton, convention in query.readings:
        if skeleton in listed_map:
            return TokenComparison(1.0, "same_name", convention, listed_map[skeleton])
    return None


def _gender_pair(query: TokenForms, listed: TokenForms) -> TokenComparison | None:
    for q_skeleton, q_conv in query.readings:
        for l_skeleton, l_conv in listed.readings:
            if is_gender_pair(q_skeleton, l_skeleton):
                return TokenComparison(
                    GENDER_PAIR_SIMILARITY,
                    "gendered_form_differs",
                    q_conv,
                    l_conv,
                    "masculine and feminine forms of one name",
                )
    return None


def _given_name(query: TokenForms, listed: TokenForms) -> TokenComparison | None:
    query_groups = groups_for_skeletons(query.skeletons)
    if not query_groups:
        return None
    listed_groups = groups_for_skeletons(listed.skeletons)
    shared = sorted(set(query_groups) & set(listed_groups))
    if not shared:
        return None
    group = shared[0]
    kinds = (query_groups[group], listed_groups[group])
    similarity = min(
        GIVEN_NAME_SIMILARITY.get(kinds[0], DEFAULT_EQUIVALENT_SIMILARITY),
        GIVEN_NAME_SIMILARITY.get(kinds[1], DEFAULT_EQUIVALENT_SIMILARITY),
    )
    detail = f"given name '{group}': {KIND_LABELS[kinds[0]]} vs {KIND_LABELS[kinds[1]]}"
    return TokenComparison(similarity, "given_name_equivalent", detail=detail)


def _patronymic_stem_prefix(query: TokenForms, listed: TokenForms) -> TokenComparison | None:
    """Якович (Ukrainian) and Яковлевич: a stem not in the lexicon that prefixes the other."""
    for q_stem, q_gender in patronymic_stems(query.skeletons).items():
        for l_stem, l_gender in patronymic_stems(listed.skeletons).items():
            if q_gender != l_gender or min(len(q_stem), len(l_stem)) < 3:
                continue
            if stem_is_known(q_stem) and stem_is_known(l_stem):
                continue
            if q_stem.startswith(l_stem) or l_stem.startswith(q_stem):
                return TokenComparison(
                    PATRONYMIC_PREFIX_SIMILARITY,
                    "patronymic_equivalent",
                    detail="patronymics built on the same stem",
                )
    return None


def _patronymic(query: TokenForms, listed: TokenForms) -> TokenComparison | None:
    query_groups = patronymic_groups(query.skeletons)
    if not query_groups:
        return _patronymic_stem_prefix(query, listed)
    listed_groups = patronymic_groups(listed.skeletons)
    for group, gender in query_groups.items():
        if group in listed_groups and listed_groups[group] != gender:
            return TokenComparison(
                GENDER_PAIR_SIMILARITY,
                "gendered_form_differs",
                detail=f"patronymics of a son and a daughter of '{group}'",
            )
        if listed_groups.get(group) == gender:
            return TokenComparison(
                DEFAULT_EQUIVALENT_SIMILARITY,
                "patronymic_equivalent",
                detail=f"both patronymics built on given name '{group}'",
            )
    return _patronymic_stem_prefix(query, listed)


def _different_given_names(query: TokenForms, listed: TokenForms) -> TokenComparison | None:
    """Дарья and Мария are one letter apart and two different names."""
    query_groups = groups_for_skeletons(query.skeletons)
    listed_groups = groups_for_skeletons(listed.skeletons)
    if query_groups and listed_groups and not set(query_groups) & set(listed_groups):
        return TokenComparison(
            DIFFERENT_NAME_SIMILARITY, "different_given_names", detail="two distinct given names"
        )
    return None


def _different_suffix(query: TokenForms, listed: TokenForms) -> TokenComparison | None:
    for q_skeleton, q_conv in query.readings:
        for l_skeleton, l_conv in listed.readings:
            if different_surname_suffix(q_skeleton, l_skeleton):
                return TokenComparison(
                    DIFFERENT_NAME_SIMILARITY,
                    "different_surname_suffix",
                    q_conv,
                    l_conv,
                    "same stem, different surname suffix",
                )
    return None


def _spelling_distance(query: TokenForms, listed: TokenForms) -> TokenComparison:
    best = 0.0
    best_pair = ("", "")
    for q_skeleton, q_conv in query.readings:
        for l_skeleton, l_conv in listed.readings:
            score = OSA.normalized_similarity(q_skeleton, l_skeleton, score_cutoff=best)
            if score > best:
                best, best_pair = score, (q_conv, l_conv)
    if best < MIN_FUZZY:
        return NO_MATCH
    return TokenComparison(round(best, 4), "similar_spelling", *best_pair)


def _sound(query: TokenForms, listed: TokenForms) -> TokenComparison | None:
    """A token in another script (Arabic بوتين, Korean 푸틴) against any token, by sound key."""
    if "other" not in (query.script, listed.script):
        return None
    q, l_key = query.sound, listed.sound
    if min(len(q), len(l_key)) < MIN_SOUND_KEY:
        return None
    detail = f"sound keys {q} and {l_key}"
    if q == l_key:
        return TokenComparison(SAME_SOUND_SIMILARITY, "same_sound", "anyascii", detail=detail)
    if OSA.normalized_similarity(q, l_key) >= SIMILAR_SOUND_SIMILARITY:
        return TokenComparison(SIMILAR_SOUND_SIMILARITY, "similar_sound", "anyascii", detail=detail)
    return None


def _compare_forms(query: TokenForms, listed: TokenForms) -> TokenComparison:
    if not query.readings or not listed.readings:
        return NO_MATCH
    for test in (_exact, _given_name, _patronymic, _sound):
        found = test(query, listed)
        if found is not None:
            return found
    spelling = _spelling_distance(query, listed)
    if spelling is NO_MATCH:
        return NO_MATCH  # too far apart for the look-alike tests to matter
    for test in (_gender_pair, _different_given_names, _different_suffix):
        found = test(query, listed)
        if found is not None:
            return found
    return spelling


@lru_cache(maxsize=1_000_000)
def compare_tokens(query: str, listed: str) -> TokenComparison:
    """Compare two raw tokens (any script, any convention)."""
    return _compare_forms(token_forms(query), token_forms(listed))


def initial_matches(initial: str, listed: str) -> bool:
    """Whether an initial ("V", "В", "W") can stand for a full token ("Владимир")."""
    initial_forms = token_forms(initial)
    listed_forms = token_forms(listed)
    firsts = {skeleton[:1] for skeleton in listed_forms.skeletons}
    return any(skeleton[:1] in firsts for skeleton in initial_forms.skeletons)
