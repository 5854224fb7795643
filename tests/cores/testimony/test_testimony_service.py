"""Kinds of service in three languages, with negation and compatibility."""

from __future__ import annotations

import pytest

from safepassage.cores.testimony.service import compatible, extract_service
from safepassage.cores.testimony.text import fold


def kinds(text: str) -> set[str]:
    return {c.value for c in extract_service("i", fold(text))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Я срочник", {"conscript"}),
        ("служил по призыву", {"conscript"}),
        ("срочную службу", {"conscript"}),
        ("Я контрактник", {"contract"}),
        ("служил по контракту", {"contract"}),
        ("меня мобилизовали", {"mobilised"}),
        ("я мобилизованный", {"mobilised"}),
        ("я кадровый офицер", {"officer"}),
        ("был в ЧВК «Вагнер»", {"pmc"}),
        ("попал в «Шторм-Z» из колонии", {"convict"}),
        ("пошёл добровольцем", {"volunteer"}),
        ("He was a conscript", {"conscript"}),
        ("contract soldier", {"contract"}),
        ("he was mobilized", {"mobilised"}),
        ("he was an officer", {"officer"}),
        ("a private military company", {"pmc"}),
        ("recruited from prison into Storm-Z", {"convict"}),
        ("conscrit", {"conscript"}),
        ("militaire sous contrat", {"contract"}),
        ("il a été mobilisé", {"mobilised"}),
        ("il était officier", {"officier" and "officer"}),
        ("la société militaire privée Wagner", {"pmc"}),
    ],
)
def test_service_kinds(text: str, expected: set[str]) -> None:
    assert kinds(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "я не был мобилизован",
        "he was not mobilised",
        "il n'a pas été mobilisé",
        "the vetting officer asked",
        "the commanding officer",
        "",
    ],
)
def test_negated_or_other_peoples_kinds_are_skipped(text: str) -> None:
    assert kinds(text) == set()


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("contract", "contract", True),
        ("contract", "volunteer", True),
        ("pmc", "convict", True),
        ("contract", "officer", False),
        ("conscript", "mobilised", False),
        ("mobilised", "convict", False),
    ],
)
def test_compatibility(a: str, b: str, expected: bool) -> None:
    assert compatible(a, b) is expected
    assert compatible(b, a) is expected
