"""Text clean-up that every name goes through before it is compared.

The same name reaches us typed on phones, copied from PDFs and exported from
registers: with stress marks (Влади́мир), typographic apostrophes, tie bars of
the Library of Congress tables (t͡s), upper case and stray punctuation. None of
that distinguishes two people, so it is removed here, once.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold_diacritics", "normalise_name", "split_tokens"]

# Marks that never distinguish names: combining acute/grave used as stress marks
# in Cyrillic, LoC tie bars, and zero-width characters.
_COMBINING_STRESS = {"\u0301", "\u0300"}
_TIE_BARS = {"\u0361", "\ufe20", "\ufe21", "\u035c"}
_ZERO_WIDTH = {"\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad"}
_APOSTROPHES = "'’ʼʹ`´‘ʻ′"
_DOUBLE_APOSTROPHES = 'ʺ″"“”«»'
_SEPARATORS = re.compile(r"[\s,;/()\[\]{}<>|_+:!?*&#@0-9\u00b7\u2027\u30fb\u3000\u060c]+")


def _is_cyrillic(char: str) -> bool:
    return len(char) == 1 and 0x0400 <= ord(char) <= 0x052F


def normalise_name(text: str) -> str:
    """Lower-case, NFC text with stress marks, tie bars and look-alike quotes unified.

    Cyrillic stress accents are dropped (Влади́мир = Владимир); Latin diacritics are
    kept because they carry meaning in some conventions (č = ч in Czech and ISO 9).
    """
    decomposed = unicodedata.normalize("NFD", text)
    kept: list[str] = []
    previous = ""
    for char in decomposed:
        if char in _ZERO_WIDTH or char in _TIE_BARS:
            continue
        if char in _COMBINING_STRESS and (_is_cyrillic(previous) or previous in "aeiouy"):
            continue
        kept.append(char)
        if not unicodedata.combining(char):
            previous = char.lower()
    cleaned = unicodedata.normalize("NFC", "".join(kept)).lower()
    cleaned = cleaned.replace("``", '"').replace("''", '"')
    cleaned = "".join(
        "'" if c in _APOSTROPHES else '"' if c in _DOUBLE_APOSTROPHES else c for c in cleaned
    )
    return cleaned


def fold_diacritics(text: str) -> str:
    """Remove all combining marks (č -> c); used as a fallback and by the naive baseline."""
    decomposed = unicodedata.normalize("NFD", text)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    return folded.replace("ł", "l").replace("Ł", "L").replace("ß", "ss")


def split_tokens(text: str) -> list[str]:
    """Split a raw name into word tokens, keeping initials' dots and hyphens for the parser."""
    return [part for part in _SEPARATORS.split(text) if part and part.strip(".-'\"")]
