"""The evaluation set meets the targets: precision and recall of at least 0.9 for
contradictions and timeline findings, and no finding on a paraphrase-only case."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from safepassage.cores.testimony import FIELDS, FINDING_KINDS, LANGUAGES, evaluate

EVAL = Path(__file__).parent / "eval"
TARGET = 0.9
PARTS = ["tuned", "heldout", "fresh", "blind"]


def cases(part: str) -> list[dict[str, object]]:
    data = json.loads((EVAL / f"{part}.json").read_text(encoding="utf-8"))
    return list(data["cases"])


@pytest.mark.parametrize("part", PARTS)
@pytest.mark.parametrize("kind", ["contradiction", "timeline"])
def test_precision_and_recall_targets(part: str, kind: str) -> None:
    score = evaluate(cases(part)).scores[kind]
    assert score.precision >= TARGET, (kind, score)
    assert score.recall >= TARGET, (kind, score)


@pytest.mark.parametrize("part", PARTS)
def test_paraphrases_have_no_finding(part: str) -> None:
    assert evaluate(cases(part)).benign_with_findings == []


@pytest.mark.parametrize("part", PARTS)
def test_the_set_is_well_formed_and_varied(part: str) -> None:
    languages: set[str] = set()
    kinds: set[str] = set()
    for case in cases(part):
        inp = case["input"]
        assert isinstance(inp, dict)
        for interview in inp["interviews"]:
            languages.add(interview["language"])
        expected = case["expected"]
        assert isinstance(expected, list)
        for e in expected:
            kinds.add(e["kind"])
            assert e["kind"] in FINDING_KINDS
            base = e["field"].split("<")
            assert base[0] in FIELDS or base[0] == "mobilisation_decree", e
    assert languages == set(LANGUAGES)
    assert kinds == set(FINDING_KINDS)
