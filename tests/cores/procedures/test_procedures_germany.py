"""German BAMF deadlines: weeks end on the same weekday, moved off weekends and holidays."""

from __future__ import annotations

from datetime import date

import pytest

from safepassage.cores.procedures import NoVersionInForceError, compute_deadline, rules_for

ON = date(2030, 1, 1)

CASES = [
    ("de.asylum_appeal", date(2026, 3, 4), date(2026, 3, 18)),  # Wednesday → Wednesday
    ("de.asylum_appeal", date(2026, 3, 7), date(2026, 3, 23)),  # Saturday → Monday
    ("de.asylum_appeal", date(2026, 3, 20), date(2026, 4, 7)),  # Good Friday … Easter Monday
    ("de.asylum_appeal", date(2026, 9, 19), date(2026, 10, 5)),  # 3 October is a Saturday
    ("de.asylum_appeal_manifestly_unfounded", date(2026, 12, 18), date(2026, 12, 28)),  # Christmas
    ("de.asylum_appeal_manifestly_unfounded", date(2026, 3, 4), date(2026, 3, 11)),
    ("de.dublin_appeal", date(2026, 5, 7), date(2026, 5, 15)),  # Ascension
    ("de.appeal_grounds", date(2026, 1, 31), date(2026, 3, 2)),  # 28 Feb is a Saturday
]


@pytest.mark.parametrize(("rule_id", "served", "due"), CASES)
def test_german_rule(rule_id: str, served: date, due: date) -> None:
    """Each German rule gives its due date; with the extension verified, no conservative gap."""
    result = compute_deadline(rule_id, served, on=ON)
    assert result.due == due
    assert result.conservative == due


def test_good_friday_moves_four_times() -> None:
    """3 April 2026 (Good Friday), Saturday, Sunday and Easter Monday are all skipped."""
    result = compute_deadline("de.asylum_appeal", date(2026, 3, 20), on=ON)
    moved = [s.params["date"] for s in result.steps if s.code == "moved_non_working"]
    assert moved == ["2026-04-03", "2026-04-04", "2026-04-05", "2026-04-06"]


def test_dublin_rule_before_its_version() -> None:
    """Before the § 34a reference was added there is no version: an error, not a guess."""
    with pytest.raises(NoVersionInForceError):
        compute_deadline("de.dublin_appeal", date(2016, 8, 5), on=ON)


def test_rules_for_pathways() -> None:
    """§ 22 admission has no deadlines; the asylum pathway and the country list the four."""
    assert rules_for("de_section_22", on=ON) == []
    ids = {r.id for r in rules_for("de_asylum", on=ON)}
    assert ids == {
        "de.asylum_appeal",
        "de.asylum_appeal_manifestly_unfounded",
        "de.dublin_appeal",
        "de.appeal_grounds",
    }
    assert {r.id for r in rules_for("DE", on=ON)} == ids
    assert {r.id for r in rules_for("de", on=ON)} == ids


def test_rules_for_france_picks_versions_in_force() -> None:
    """On 1 June 2026 the Dublin III versions apply; on 1 July 2026 the Pact's."""
    before = {r.id: r for r in rules_for("fr_asylum_visa", on=date(2026, 6, 1))}
    after = {r.id: r for r in rules_for("FR", on=date(2026, 7, 1))}
    assert before["fr.dublin_transfer_period_absconded"].length == 18
    assert after["fr.dublin_transfer_period_absconded"].length == 36


def test_rules_for_unknown_key() -> None:
    """A typo in a pathway raises rather than returning no deadlines."""
    with pytest.raises(KeyError, match="fr_asylum_vias"):
        rules_for("fr_asylum_vias", on=ON)
