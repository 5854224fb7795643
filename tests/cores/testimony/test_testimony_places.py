"""Places from the gazetteer, in Russian case forms, Ukrainian and Latin spellings."""

from __future__ import annotations

import pytest

from safepassage.cores.testimony.places import extract_places, place
from safepassage.cores.testimony.text import fold


def places(text: str) -> list[str]:
    return [c.value for c in extract_places("i", fold(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("границу с Казахстаном", ["KZ"]),
        ("в Казахстане", ["KZ"]),
        ("казахстанскую границу", ["KZ"]),
        ("в Белгородской области", ["belgorod"]),
        ("под Бахмутом", ["bakhmut"]),
        ("в Ростове-на-Дону", ["rostov"]),
        ("через Верхний Ларс", ["upper_lars"]),
        ("под Кременной", ["kreminna"]),
        ("у Києві", ["kyiv"]),
        ("в Армению", ["AM"]),
        ("near Bakhmut", ["bakhmut"]),
        ("crossed into Kazakhstan", ["KZ"]),
        ("via Upper Lars", ["upper_lars"]),
        ("Rostov-on-Don", ["rostov"]),
        ("la frontière kazakhe", ["KZ"]),
        ("en Arménie", ["AM"]),
        ("à Saint-Pétersbourg", ["st_petersburg"]),
        ("l'Arménie", ["AM"]),
        ("région de Zaporijjia", ["zaporizhzhia_oblast"]),
    ],
)
def test_places(text: str, expected: list[str]) -> None:
    assert places(text) == expected


@pytest.mark.parametrize("text", ["в вене кровь", "семей было много", "paris-brest", ""])
def test_common_words_are_not_places(text: str) -> None:
    assert places(text) == []


def test_places_carry_their_country() -> None:
    found = place("bakhmut")
    assert found is not None
    assert found.country == "UA"
