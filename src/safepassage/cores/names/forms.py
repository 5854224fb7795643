"""Every skeleton a written token can stand for, with the convention behind each.

A Cyrillic token has one skeleton. A Latin token has one per distinct reading
under the romanisation conventions. Tokens in other scripts (Korean, Arabic, ...)
are out of scope: they keep only their own text and match only themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .conventions import conventions, decode_latin
from .normalise import normalise_name
from .scripts import Script, detect_script
from .skeleton import cyrillic_skeleton, fix_lookalikes

__all__ = ["Reading", "TokenForms", "token_forms"]

Reading = tuple[str, str]
"""(skeleton, convention ids joined by ", ")."""


@dataclass(frozen=True, slots=True)
class TokenForms:
    """A normalised token, its script and its (skeleton, convention) readings."""

    text: str
    script: Script
    readings: tuple[Reading, ...]
    skeletons: frozenset[str]


def _cyrillic_readings(token: str) -> tuple[Reading, ...]:
    return ((cyrillic_skeleton(token), "cyrillic"),)


def _label(names: list[str]) -> str:
    return "all conventions" if len(names) == len(conventions()) else ", ".join(names)


def _latin_readings(token: str) -> tuple[Reading, ...]:
    """One reading per skeleton, named after the conventions that read it exactly
    (or, failing any, those that read it with diacritics dropped)."""
    exact: dict[str, list[str]] = {}
    approximate: dict[str, list[str]] = {}
    for cyrillic, names, is_exact in decode_latin(token.replace("-", "")):
        labels = (exact if is_exact else approximate).setdefault(cyrillic_skeleton(cyrillic), [])
        labels.extend(n for n in names if n not in labels)
    for skeleton, labels in approximate.items():
        exact.setdefault(skeleton, labels)
    return tuple((skeleton, _label(labels)) for skeleton, labels in exact.items())


@lru_cache(maxsize=500_000)
def token_forms(raw: str) -> TokenForms:
    """Readings of one token (already split from its name); cached, tokens repeat a lot."""
    text = normalise_name(raw).strip(".-'\"")
    script = detect_script(text)
    if script == "cyrillic":
        readings = _cyrillic_readings(text)
    elif script == "latin":
        readings = _latin_readings(text)
    elif script == "mixed":
        fixed = fix_lookalikes(text)
        if detect_script(fixed) == "cyrillic":
            readings = _cyrillic_readings(fixed)
            script = "cyrillic"
        else:
            readings = _latin_readings(text)
    elif script == "other":
        readings = ((text, "unsupported_script"),)
    else:
        readings = ()
    skeletons = frozenset(skeleton for skeleton, _ in readings)
    return TokenForms(text=text, script=script, readings=readings, skeletons=skeletons)
