"""ICAO Doc 9303 romanisation for display, as printed in Russian passports since 2013."""

from __future__ import annotations

import pytest

from safepassage.cores.names import romanise_icao


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Чувиляев", "Chuviliaev"),
        ("Журавлёв Никита Сергеевич", "Zhuravlev Nikita Sergeevich"),
        ("ЩЕРБАКОВ", "SHCHERBAKOV"),
        ("Хабибуллин", "Khabibullin"),
        ("Юрий", "Iurii"),
        ("Объедков", "Obieedkov"),
        ("Ольга", "Olga"),
        ("Цыганков", "Tsygankov"),
        ("Гончаренко Олексій", "Goncharenko Oleksii"),
        ("Ivan Petrov", "Ivan Petrov"),
        ("", ""),
    ],
)
def test_icao_letters(cyrillic: str, latin: str) -> None:
    assert romanise_icao(cyrillic) == latin
