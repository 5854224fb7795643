"""Properties over many made-up words, not just the names we thought of.

Random Cyrillic surnames (syllables + real surname suffixes) are spelled
under every convention table of the evaluation data (written from the
standards, independent of the engine) and must still meet their original.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from safepassage.cores.names import compare_tokens

sys.path.insert(0, str(Path(__file__).parent))
from screening_evalset import romanisation_tables, romanise

ONSETS = ["б", "в", "г", "д", "ж", "з", "к", "л", "м", "н", "п", "р", "с", "т", "ф", "х", "ц",
          "ч", "ш", "щ", "бр", "гр", "кр", "ст", "шв", "зв", "хл"]  # fmt: skip
VOWELS = ["а", "о", "у", "е", "и", "ы", "я", "ю", "ё"]
SUFFIXES = ["ов", "ев", "ин", "ский", "енко", "ук", "чук", "ых", "ов", "ёв", "цкий", "ова", "ева"]


def _surname(rng: random.Random) -> str:
    syllables = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(rng.randint(1, 3)))
    return (syllables + rng.choice(SUFFIXES)).capitalize()


def test_made_up_surnames_meet_their_spellings_under_every_convention() -> None:
    rng = random.Random(11)
    tables = romanisation_tables()
    words = [_surname(rng) for _ in range(300)]
    misses = []
    for word in words:
        for convention, table in tables.items():
            latin = romanise(word, table, surname=True)
            if compare_tokens(latin, word).similarity < 0.78:
                misses.append((convention, word, latin))
    rate = 1 - len(misses) / (len(words) * len(tables))
    assert rate >= 0.97, misses[:20]


cyrillic_words = st.text(
    alphabet="абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ'", min_size=1, max_size=15
).filter(lambda word: bool(word.strip("'ьъ")))


@given(cyrillic_words, cyrillic_words)
def test_comparison_is_symmetric_and_bounded(first: str, second: str) -> None:
    there = compare_tokens(first, second).similarity
    back = compare_tokens(second, first).similarity
    assert 0.0 <= there <= 1.0
    assert there == back


@given(cyrillic_words)
def test_a_word_is_itself(word: str) -> None:
    found = compare_tokens(word, word.upper())
    assert found.similarity == 1.0
