"""Kinds of service: conscript, contract, mobilised, officer, PMC, convict unit, volunteer.

A kind stated under a negation (``не был контрактником``, ``not mobilised``,
``pas mobilisé``) is skipped.
"""

from __future__ import annotations

import re
from functools import cache

from ._data import load_json
from ._tables import Table
from .model import Claim
from .text import lower

_NEGATION = re.compile(
    r"(?:\bне|\bни|\bnot|\bnever|\bno|\bpas|\bjamais|\bni|\bnon)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


@cache
def _data() -> tuple[Table, frozenset[frozenset[str]]]:
    data = load_json("service.json")
    table = Table(data["kinds"].items())
    compatible = frozenset(frozenset(pair) for pair in data["compatible"])
    return table, compatible


def service_kinds() -> tuple[str, ...]:
    return tuple(name for name, _ in _data()[0].entries)


def compatible(a: str, b: str) -> bool:
    """Whether one man can truthfully be said to serve as both ``a`` and ``b``."""
    return a == b or frozenset((a, b)) in _data()[1]


def extract_service(interview: str, text: str) -> list[Claim]:
    """``service_kind`` claims whose value is one of :func:`service_kinds`."""
    table, _ = _data()
    claims = []
    for hit in table.find(lower(text)):
        if _NEGATION.search(text, max(0, hit.start - 30), hit.start):
            continue
        quote = text[hit.start : hit.end]
        claims.append(Claim(interview, "service_kind", hit.id, quote, (hit.start, hit.end)))
    return claims
