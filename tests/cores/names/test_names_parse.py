"""Full names split into surname, given name and patronymic in any order."""

from __future__ import annotations

import pytest

from safepassage.cores.names import parse_name

CASES = [
    (
        "Путин Владимир Владимирович",
        [("Путин", "surname"), ("Владимир", "given"), ("Владимирович", "patronymic")],
    ),
    (
        "Vladimir Vladimirovich PUTIN",
        [("Vladimir", "given"), ("Vladimirovich", "patronymic"), ("PUTIN", "surname")],
    ),
    ("PUTIN, Vladimir", [("PUTIN", "surname"), ("Vladimir", "given")]),
    ("Putin, Vladimir", [("Putin", "surname"), ("Vladimir", "given")]),
    ("В.В. Путин", [("В.", "initial"), ("В.", "initial"), ("Путин", "surname")]),
    ("Путин В. В.", [("Путин", "surname"), ("В.", "initial"), ("В.", "initial")]),
    ("Präsident Putin", [("Putin", "surname")]),
    ("Президент Путин", [("Путин", "surname")]),
    (
        "Захарова Марія Олександрівна",
        [("Захарова", "surname"), ("Марія", "given"), ("Олександрівна", "patronymic")],
    ),
    (
        "Абашкін Костянтин Ігорьович",
        [("Абашкін", "surname"), ("Костянтин", "given"), ("Ігорьович", "patronymic")],
    ),
    (
        "Rimsky-Korsakov Nikolai",
        [("Rimsky", "surname"), ("Korsakov", "surname"), ("Nikolai", "given")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_roles(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.raw, t.role) for t in parse_name(text).tokens] == expected


@pytest.mark.parametrize("text", ["", "   ", ",,,", "123", "—"])
def test_empty_or_nameless_input_gives_no_tokens(text: str) -> None:
    assert parse_name(text).tokens == ()


def test_full_tokens_exclude_initials() -> None:
    parsed = parse_name("Vladimir V. Putin")
    assert [t.raw for t in parsed.full_tokens] == ["Vladimir", "Putin"]
