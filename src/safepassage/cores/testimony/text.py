"""Text helpers shared by the extractors: folding, sentences, clause distance.

Every helper keeps character positions: folding maps one character to one character,
so a span found in the folded text indexes the original text exactly.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_FOLD = str.maketrans({"ё": "е", "Ё": "Е", "\\": "/", "’": "'", "ʼ": "'", "\u00a0": " "})


def fold(text: str) -> str:
    """ё→е, backslash→slash, curly apostrophes→', no-break space→space; same length."""
    return text.translate(_FOLD)


def lower(text: str) -> str:
    """Lower case with every character kept in place (a rare letter whose lower case is
    longer, such as İ, stays as it is). Patterns run on this without ``re.IGNORECASE``,
    which is more than twice as fast."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


# A sentence ends at . ! ? followed by space and a capital letter, a dash or a digit,
# or at a line break. A semicolon is a clause break inside a sentence.
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"«(—–-]?\s*[A-ZА-ЯЁÀ-Ý0-9—–-])|\n+")


class Sentences:
    """Sentence boundaries of one text, for quick 'which sentence is this in' look-ups."""

    def __init__(self, text: str) -> None:
        starts = [0]
        ends = []
        for m in _SENTENCE_END.finditer(text):
            ends.append(m.start())
            starts.append(m.end())
        ends.append(len(text))
        self.starts = starts
        self.ends = ends
        self.text = text

    def index(self, pos: int) -> int:
        """The number of the sentence holding character ``pos``."""
        return max(0, bisect_right(self.starts, pos) - 1)

    def bounds(self, i: int) -> tuple[int, int]:
        return self.starts[i], self.ends[i]

    def is_question(self, i: int) -> bool:
        start, end = self.bounds(i)
        return self.text[start:end].rstrip().endswith("?")

    def __len__(self) -> int:
        return len(self.starts)


# Words that start a new clause: a date across one of these belongs less to the event.
_CLAUSE_BREAK = re.compile(
    r",\s*(?:а|и|но|потом|затем|после\s+чего|and|then|but|after\s+which|et|puis|mais)\b"
    r"|\b(?:and\s+then|et\s+puis|а\s+потом|а\s+затем)\b|[:(;]"
    r"|\b(?:après|after|после|avant|before|перед)\b",
    re.IGNORECASE,
)


_WEAK_BREAK = re.compile(r",|\s(?:and|et|и|а)\s", re.IGNORECASE)


def clause_breaks(text: str, start: int, end: int) -> tuple[int, int]:
    """Clause breaks between ``start`` and ``end``: (strong ones, weak ones).

    Strong: ``, а``, ``and then``, ``puis``, ``после``, a colon. Weak: a bare comma or
    ``and``, ``et``, ``и``.
    """
    if end <= start:
        return 0, 0
    strong = len(_CLAUSE_BREAK.findall(text, start, end))
    return strong, len(_WEAK_BREAK.findall(text, start, end))


def alternation(words: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of literal words, longest first so the longest wins."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
