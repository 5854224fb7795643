"""Places from the shipped gazetteer (``data/gazetteer.csv``) in Cyrillic and Latin spellings.

Russian and Ukrainian names match by stem, so every case form is found (в Казахстане,
под Бахмутом, Белгородской области); names in Latin script match whole words. A match
must start with a capital letter unless it is an adjective (казахстанскую, kazakhe).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ._data import load_csv_rows
from .model import Claim

_TOKEN = re.compile(r"[\w-]+")
_ADJ_ENDINGS = ("ая", "ое", "ый", "ий", "ой", "яя")
_CYRILLIC = re.compile(r"[а-яіїєґ]")
_MAX_ENDING = 5
_MIN_STEM = 4


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    country: str
    kind: str


@dataclass(slots=True)
class _Gazetteer:
    places: dict[str, Place]
    exact: dict[str, str]  # lowercased name (one or more words) -> place id
    stems: dict[str, str]  # Cyrillic stem -> place id
    adjectives: set[str]  # names or stems that may appear in lower case
    longest: int


def _stem(name: str) -> str:
    if name.endswith(_ADJ_ENDINGS) and len(name) > 5:
        return name[:-2]
    if name[-1] in "аеиоуыэюяьй" and len(name) > 4:
        return name[:-1]
    return name


@cache
def gazetteer() -> _Gazetteer:
    places: dict[str, Place] = {}
    exact: dict[str, str] = {}
    stems: dict[str, str] = {}
    adjectives: set[str] = set()
    longest = 1
    for row in load_csv_rows("gazetteer.csv"):
        pid, country, kind, names = row
        places[pid] = Place(pid, country, kind)
        for raw in names.split("|"):
            name = raw.strip()
            low = name.lower().replace("ё", "е")
            words = _TOKEN.findall(low)
            longest = max(longest, len(words))
            exact[" ".join(words)] = pid
            if name[:1].islower() or low.endswith(("ск", "ian", "ien", "ienne", "aise")):
                adjectives.add(" ".join(words))
            if len(words) == 1 and _CYRILLIC.search(low) and "-" not in low:
                stem = _stem(low)
                if len(stem) >= _MIN_STEM:
                    stems[stem] = pid
                    if low.endswith("ск"):
                        adjectives.add(stem)
    return _Gazetteer(places, exact, stems, adjectives, longest)


def place(pid: str) -> Place | None:
    return gazetteer().places.get(pid)


def extract_places(interview: str, text: str) -> list[Claim]:
    """``place`` claims whose value is a gazetteer id (``KZ``, ``bakhmut``, ``upper_lars``)."""
    g = gazetteer()
    tokens = [(m.start(), m.end(), m.group(0).lower()) for m in _TOKEN.finditer(text)]
    claims: list[Claim] = []
    i = 0
    while i < len(tokens):
        found: tuple[str, int, str] | None = None  # place id, tokens used, matched key
        for n in range(min(g.longest, len(tokens) - i), 0, -1):
            key = " ".join(t[2] for t in tokens[i : i + n])
            if key in g.exact:
                found = (g.exact[key], n, key)
                break
        if found is None:
            word = tokens[i][2]
            if _CYRILLIC.search(word):
                for cut in range(len(word), max(len(word) - _MAX_ENDING, _MIN_STEM) - 1, -1):
                    stem = word[:cut]
                    if stem in g.stems:
                        found = (g.stems[stem], 1, stem)
                        break
        if found is not None:
            pid, n, key = found
            start, end = tokens[i][0], tokens[i + n - 1][1]
            lower_ok = key in g.adjectives or "ск" in tokens[i][2][len(key) - 1 :]
            if text[start].isupper() or lower_ok:
                claims.append(Claim(interview, "place", pid, text[start:end], (start, end)))
            i += n
            continue
        i += 1
    return claims
