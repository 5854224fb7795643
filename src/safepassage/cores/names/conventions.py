"""Romanisation conventions, read backwards: Latin spellings decoded into Cyrillic.

A Latin spelling of a Russian or Ukrainian name was produced by *some*
convention (a passport standard, a library standard, a newspaper's habit, a
neighbouring language's transcription). Decoding it under each convention in
turn gives a few Cyrillic candidates; one of them is (close to) the original,
and comparison happens there. The tables are data (``data/conventions.json``),
each named after the standard it comes from.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

__all__ = ["Convention", "conventions", "decode_latin", "decode_with"]

# Beyond this many Cyrillic readings per convention, further alternatives are ignored:
# the readings differ in letters the skeleton merges anyway, and time is bounded.
MAX_READINGS = 24


@dataclass(frozen=True, slots=True)
class Convention:
    """One romanisation convention as a Latin-to-Cyrillic decoding table."""

    id: str
    label: str
    standard: str
    table: dict[str, tuple[str, ...]]
    final: dict[str, str]
    longest_key: int


def _as_alternatives(value: str | list[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


@cache
def conventions() -> tuple[Convention, ...]:
    """All conventions, loaded once from the package data."""
    raw = json.loads(
        resources.files(__package__).joinpath("data/conventions.json").read_text("utf-8")
    )
    base = {_nfc(k): _as_alternatives(v) for k, v in raw["base"].items()}
    loaded = []
    for item in raw["conventions"]:
        table = dict(base)
        table.update({_nfc(k): _as_alternatives(v) for k, v in item["map"].items()})
        loaded.append(
            Convention(
                id=item["id"],
                label=item["label"],
                standard=item["standard"],
                table=table,
                final={_nfc(k): v for k, v in item["final"].items()},
                longest_key=max(len(k) for k in table),
            )
        )
    return tuple(loaded)


def _strip_marks(char: str) -> str:
    decomposed = unicodedata.normalize("NFD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ł", "l")


def _decode(convention: Convention, word: str) -> tuple[list[str], bool]:
    """Cyrillic readings of a word under one convention, and whether letters outside
    the convention's table had to be read without their diacritics."""
    readings = [""]
    position = 0
    length = len(word)
    used_fallback = False
    while position < length:
        rest = word[position:]
        if rest in convention.final:
            readings = [r + convention.final[rest] for r in readings]
            break
        options: tuple[str, ...] | None = None
        size = 1
        for size in range(min(convention.longest_key, length - position), 0, -1):
            options = convention.table.get(word[position : position + size])
            if options is not None:
                break
        if options is None:
            size = 1
            options = convention.table.get(_strip_marks(word[position]))
            used_fallback = used_fallback or options is not None
        if options is None:
            options = ("",)
        if len(options) == 1 or len(readings) * len(options) > MAX_READINGS:
            readings = [r + options[0] for r in readings]
        else:
            readings = [r + option for r in readings for option in options]
        position += size
    return readings, used_fallback


def decode_with(convention: Convention, word: str) -> list[str]:
    """Every Cyrillic reading of one normalised Latin word under one convention."""
    return _decode(convention, word)[0]


@lru_cache(maxsize=200_000)
def decode_latin(word: str) -> tuple[tuple[str, tuple[str, ...], bool], ...]:
    """Cyrillic readings of a normalised Latin word: (reading, conventions, exact).

    ``exact`` is False when every convention giving the reading had to read
    some letter without its diacritics (č read as c by a table that lacks č).
    """
    exact: dict[str, list[str]] = {}
    approximate: dict[str, list[str]] = {}
    for convention in conventions():
        readings, used_fallback = _decode(convention, word)
        target = approximate if used_fallback else exact
        for reading in readings:
            names = target.setdefault(reading, [])
            if convention.id not in names:
                names.append(convention.id)
    merged = [(reading, tuple(names), True) for reading, names in exact.items()]
    merged += [
        (reading, tuple(names), False)
        for reading, names in approximate.items()
        if reading not in exact
    ]
    return tuple(merged)
