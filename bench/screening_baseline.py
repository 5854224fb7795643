"""The naive baseline screening is measured against.

ASCII-fold every name (diacritics removed; Cyrillic letters transliterated
one-to-one, the way a generic "to ASCII" routine would), then compare the
query with every listed name by rapidfuzz's token-sort ratio. No index, no
conventions, no name parts: what a screener without transliteration does.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process

from safepassage.cores.names import fold_diacritics
from safepassage.cores.screening import Query, WatchlistEntity

# A generic one-to-one Cyrillic-to-ASCII table (close to a scientific transliteration).
_GENERIC = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
        "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu",
        "я": "ia", "і": "i", "ї": "i", "є": "ie", "ґ": "g",
    }
)  # fmt: skip

THRESHOLD = 85.0


def ascii_fold(name: str) -> str:
    return fold_diacritics(name.lower().translate(_GENERIC))


class NaiveBaseline:
    """Linear scan with rapidfuzz token-sort ratio over ASCII-folded names."""

    def __init__(self, entities: list[WatchlistEntity]) -> None:
        self.names: list[str] = []
        self.owners: list[str] = []
        for entity in entities:
            for name in entity.names:
                self.names.append(ascii_fold(name))
                self.owners.append(entity.id)

    def screen(self, query: Query) -> list[tuple[str, float]]:
        found: dict[str, float] = {}
        hits = process.extract(
            ascii_fold(query.name),
            self.names,
            scorer=fuzz.token_sort_ratio,
            score_cutoff=THRESHOLD,
            limit=25,
        )
        for _, score, position in hits:
            owner = self.owners[position]
            found[owner] = max(found.get(owner, 0.0), score)
        return sorted(found.items(), key=lambda item: -item[1])

    def screen_pairs(self, query: Query) -> list[tuple[str, str]]:
        return [(entity, "match") for entity, _ in self.screen(query)]
