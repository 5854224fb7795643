"""Rule data files: the shipped ones are valid and sourced; malformed ones fail loudly,
naming the file and the record; versions are chosen by the trigger date."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from safepassage.cores.procedures import (
    RuleDataError,
    compute_deadline,
    default_ruleset,
    load_ruleset,
    parse_rules,
)

SYNTHETIC = Path(__file__).parent / "data" / "synthetic_rules.json"


@pytest.fixture
def synthetic() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SYNTHETIC.read_text(encoding="utf-8"))
    return data


def _parse(data: dict[str, Any]) -> None:
    parse_rules(json.dumps(data), "broken.json")


@pytest.mark.parametrize(
    ("trigger", "due", "version"),
    [
        (date(2026, 6, 11), date(2026, 6, 22), date(2020, 1, 1)),  # 21 June is a Sunday
        (date(2026, 6, 12), date(2026, 7, 2), date(2026, 6, 12)),
    ],
)
def test_version_by_trigger_date(trigger: date, due: date, version: date) -> None:
    """The version in force on the trigger date applies, and the result says which."""
    rules = load_ruleset(SYNTHETIC)
    result = compute_deadline("fr.synthetic", trigger, on=date(2027, 1, 1), ruleset=rules)
    assert result.due == due
    assert result.rule.effective_from == version
    assert result.rule.data_version == "test-1"
    assert str(result.rule) == f"fr.synthetic@{version.isoformat()} (data test-1)"


def test_shipped_rules_load() -> None:
    """Both shipped files load and hold France and Germany."""
    rules = default_ruleset()
    assert {f.jurisdiction for f in rules.files} == {"FR", "DE"}
    assert len(rules.ids()) >= 25


def test_every_shipped_rule_is_sourced_and_dated() -> None:
    """Every version has https sources, a legal basis and an effective date; an unverified
    convention always carries the [unverified] mark in the rule's note."""
    for rid in default_ruleset().ids():
        for rule in default_ruleset().versions(rid):
            assert rule.sources, rid
            assert all(url.startswith("https://") for url in rule.sources), rid
            assert rule.legal_basis, rid
            if not (rule.counting_verified and rule.non_working_verified):
                assert "[unverified]" in rule.note, rid


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda r: r.pop("trigger"), "missing field 'trigger'"),
        (lambda r: r.update(unit="fortnights"), "field 'unit' is 'fortnights'"),
        (lambda r: r.update(length=0), "'length' must be positive"),
        (lambda r: r.update(length="10"), "field 'length' must be int"),
        (lambda r: r.update(effective_from="12/06/2026"), "not an ISO date"),
        (lambda r: r.update(effective_to="2019-01-01"), "is before effective_from"),
        (lambda r: r.update(sources=[]), "non-empty list"),
        (lambda r: r.update(sources=["http://example.org"]), "not an https URL"),
        (lambda r: r.update(id="de.synthetic"), "id must look like 'fr."),
        (lambda r: r.update(pathways=["nowhere"]), "undeclared pathways"),
        (lambda r: r.update(unit="hours"), "unit 'hours' goes with counting 'hours'"),
        (
            lambda r: r.update(non_working={"method": "extend", "verified": False}),
            "lacks '[unverified]'",
        ),
        (lambda r: r.update(counting={"method": "franc"}), "needs a boolean 'verified'"),
        (
            lambda r: r.update(suspension={"kind": "legal_aid", "window_days": -1}),
            "window_days",
        ),
    ],
)
def test_malformed_record_names_file_and_record(
    synthetic: dict[str, Any], mutate: Any, message: str
) -> None:
    """Each malformed record raises RuleDataError with the file, the record id and the problem."""
    data = copy.deepcopy(synthetic)
    mutate(data["rules"][0])
    with pytest.raises(RuleDataError) as caught:
        _parse(data)
    error = caught.value
    assert error.source == "broken.json"
    assert message in str(error)
    assert str(error).startswith("broken.json: record ")


def test_record_without_id_is_named_by_index(synthetic: dict[str, Any]) -> None:
    """A record lacking its id is reported by position."""
    data = copy.deepcopy(synthetic)
    del data["rules"][1]["id"]
    with pytest.raises(RuleDataError, match=r"broken.json: record #1: missing field 'id'"):
        _parse(data)


def test_overlapping_versions_are_refused(synthetic: dict[str, Any]) -> None:
    """Two versions in force on the same day are a data error."""
    data = copy.deepcopy(synthetic)
    data["rules"][0]["effective_to"] = "2026-06-12"
    with pytest.raises(RuleDataError, match="overlaps"):
        load_ruleset_from(data)


def load_ruleset_from(data: dict[str, Any]) -> None:
    from safepassage.cores.procedures import RuleSet

    RuleSet([parse_rules(json.dumps(data), "broken.json")])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[]", "must hold a JSON object"),
        ('{"jurisdiction": "IT", "data_version": "x", "rules": []}', "jurisdiction"),
        ('{"jurisdiction": "FR", "rules": []}', "data_version"),
        ('{"jurisdiction": "FR", "data_version": "x", "rules": {}}', "'rules' a list"),
        ('{"jurisdiction": "FR", "data_version": "x", "rules": [1]}', "record #0"),
    ],
)
def test_malformed_file(text: str, message: str) -> None:
    """File-level problems are reported with the file name."""
    with pytest.raises(RuleDataError, match=message) as caught:
        parse_rules(text, "broken.json")
    assert str(caught.value).startswith("broken.json")


OFFICIAL = ("https://www.legifrance.gouv.fr/", "https://circulaire.legifrance.gouv.fr/",
            "https://eur-lex.europa.eu/", "https://www.gesetze-im-internet.de/")  # fmt: skip


def test_verified_versions_quote_an_official_text() -> None:
    """A version marked verified quotes its operative sentence and cites an official site;
    every version, verified or not, cites at least one official URL."""
    from safepassage.cores.procedures import default_ruleset

    rules = default_ruleset()
    for rid in rules.ids():
        for version in rules.versions(rid):
            assert any(u.startswith(OFFICIAL) for u in version.sources), version.ref
            for part in (version, *version.tracks):
                if part.text_verified:
                    assert part.quote, version.ref
                    assert any(u.startswith(OFFICIAL) for u in part.sources), version.ref


def test_removed_rule_is_gone() -> None:
    """The prefect's 15 days were modelled as the applicant's: that rule no longer exists."""
    from safepassage.cores.procedures import UnknownRuleError, default_ruleset

    with pytest.raises(UnknownRuleError):
        default_ruleset().versions("fr.leave_after_final_rejection")


def test_unverified_text_acts_by_the_earliest_reading() -> None:
    """A rule whose text was not read officially never gets a later act-by from an extension."""
    from safepassage.cores.procedures import compute_deadline

    result = compute_deadline("fr.dublin_appeal", date(2026, 3, 7), on=date(2030, 1, 1))
    assert result.due == date(2026, 3, 16)  # Saturday 14 March → Monday as the rule reads
    assert result.act_by == date(2026, 3, 14)
    assert not result.verified
