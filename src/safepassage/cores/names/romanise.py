"""Cyrillic to Latin for display: the ICAO Doc 9303 letters, as in Russian passports.

Screening never uses this (it decodes Latin back into Cyrillic under every convention);
it only shows a caseworker how a Cyrillic name is spelt in a current Russian passport.
Source: ICAO Doc 9303, 7th ed., Part 3, section 6 (transliteration of Cyrillic).
"""

from __future__ import annotations

_ICAO: dict[str, str] = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu",
    "я": "ia",
    # Ukrainian and Belarusian letters in the same table.
    "і": "i", "ї": "i", "є": "ie", "ґ": "g", "ў": "u",
}  # fmt: skip


def romanise_icao(text: str) -> str:
    """Transliterate Cyrillic letters the ICAO way; keeps case, leaves other text alone."""
    out = []
    for char in text:
        lower = char.lower()
        latin = _ICAO.get(lower)
        if latin is None:
            out.append(char)
        elif char != lower and latin:
            out.append(
                latin.upper()
                if len(latin) == 1 or _next_is_upper(text, len(out))
                else latin.capitalize()
            )
        else:
            out.append(latin)
    return "".join(out)


def _next_is_upper(text: str, index: int) -> bool:
    """An upper-case word (ЖУКОВ) stays upper-case: ZHUKOV, not ZhUKOV."""
    rest = [c for c in text[index + 1 : index + 2] if c.isalpha()]
    return bool(rest) and rest[0].isupper()
