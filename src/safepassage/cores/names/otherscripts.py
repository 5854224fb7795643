"""Names in scripts other than Cyrillic and Latin, and a sound key to compare them by.

Sanctions lists and the press write a Russian name in Armenian, Georgian, Greek,
Hebrew, Arabic, Persian, Urdu, Devanagari, Bengali, Kannada, Burmese, Khmer,
Chinese, Japanese and Korean. Such a token is romanised with ``anyascii`` (pure
Python, pinned; measured against ICU in ``bench/screening_scripts.py``) and then
read under every Latin convention like any Latin token. Romanisations of
abjads and syllabaries lose vowels and merge consonants (Arabic ``bwtyn``,
Korean ``PuTin``), so such tokens are also compared by a *sound key*: the
consonant classes of the word, vowels dropped, r and l merged (Korean and
Japanese do not tell them apart). Latin and Cyrillic tokens get the same key,
so the index can look a romanised token up by it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from anyascii import anyascii

from .romanise import romanise_icao

__all__ = ["romanise_other", "romanise_with", "sound_key"]

# Greek spells b, d, g as μπ, ντ, γκ; anyascii writes them letter by letter; χ is kh.
_GREEK = (
    (re.compile("ch"), "kh"),
    (re.compile("^mp|(?<=[^aeiouy])mp"), "b"),
    (re.compile("nt"), "d"),
    (re.compile("gk"), "g"),
)
_GROUPS = (
    ("schtsch", "s"), ("shch", "s"), ("tsch", "c"), ("tch", "c"), ("sch", "s"), ("ch", "c"),
    ("sh", "s"), ("zh", "s"), ("kh", "k"), ("gh", "k"), ("ph", "p"), ("bh", "p"), ("th", "t"),
    ("dh", "t"), ("dz", "t"), ("ts", "c"), ("tz", "c"), ("ng", "n"), ("ck", "k"), ("x", "ks"),
)  # fmt: skip
_CLASSES = str.maketrans(
    {
        "p": "p", "b": "p", "f": "p", "v": "p", "w": "p",
        "t": "t", "d": "t", "j": "t",
        "k": "k", "g": "k", "q": "k", "x": "k", "h": None,
        "s": "s", "z": "s", "c": "s",
        "l": "l", "r": "l",
        "m": "m", "n": "n",
        "a": None, "e": None, "i": None, "o": None, "u": None, "y": None,
    }
)  # fmt: skip
_NOT_LETTER = re.compile("[^a-z]")
_GREEK_LETTERS = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")
_KANA = re.compile("[\u3040-\u30ff]")
# Katakana writes ti, di as chi, ji (but cho, chu for ч) and an initial v before a consonant
# as u (ウラジオストク); Russian х as h.
_JAPANESE = (
    (re.compile("chiy"), "ch"),
    (re.compile("chi"), "ti"),
    (re.compile("ji"), "di"),
    (re.compile("^u(?=[^aeiou])"), "v"),
    (re.compile("(?<![csz])h"), "kh"),
)
_HAN = re.compile("[\u4e00-\u9fff]")
# Pinyin x and q are s- and ch-like sounds; h stands for Russian х.
_CHINESE = ((re.compile("x"), "s"), (re.compile("q"), "ch"), (re.compile("(?<![csz])h"), "kh"))
_HANGUL = re.compile("[\uac00-\ud7af\u1100-\u11ff]")
_KOREAN = ((re.compile("(?<![csz])h"), "kh"),)


@lru_cache(maxsize=100_000)
def romanise_other(text: str) -> str:
    """A lower-case Latin transcription of a token in another script ("" if none)."""
    return romanise_with(text, anyascii)


def romanise_with(text: str, transliterate: Callable[[str], str]) -> str:
    """:func:`romanise_other` with another transliterator (the benchmark compares ICU)."""
    latin = transliterate(text).lower()
    if _GREEK_LETTERS.search(text):
        for pattern, replacement in _GREEK:
            latin = pattern.sub(replacement, latin)
    else:
        for script, fixes in (
            (_KANA, _JAPANESE),
            (_HAN, _CHINESE),
            (_HANGUL, _KOREAN),
        ):
            if script.search(text):
                for pattern, replacement in fixes:
                    latin = pattern.sub(replacement, latin)
                break
    return _NOT_LETTER.sub("", latin)


@lru_cache(maxsize=500_000)
def sound_key(text: str) -> str:
    """Consonant classes of a (normalised) token in any script, doubled classes merged.

    ``Владимир``, ``Vladimir``, ``فلاديمير`` (fldymyr) and ``블라디미르`` all give "pltml".
    """
    if any("\u0400" <= c <= "\u052f" for c in text):
        latin = romanise_icao(text).lower()
    elif text.isascii():
        latin = text.lower()
    else:
        latin = romanise_other(text) or anyascii(text).lower()
    latin = _NOT_LETTER.sub("", latin)
    for group, replacement in _GROUPS:
        latin = latin.replace(group, replacement)
    classes = latin.translate(_CLASSES)
    out: list[str] = []
    for char in classes:
        if not out or out[-1] != char:
            out.append(char)
    return "".join(out)
