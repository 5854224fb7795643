"""Every skeleton a written token can stand for, with the convention behind each.

A Cyrillic token has one skeleton (two when it may be written the Belarusian
way). A Latin token has one per distinct reading under the romanisation
conventions. A token in another script (Arabic, Korean, ...) is romanised with
anyascii and read like a Latin token. Every token also has a *sound key*
(consonant classes, see ``otherscripts``) by which romanised tokens are compared.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .belarusian import BELARUSIAN_LATIN, belarusian_to_russian
from .conventions import conventions, decode_latin
from .normalise import normalise_name
from .otherscripts import romanise_other, sound_key
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
    sound: str = ""


def _cyrillic_readings(token: str) -> tuple[Reading, ...]:
    own = cyrillic_skeleton(token)
    belarusian = cyrillic_skeleton(belarusian_to_russian(token))
    if belarusian == own:
        return ((own, "cyrillic"),)
    return ((own, "cyrillic"), (belarusian, "belarusian"))


def _label(names: list[str]) -> str:
    return "all conventions" if len(names) == len(conventions()) else ", ".join(names)


def _latin_readings(token: str, prefix: str = "") -> tuple[Reading, ...]:
    """One reading per skeleton, named after the conventions that read it exactly
    (or, failing any, those that read it with diacritics dropped)."""
    exact: dict[str, list[str]] = {}
    approximate: dict[str, list[str]] = {}
    word = token.replace("-", "")
    belarusian = BELARUSIAN_LATIN.search(word) is not None
    for cyrillic, names, is_exact in decode_latin(word):
        labels = (exact if is_exact else approximate).setdefault(cyrillic_skeleton(cyrillic), [])
        labels.extend(n for n in names if n not in labels)
        if belarusian:
            skeleton = cyrillic_skeleton(belarusian_to_russian(cyrillic))
            approximate.setdefault(skeleton, []).extend(("belarusian",))
    for skeleton, labels in approximate.items():
        exact.setdefault(skeleton, labels)
    return tuple(
        (skeleton, prefix + _label(sorted(set(labels), key=labels.index)))
        for skeleton, labels in exact.items()
    )


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
        latin = romanise_other(text)
        readings = (
            _latin_readings(latin, "anyascii, ") if latin else ((text, "unsupported_script"),)
        )
    else:
        readings = ()
    skeletons = frozenset(skeleton for skeleton, _ in readings)
    sound = sound_key(text) if readings else ""
    return TokenForms(text, script, readings, skeletons, sound)
