"""The Cyrillic skeleton: the form in which all spellings of a name are compared.

Russian, Ukrainian and the romanisation standards disagree on letters that
never tell two people apart: е/э/ё/є, и/й/ы/і/ї, soft and hard signs,
apostrophes, doubled consonants, and whether я is one letter or "и"+"а". The
skeleton merges exactly those, so Чувиляев, Чувіляєв and the Polish
Czuwiliajew (decoded to чувиляев) all become "чувилиаев".
"""

from __future__ import annotations

import re

__all__ = ["LATIN_LOOKALIKES", "cyrillic_skeleton", "fix_lookalikes"]

_SIBILANT_O = re.compile("([жчшщ])о")

_MERGE = str.maketrans(
    {
        "ё": "е",
        "э": "е",
        "є": "е",
        "й": "и",
        "ы": "и",
        "і": "и",
        "ї": "и",
        "ґ": "г",
        "ў": "в",
        "я": "иа",
        "ю": "иу",
        "ь": None,
        "ъ": None,
        "'": None,
        '"': None,
        "-": None,
        ".": None,
    }
)

# Latin letters that look like Cyrillic ones, found in copy-pasted Cyrillic names.
LATIN_LOOKALIKES = str.maketrans(
    {
        "a": "а",
        "e": "е",
        "o": "о",
        "p": "р",
        "c": "с",
        "x": "х",
        "y": "у",
        "k": "к",
        "m": "м",
        "t": "т",
        "h": "н",
        "b": "в",
        "i": "і",
    }
)


def fix_lookalikes(token: str) -> str:
    """Replace Latin look-alike letters inside a mostly Cyrillic token."""
    return token.translate(LATIN_LOOKALIKES)


def cyrillic_skeleton(cyrillic: str) -> str:
    """Merge the letters that spelling conventions disagree on; collapse doubled letters."""
    # Ukrainian writes Russian ё as йо/ьо (Соловйов = Соловьёв, Йолкін = Ёлкин).
    merged = cyrillic.replace("йо", "ё").replace("ьо", "ё")
    # After ж ч ш щ an ё is pronounced and often written "о" (Горбачов, Chruschtschow).
    merged = _SIBILANT_O.sub(r"\1е", merged).translate(_MERGE)
    out: list[str] = []
    for char in merged:
        if out and out[-1] == char:
            continue
        out.append(char)
    return "".join(out)
