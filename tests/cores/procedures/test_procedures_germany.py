"""German BAMF deadlines: weeks end on the same weekday, moved off weekends and holidays."""

from __future__ import annotations

from datetime import date

import pytest

from safepassage.cores.procedures import NoVersionInForceError, compute_deadline, rules_for

ON = date(2030, 1, 1)

# (rule, served, due as the rule reads, act-by). § 74 AsylG was read only on copies of the
# federal text, so act-by is not moved off weekends and holidays.
CASES = [
    ("de.asylum_appeal", date(2026, 3, 4), date(2026, 3, 18), date(2026, 3, 18)),
    ("de.asylum_appeal", date(2026, 3, 7), date(2026, 3, 23), date(2026, 3, 21)),  # Saturday
    ("de.asylum_appeal", date(2026, 3, 20), date(2026, 4, 7), date(2026, 4, 3)),  # Good Friday
    ("de.asylum_appeal", date(2026, 9, 19), date(2026, 10, 5), date(2026, 10, 3)),  # 3 October
    ("de.asylum_appeal_manifestly_unfounded", date(2026, 12, 18), date(2026, 12, 28),
     date(2026, 12, 25)),  # Christmas
    ("de.asylum_appeal_manifestly_unfounded", date(2026, 3, 4), date(2026, 3, 11),
     date(2026, 3, 11)),
    ("de.dublin_appeal", date(2026, 5, 7), date(2026, 5, 15), date(2026, 5, 14)),  # Ascension
    ("de.appeal_grounds", date(2026, 1, 31), date(2026, 3, 2), date(2026, 2, 28)),  # month end
    ("de.inadmissible_appeal", date(2026, 3, 4), date(2026, 3, 11), date(2026, 3, 11)),
    ("de.followup_inadmissible_appeal", date(2026, 3, 4), date(2026, 3, 11), date(2026, 3, 11)),
    ("de.airport_procedure", date(2026, 3, 4), date(2026, 3, 9), date(2026, 3, 7)),  # Saturday
    ("de.departure_after_rejection", date(2026, 3, 4), date(2026, 4, 3), date(2026, 4, 3)),
    ("de.departure_one_week", date(2026, 3, 7), date(2026, 3, 14), date(2026, 3, 14)),
    ("de.wrong_instructions", date(2026, 3, 4), date(2027, 3, 4), date(2027, 3, 4)),
    ("de.wrong_instructions", date(2024, 2, 29), date(2025, 2, 28), date(2025, 2, 28)),
    ("de.apr_registration", date(2026, 6, 15), date(2026, 6, 20), date(2026, 6, 20)),
    ("de.apr_lodging", date(2026, 6, 15), date(2026, 7, 6), date(2026, 7, 6)),
    ("de.border_procedure", date(2026, 6, 15), date(2026, 9, 7), date(2026, 9, 7)),
]  # fmt: skip


@pytest.mark.parametrize(("rule_id", "served", "due", "act_by"), CASES)
def test_german_rule(rule_id: str, served: date, due: date, act_by: date) -> None:
    """Each German rule gives its due date and the act-by date of its safe reading."""
    result = compute_deadline(rule_id, served, on=ON)
    assert (result.due, result.act_by) == (due, act_by)


def test_every_german_rule_has_a_case() -> None:
    """The table covers every German rule id."""
    from safepassage.cores.procedures import default_ruleset

    german = {rid for rid in default_ruleset().ids() if rid.startswith("de.")}
    assert german == {case[0] for case in CASES}


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
    """§ 22 admission has no deadlines; the asylum pathway and the country list the same."""
    assert rules_for("de_section_22", on=ON) == []
    ids = {r.id for r in rules_for("de_asylum", on=ON)}
    assert {"de.asylum_appeal", "de.inadmissible_appeal", "de.wrong_instructions"} <= ids
    assert "de.apr_lodging" not in {r.id for r in rules_for("de_asylum", on=date(2026, 6, 1))}
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
