"""Ranks in Russian, Ukrainian, English and French, army and navy, mapped to grades.

Two ranks agree when their grade sets meet: ``старший матрос`` and ``ефрейтор`` are the same
grade, and English ``corporal`` covers both ``ефрейтор`` and ``младший сержант``. A rank
that follows a word like ``командир`` or ``commander``, or precedes a capitalised name
(``капитан Иванов``), is someone else's and is skipped.
"""

from __future__ import annotations

import re
from functools import cache

from ._data import load_json
from ._tables import Table
from .model import Claim
from .text import lower

_NAME_AFTER = re.compile(r"[ \t]+[A-ZА-ЯЁ][a-zа-яё]{2,}")


@cache
def _table() -> tuple[Table, dict[str, frozenset[int]], re.Pattern[str]]:
    data = load_json("ranks.json")
    table = Table((r["id"], r["patterns"]) for r in data["ranks"])
    grades = {r["id"]: frozenset(r["grades"]) for r in data["ranks"]}
    return table, grades, re.compile(data["not_self"], re.IGNORECASE)


def rank_grades(rank_id: str) -> frozenset[int]:
    """The grades a rank id stands for (empty for an unknown id)."""
    return _table()[1].get(rank_id, frozenset())


def rank_ids() -> tuple[str, ...]:
    return tuple(_table()[1])


def extract_ranks(interview: str, text: str) -> list[Claim]:
    """``rank`` claims whose value is a rank id such as ``junior_sergeant``."""
    table, _, not_self = _table()
    claims = []
    for hit in table.find(lower(text)):
        if not_self.search(text, max(0, hit.start - 40), hit.start):
            continue
        if _NAME_AFTER.match(text, hit.end):
            continue
        quote = text[hit.start : hit.end]
        claims.append(Claim(interview, "rank", hit.id, quote, (hit.start, hit.end)))
    return claims
