"""Ranks across Russian, English and French, army and navy, map to comparable grades."""

from __future__ import annotations

import pytest

from safepassage.cores.testimony.ranks import extract_ranks, rank_grades
from safepassage.cores.testimony.text import fold


def ranks(text: str) -> list[str]:
    return [c.value for c in extract_ranks("i", fold(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("рядовой", ["private"]),
        ("служил рядовым", ["private"]),
        ("был ефрейтором", ["efreitor"]),
        ("младший сержант", ["junior_sergeant"]),
        ("младшим сержантом", ["junior_sergeant"]),
        ("гвардии сержант", ["sergeant"]),
        ("старшего сержанта", ["senior_sergeant"]),
        ("старшина", ["starshina"]),
        ("прапорщик", ["praporshchik"]),
        ("старший лейтенант", ["senior_lieutenant"]),
        ("капитан", ["captain"]),
        ("майор", ["major"]),
        ("подполковник", ["lieutenant_colonel"]),
        ("полковник", ["colonel"]),
        ("генерал-майор", ["major_general"]),
        ("матрос", ["seaman"]),
        ("старший матрос", ["senior_seaman"]),
        ("старшина 2 статьи", ["petty_officer_2"]),
        ("мичман", ["michman"]),
        ("капитан-лейтенант", ["captain_lieutenant"]),
        ("капитан 3 ранга", ["captain_3rd_rank"]),
        ("контр-адмирал", ["rear_admiral"]),
        ("мл. сержант", ["junior_sergeant"]),
        ("ст. лейтенант", ["senior_lieutenant"]),
        ("ст. матрос", ["senior_seaman"]),
    ],
)
def test_russian_ranks(text: str, expected: list[str]) -> None:
    assert ranks(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a private", ["private"]),
        ("lance corporal", ["efreitor"]),
        ("corporal", ["corporal"]),
        ("junior sergeant", ["junior_sergeant"]),
        ("sergeant", ["sergeant"]),
        ("staff sergeant", ["senior_sergeant"]),
        ("warrant officer", ["praporshchik"]),
        ("second lieutenant", ["junior_lieutenant"]),
        ("senior lieutenant", ["senior_lieutenant"]),
        ("captain", ["captain"]),
        ("the rank of major.", ["major"]),
        ("lieutenant colonel", ["lieutenant_colonel"]),
        ("senior seaman", ["senior_seaman"]),
        ("petty officer 2nd class", ["petty_officer_2"]),
        ("major general", ["major_general"]),
        ("Sgt.", ["sergeant"]),
        ("Jr. Sgt.", ["junior_sergeant"]),
        ("Lt. Col.", ["lieutenant_colonel"]),
    ],
)
def test_english_ranks(text: str, expected: list[str]) -> None:
    assert ranks(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("simple soldat", ["private"]),
        ("caporal", ["corporal"]),
        ("sergent", ["sergent_fr"]),
        ("sergent-chef", ["senior_sergeant"]),
        ("adjudant", ["praporshchik"]),
        ("sous-lieutenant", ["junior_lieutenant"]),
        ("lieutenant", ["lieutenant"]),
        ("capitaine", ["captain"]),
        ("lieutenant-colonel", ["lieutenant_colonel"]),
        ("matelot", ["seaman"]),
        ("capitaine de corvette", ["captain_3rd_rank"]),
    ],
)
def test_french_ranks(text: str, expected: list[str]) -> None:
    assert ranks(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "a private military company",
        "in private",
        "a major offensive began",
        "les soldats",
        "Наш командир роты, старший лейтенант, сказал",
        "his company commander, a captain, said",
        "капитан Иванов приказал",
        "мой друг, старший сержант, погиб",
        "",
    ],
)
def test_other_peoples_ranks_and_other_words_are_skipped(text: str) -> None:
    assert ranks(text) == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("efreitor", "senior_seaman"),
        ("efreitor", "corporal"),
        ("junior_sergeant", "corporal"),
        ("junior_sergeant", "sergent_fr"),
        ("private", "seaman"),
        ("captain", "captain_lieutenant"),
        ("major", "captain_3rd_rank"),
        ("colonel", "captain_1st_rank"),
    ],
)
def test_equivalent_ranks_share_a_grade(a: str, b: str) -> None:
    assert rank_grades(a) & rank_grades(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("sergeant", "lieutenant"), ("private", "captain"), ("seaman", "michman")],
)
def test_different_ranks_do_not(a: str, b: str) -> None:
    assert not rank_grades(a) & rank_grades(b)
