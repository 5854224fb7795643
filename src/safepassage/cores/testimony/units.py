"""Military unit numbers (в/ч 12345, v/ch, military unit, unité militaire) and unit names
(155-я отдельная бригада морской пехоты, 40th Naval Infantry Brigade, 64e brigade, brigade 155)."""

from __future__ import annotations

import re
from functools import cache

from ._data import load_json
from .model import Claim
from .text import lower

_RU_ADJ = r"[а-яіїє]+(?:-[а-яіїє]+)?(?:ая|ой|ую|ый|ий|ого|ому|ом|ей|ые|ых|ым|ое|ої|ий|ої|у)"
_ORDINAL_SUFFIX = (
    r"(?:\s*-\s*|-)?(?:я|й|ая|ой|ий|ый|го|ого|му|ому|м|ом|ю|ую)(?![\w])"
    r"|(?:th|st|nd|rd|e|ème|eme|er|re)(?![\w])"
)
_NOT_A_UNIT_AFTER = (
    r"(?!\s*(?:дн|недел|месяц|год|лет|человек|солдат|day|week|month|year|people|men|soldier"
    r"|jour|semaine|mois|an|hommes|soldat|km|км|%))"
)


@cache
def _rx() -> tuple[
    re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]
]:
    data = load_json("units.json")
    type_alts = []
    for name, pats in data["types"].items():
        type_alts.append(f"(?P<t_{name}>{'|'.join(pats)})")
    types = "|".join(type_alts)
    latin_adj = "|".join(sorted(data["adjectives_latin"], key=len, reverse=True))
    adjective = rf"(?:{_RU_ADJ}|(?:{latin_adj}))"
    numbers = load_json("numbers.json")
    stems = "|".join(sorted(numbers["ordinal_stems"], key=len, reverse=True))
    tens = "|".join(numbers["ordinal_tens"])
    word = rf"(?:(?:{tens})\s+)?(?:{stems})(?:ая|ой|ую|ый|ий|ого|ому|ом|ья|ей|ью|ьей)"
    flags = 0
    number_first = re.compile(
        rf"(?<![\w/.,-])(?:(?P<num>\d{{1,3}})(?:{_ORDINAL_SUFFIX})?|(?P<numw>{word}))\s+"
        rf"(?:{adjective}\s+){{0,4}}"
        rf"(?<![\w])(?:{types})",
        flags,
    )
    type_first = re.compile(
        rf"(?<![\w])(?:{types})\s+(?:№\s*|no\.?\s*|n°\s*)?(?P<num>\d{{1,3}})(?![\d\w/-])(?![.,]\d)"
        rf"{_NOT_A_UNIT_AFTER}",
        flags,
    )
    strong = "|".join(data["strong_markers"])
    weak = "|".join(data["weak_markers"])
    marker = r"\s*(?:[-–—:]\s*)?(?:(?:№|no\.?|n°|nº|#|number|номер)\s*)?"
    answer_rx = re.compile(data["answer_to_question"], flags)
    strong_rx = re.compile(rf"(?<![\w])(?:{strong}){marker}(?P<num>\d{{4,6}})(?![\d])", flags)
    weak_rx = re.compile(rf"(?<![\w])(?:{weak}){marker}(?P<num>\d{{5}})(?![\d])", flags)
    return number_first, type_first, strong_rx, weak_rx, answer_rx


def _type_of(m: re.Match[str]) -> str:
    for key, value in m.groupdict().items():
        if key.startswith("t_") and value:
            return key[2:]
    return "unit"  # pragma: no cover - every pattern names a type


def _ordinal_words(words: str) -> int:
    numbers = load_json("numbers.json")
    stems = sorted(numbers["ordinal_stems"].items(), key=lambda kv: -len(kv[0]))
    total = 0
    for w in words.lower().split():
        if w in numbers["ordinal_tens"]:
            total += int(numbers["ordinal_tens"][w])
            continue
        total += next((int(v) for k, v in stems if w.startswith(k)), 0)
    return total


def extract_unit_numbers(interview: str, text: str) -> list[Claim]:
    """``unit_number`` claims: the digits as written (leading zeros kept)."""
    _, _, strong, weak, answer = _rx()
    low = lower(text)
    found: dict[tuple[int, int], Claim] = {}
    taken: list[tuple[int, int]] = []
    for rx in (strong, weak, answer):
        for m in rx.finditer(low):
            span = (m.start("num"), m.end("num"))
            if span in found or any(a <= span[0] < b for a, b in taken):
                continue
            taken.append(span)
            where = (m.start(), m.end()) if rx is not answer else span
            quote = text[where[0] : where[1]]
            found[span] = Claim(interview, "unit_number", m["num"], quote, where)
    return sorted(found.values(), key=lambda c: c.span)


def extract_unit_names(interview: str, text: str) -> list[Claim]:
    """``unit_name`` claims: ``<formation> <number>``, such as ``brigade 155``."""
    number_first, type_first, _, _, _ = _rx()
    low = lower(text)
    claims: list[Claim] = []
    occupied: list[tuple[int, int]] = []
    for rx in (number_first, type_first):
        for m in rx.finditer(low):
            if any(m.start() < b and a < m.end() for a, b in occupied):
                continue
            occupied.append((m.start(), m.end()))
            number = int(m["num"]) if m["num"] else _ordinal_words(m["numw"])
            if not number:
                continue
            value = f"{_type_of(m)} {number}"
            quote = text[m.start() : m.end()]
            claims.append(Claim(interview, "unit_name", value, quote, (m.start(), m.end())))
    return sorted(claims, key=lambda c: c.span)
