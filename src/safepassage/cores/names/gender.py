"""Gendered name forms: Петров and Петрова, Александр and Александра, are different people.

Spelling tolerance would happily call them near-identical (one letter apart);
a relative of a listed person must not be reported as the person. This module
recognises the Russian and Ukrainian masculine/feminine pairs on skeletons.
"""

from __future__ import annotations

__all__ = ["is_gender_pair", "surname_gender"]

_FEMININE_ADJECTIVAL = "аиа"  # -ая in skeleton form (я -> иа)


def _feminine_of(masculine: str, feminine: str) -> bool:
    if feminine == masculine + "а" and masculine[-1:] not in ("а", "о", "у"):
        return True
    # -ский/-ой/-ый -> -ская/-ая (skeleton "ски" -> "скаиа", "ои" -> "аиа")
    if masculine.endswith("и") and feminine.endswith(_FEMININE_ADJECTIVAL):
        stem = masculine[:-1]
        stem = stem[:-1] if stem.endswith(("о", "и")) else stem
        return feminine[: -len(_FEMININE_ADJECTIVAL)] == stem
    return False


def is_gender_pair(first: str, second: str) -> bool:
    """True when two skeletons are the masculine and feminine form of one name."""
    if len(first) < 3 or len(second) < 3:
        return False
    return _feminine_of(first, second) or _feminine_of(second, first)


def surname_gender(skeleton: str) -> str | None:
    """'m' or 'f' for surnames with a gendered ending (-ов/-ова, -ский/-ская), else None."""
    if skeleton.endswith(("ова", "ева", "ина", "ина", "скаиа", "цкаиа")):
        return "f"
    if skeleton.endswith(("ов", "ев", "ин", "ски", "цки")):
        return "m"
    return None
