"""Surnames built on one stem with different suffixes are different family names.

Богданов and Богдановский, Герасимов and Герасименко, Мельник and Мельников
look alike to an edit distance but are distinct surnames (distinct families);
a typo does not swap a whole suffix. This check runs on skeletons.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["SURNAME_SUFFIXES", "different_surname_suffix", "split_surname_suffix"]

# Skeleton forms, longest first (-ский -> "ски", -ёнок -> "енок").
SURNAME_SUFFIXES: tuple[str, ...] = (
    "ченко",
    "енко",
    "овски",
    "евски",
    "ович",
    "евич",
    "ински",
    "чук",
    "иук",
    "ски",
    "цки",
    "ук",
    "ов",
    "ев",
    "ин",
    "ич",
)


# Suffixes that are spellings of one suffix: -ов/-ев (Чернышов = Чернышёв), -ук/-юк.
_SAME_SUFFIX = {"ев": "ов", "иук": "ук", "евски": "овски", "евич": "ович"}


@lru_cache(maxsize=200_000)
def split_surname_suffix(skeleton: str) -> tuple[str, str]:
    """(stem, suffix) for the longest known suffix that leaves a stem of 3+ letters."""
    for suffix in SURNAME_SUFFIXES:
        if skeleton.endswith(suffix) and len(skeleton) - len(suffix) >= 3:
            return skeleton[: -len(suffix)], suffix
    return skeleton, ""


def different_surname_suffix(first: str, second: str) -> bool:
    """True when both share a stem but end in different surname suffixes (or one has none)."""
    stem_a, suffix_a = split_surname_suffix(first)
    stem_b, suffix_b = split_surname_suffix(second)
    if _SAME_SUFFIX.get(suffix_a, suffix_a) == _SAME_SUFFIX.get(suffix_b, suffix_b):
        return False
    if stem_a == stem_b:
        return True
    # Мельник / Мельников: one is the other's stem plus a suffix.
    return (not suffix_a and first == stem_b) or (not suffix_b and second == stem_a)
