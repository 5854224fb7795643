"""Matching tables of named regular expressions, the shape ranks, service kinds and events share."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Hit:
    """One match of a table entry: the entry's id and where it matched."""

    id: str
    start: int
    end: int


class Table:
    """Named patterns; ``find`` returns their matches with shorter ones inside longer removed.

    Patterns are written in lower case and run on :func:`.text.lower` text.
    """

    def __init__(self, entries: Iterable[tuple[str, Iterable[str]]]) -> None:
        self.entries = [
            (name, re.compile("|".join(f"(?:{p})" for p in pats))) for name, pats in entries
        ]

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Hit]:
        stop = len(text) if end is None else end
        hits = [
            Hit(name, m.start(), m.end())
            for name, rx in self.entries
            for m in rx.finditer(text, start, stop)
            if m.end() > m.start()
        ]
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        kept: list[Hit] = []
        for h in hits:
            if kept and h.start < kept[-1].end:
                if h.end - h.start > kept[-1].end - kept[-1].start:
                    kept[-1] = h
                continue
            kept.append(h)
        return kept
