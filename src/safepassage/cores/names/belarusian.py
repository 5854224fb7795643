"""Belarusian spellings of names read as their Russian counterparts.

Belarusian writes what Russian spells Владимир Путин as Уладзімір Пуцін, and
Лукашенко as Лукашэнка: д and т soften to дз and ц before soft vowels, an
initial в before a consonant becomes у (ў), unstressed е after a consonant is
written я (яканне: Сяргей, Аляксандр) and the Ukrainian-style -енко surnames end
in -енка. Latin spellings of Belarusian names (Uladzimir Putsin, Aliaksandr
Lukashenka) are decoded into such Cyrillic first. This module undoes those
regular differences to give one more reading of a token, labelled "belarusian";
it never replaces the token's own reading.
"""

from __future__ import annotations

import re

__all__ = ["BELARUSIAN_LATIN", "belarusian_to_russian"]

_CONSONANTS = "бвгджзклмнпрстфхцчшщ"
_SOFT_TS = re.compile("ц(?=[іиеяюёь])")
_INITIAL_U = re.compile(f"^[уў](?=[{_CONSONANTS}])")
_YAKANNE = re.compile(f"(?<=[{_CONSONANTS}])я(?=.*[аеиоуыэюяіё])")
_ENKA = re.compile("[еэ]нка$")
# Patronymics: Уладзіміравіч, Сяргееўна for Владимирович, Сергеевна.
_PATRONYMIC = ((re.compile("авіч$"), "ович"), (re.compile("аўна$"), "овна"))

# Latin text that may spell a Belarusian name (dz, initial u + consonant, ŭ, tsi/ci, ia after
# a consonant, -enka): only such tokens get a Belarusian reading of their decoded forms.
BELARUSIAN_LATIN = re.compile(
    "dz|^u[bcdfghklmnprstvwz]|ŭ|(?:ts|c)i|[bcdfghklmnprstvz](?:ia|ya|ja)|enka$"
)


def belarusian_to_russian(cyrillic: str) -> str:
    """The Russian-style reading of a lower-case Cyrillic token written the Belarusian way."""
    text = cyrillic
    for pattern, replacement in _PATRONYMIC:
        text = pattern.sub(replacement, text)
    text = text.replace("дз", "д").replace("ў", "в")
    text = _SOFT_TS.sub("т", text)
    text = _INITIAL_U.sub("в", text)
    text = _YAKANNE.sub("е", text)
    return _ENKA.sub("енко", text)
