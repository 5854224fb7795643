"""Unit numbers and unit names in every spelling the interviews use."""

from __future__ import annotations

import pytest

from safepassage.cores.testimony.text import fold
from safepassage.cores.testimony.units import extract_unit_names, extract_unit_numbers


def numbers(text: str) -> list[str]:
    return [c.value for c in extract_unit_numbers("i", fold(text))]


def names(text: str) -> list[str]:
    return [c.value for c in extract_unit_names("i", fold(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Russian
        ("служил в в/ч 41278", ["41278"]),
        ("в\\ч 11893", ["11893"]),
        ("ВЧ 48230", ["48230"]),
        ("В/Ч-06705", ["06705"]),
        ("в/ч № 30632", ["30632"]),
        ("войсковая часть 65349", ["65349"]),
        ("в войсковой части 41278", ["41278"]),
        ("воинская часть 2106", ["2106"]),
        ("часть 22179", ["22179"]),
        ("Часть — в/ч 41278", ["41278"]),
        ("в.ч. 12345", ["12345"]),
        # English
        ("military unit 71718", ["71718"]),
        ("unit No. 65349", ["65349"]),
        ("v/ch 18893", ["18893"]),
        ("unit 12721", ["12721"]),
        ("military unit number 12345", ["12345"]),
        # French
        ("unité militaire 71718", ["71718"]),
        ("l'unité 92154", ["92154"]),
        ("la v/ch 18893", ["18893"]),
        ("unité n° 12345", ["12345"]),
        # A bare number answering a question about the unit
        ("— Номер части?\n— 58198.", ["58198"]),
        ("Q: Which unit?\nAnswer: 58198", ["58198"]),
    ],
)
def test_unit_numbers(text: str, expected: list[str]) -> None:
    assert numbers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "в 2023 году",
        "нас было 12345 человек",
        "unit 2023",
        "VUS 113259",
        "12.08.2023",
        "часть 123",
        "",
    ],
)
def test_not_unit_numbers(text: str) -> None:
    assert numbers(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Russian: ordinals, case forms, adjectives between number and formation
        ("20-я отдельная мотострелковая бригада", ["brigade 20"]),
        ("155-й отдельной бригаде морской пехоты", ["brigade 155"]),
        ("155 отдельная бригада морской пехоты", ["brigade 155"]),
        ("в 104-м полку", ["regiment 104"]),
        ("76-й гвардейской десантно-штурмовой дивизии", ["division 76"]),
        ("1-я танковая армия", ["army 1"]),
        ("двадцатая мотострелковая бригада", ["brigade 20"]),
        ("бригада 155", ["brigade 155"]),
        ("в 3-м батальоне", ["battalion 3"]),
        # English
        ("40th Naval Infantry Brigade", ["brigade 40"]),
        ("3rd Motor Rifle Division", ["division 3"]),
        ("the 1st Guards Tank Army", ["army 1"]),
        ("brigade 155", ["brigade 155"]),
        # French
        ("64e brigade de fusiliers motorisés", ["brigade 64"]),
        ("155e brigade d'infanterie de marine", ["brigade 155"]),
        ("104e régiment de la 76e division", ["regiment 104", "division 76"]),
        ("la brigade 155 d'infanterie navale", ["brigade 155"]),
        ("Marine Brigade 155.", ["brigade 155"]),
    ],
)
def test_unit_names(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "3 марта нас отправили в бригаду",
        "в бригаде 2 дня",
        "brigade 3 km away",
        "the brigade",
        "",
    ],
)
def test_not_unit_names(text: str) -> None:
    assert names(text) == []


def test_quote_and_span_index_the_text() -> None:
    text = "Я служил в в/ч 41278, это 20-я бригада."
    for claim in extract_unit_numbers("i", fold(text)) + extract_unit_names("i", fold(text)):
        assert text[claim.span[0] : claim.span[1]] == claim.quote
