"""Script detection and normalisation."""

from __future__ import annotations

import doctest

import pytest

import safepassage.cores.names as names
from safepassage.cores.names import cyrillic_skeleton, detect_script, normalise_name


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("Путин", "cyrillic"),
        ("Putin", "latin"),
        ("Čuviljajev", "latin"),
        ("Пyтин", "mixed"),
        ("푸틴", "other"),
        ("123 -", "empty"),
        ("", "empty"),
    ],
)
def test_detect_script(text: str, script: str) -> None:
    assert detect_script(text) == script


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Влади́мир", "владимир"),
        ("Vladímir", "vladimir"),
        ("Kuz’min", "kuz'min"),
        ("Chi͡urlionis", "chiurlionis"),
        ("Čuviljajev", "čuviljajev"),
        ("В\u200bладимир", "владимир"),
    ],
)
def test_normalise_name(raw: str, clean: str) -> None:
    assert normalise_name(raw) == clean


@pytest.mark.parametrize(
    ("first", "second"),
    [("чувиляев", "чувіляєв"), ("соловьёв", "соловйов"), ("мария", "марія"), ("ёлкин", "йолкін")],
)
def test_skeleton_merges_spelling_only_differences(first: str, second: str) -> None:
    assert cyrillic_skeleton(first) == cyrillic_skeleton(second)


def test_mixed_script_lookalikes_read_as_cyrillic() -> None:
    assert names.token_forms("Пyтин").script == "cyrillic"
    assert names.compare_tokens("Пyтин", "Путин").similarity == 1.0


def test_package_docstring_examples() -> None:
    assert doctest.testmod(names).failed == 0
