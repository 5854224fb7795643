"""French deadlines: one row per rule and case (normal, weekend, holiday, month end)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from safepassage.cores.procedures import (
    DeadlineState,
    NaiveDatetimeError,
    NoVersionInForceError,
    UnknownRuleError,
    compute_deadline,
)

ON = date(2030, 1, 1)

# (rule id, trigger, due as the rule reads, conservative act-by date)
CASES = [
    # OFPRA filing, 21 days; weekend/holiday extension unverified → conservative keeps the day.
    ("fr.ofpra_filing", date(2026, 3, 2), date(2026, 3, 23), date(2026, 3, 23)),
    ("fr.ofpra_filing", date(2026, 2, 14), date(2026, 3, 9), date(2026, 3, 7)),  # Saturday
    ("fr.ofpra_filing", date(2026, 6, 23), date(2026, 7, 15), date(2026, 7, 14)),  # 14 July
    ("fr.ofpra_filing", date(2026, 4, 10), date(2026, 5, 4), date(2026, 5, 1)),  # 1 May, Friday
    ("fr.ofpra_filing", date(2026, 3, 16), date(2026, 4, 7), date(2026, 4, 6)),  # Easter Monday
    # Re-examination: 8 days; incomplete re-examination: 4 days.
    ("fr.ofpra_reexam_filing", date(2026, 4, 28), date(2026, 5, 6), date(2026, 5, 6)),
    ("fr.ofpra_reexam_incomplete", date(2026, 4, 27), date(2026, 5, 4), date(2026, 5, 1)),
    ("fr.ofpra_incomplete_file", date(2026, 3, 2), date(2026, 3, 10), date(2026, 3, 10)),
    # CNDA: one month in jours francs, extended off weekends and holidays; L532-1 was not
    # read on Légifrance, so act-by drops the jours-francs day and the extension.
    ("fr.cnda_appeal", date(2026, 3, 2), date(2026, 4, 3), date(2026, 4, 2)),
    ("fr.cnda_appeal", date(2026, 1, 31), date(2026, 3, 2), date(2026, 2, 28)),  # month end
    ("fr.cnda_appeal", date(2026, 3, 5), date(2026, 4, 7), date(2026, 4, 5)),  # Easter Monday
    ("fr.cnda_appeal", date(2025, 6, 13), date(2025, 7, 15), date(2025, 7, 13)),  # 14 July
    ("fr.cnda_appeal", date(2026, 4, 7), date(2026, 5, 11), date(2026, 5, 7)),  # 8 May + weekend
    # The legal-aid window: 15 days; jours francs and extension unverified.
    ("fr.cnda_legal_aid_window", date(2026, 3, 2), date(2026, 3, 18), date(2026, 3, 17)),
    # Dublin: 15 days until 14 July 2024 (not a délai franc), 7 days (L921-1) from 15 July.
    ("fr.dublin_appeal", date(2020, 3, 1), date(2020, 3, 16), date(2020, 3, 16)),
    ("fr.dublin_appeal", date(2024, 7, 2), date(2024, 7, 17), date(2024, 7, 17)),
    ("fr.dublin_appeal", date(2024, 7, 5), date(2024, 7, 22), date(2024, 7, 20)),  # Saturday
    ("fr.dublin_appeal", date(2024, 7, 14), date(2024, 7, 29), date(2024, 7, 29)),  # last day
    ("fr.dublin_appeal", date(2024, 7, 15), date(2024, 7, 22), date(2024, 7, 22)),  # L921-1
    ("fr.dublin_appeal", date(2026, 3, 6), date(2026, 3, 13), date(2026, 3, 13)),  # acceptance
    ("fr.dublin_appeal", date(2025, 12, 18), date(2025, 12, 26), date(2025, 12, 25)),  # Noël
    # Leaving after an OQTF: 30 days, never extended; challenge: track chosen on the event
    # (tested below), here the shortest track when none is recorded (48 hours, date only).
    ("fr.oqtf_departure", date(2026, 3, 2), date(2026, 4, 1), date(2026, 4, 1)),
    ("fr.oqtf_departure", date(2026, 5, 2), date(2026, 6, 1), date(2026, 6, 1)),
    ("fr.oqtf_challenge", date(2026, 3, 6), date(2026, 3, 7), date(2026, 3, 7)),
    ("fr.detention_asylum_claim", date(2026, 3, 2), date(2026, 3, 7), date(2026, 3, 7)),
    ("fr.border_entry_refusal_appeal", date(2026, 3, 6), date(2026, 3, 7), date(2026, 3, 7)),
    ("fr.border_entry_refusal_appeal", date(2024, 7, 1), date(2024, 7, 2), date(2024, 7, 2)),
    # EU Pact rules (authority targets and the lodging window), from 12 June 2026.
    ("fr.apr_registration", date(2026, 6, 15), date(2026, 6, 20), date(2026, 6, 20)),
    ("fr.apr_lodging", date(2026, 6, 15), date(2026, 7, 6), date(2026, 7, 6)),
    ("fr.border_procedure", date(2026, 6, 15), date(2026, 9, 7), date(2026, 9, 7)),
    ("fr.dublin_transfer_period", date(2026, 6, 11), date(2026, 12, 11), date(2026, 12, 11)),
    (
        "fr.dublin_transfer_period_absconded",
        date(2026, 6, 11),
        date(2027, 12, 11),
        date(2027, 12, 11),
    ),
    # Authority targets are never moved, even onto 14 July.
    ("fr.ofpra_accelerated_decision", date(2026, 6, 29), date(2026, 7, 14), date(2026, 7, 14)),
    ("fr.guda_registration", date(2026, 4, 2), date(2026, 4, 8), date(2026, 4, 8)),
    ("fr.portal_notice", date(2026, 4, 22), date(2026, 5, 7), date(2026, 5, 7)),
    # Reopening: strictly less than nine months.
    ("fr.reopening", date(2026, 1, 15), date(2026, 10, 14), date(2026, 10, 14)),
    ("fr.reopening", date(2026, 5, 31), date(2027, 2, 27), date(2027, 2, 27)),
    # ATDA validity: the anniversary, conservatively the day before.
    ("fr.atda_validity_normal", date(2026, 3, 2), date(2027, 1, 2), date(2027, 1, 1)),
    ("fr.atda_validity_accelerated", date(2026, 3, 2), date(2026, 9, 2), date(2026, 9, 1)),
    ("fr.atda_validity_dublin", date(2026, 3, 2), date(2026, 4, 2), date(2026, 4, 1)),
    ("fr.atda_renewal", date(2026, 3, 2), date(2026, 9, 2), date(2026, 9, 1)),
    ("fr.atda_renewal_dublin", date(2026, 3, 2), date(2026, 7, 2), date(2026, 7, 1)),
]


@pytest.mark.parametrize(("rule_id", "trigger", "due", "conservative"), CASES)
def test_french_rule(rule_id: str, trigger: date, due: date, conservative: date) -> None:
    """Each French rule gives its due date and its conservative act-by date."""
    result = compute_deadline(rule_id, trigger, on=ON)
    assert (result.due, result.conservative) == (due, conservative)
    assert result.act_by == conservative
    assert result.state is DeadlineState.RUNNING


def test_every_french_rule_has_a_case() -> None:
    """The table covers every French rule id."""
    from safepassage.cores.procedures import default_ruleset

    french = {rid for rid in default_ruleset().ids() if rid.startswith("fr.")}
    covered = {case[0] for case in CASES}
    covered |= {"fr.ofpra_accelerated_decision_detention"}
    assert french == covered


def test_cnda_working_names_each_step() -> None:
    """The working lists each step as a code with parameters, in order."""
    result = compute_deadline("fr.cnda_appeal", date(2026, 3, 5), on=ON)
    codes = [s.code for s in result.steps]
    assert codes == [
        "rule", "trigger", "seat", "add_period", "franc_last_day",
        "moved_non_working", "conservative",
    ]  # fmt: skip
    moved = result.steps[5]
    assert moved.params == {"date": "2026-04-06", "reason": "easter_monday", "to": "2026-04-07"}
    assert "jours francs" in result.steps[1].text
    assert result.rule.rule_id == "fr.cnda_appeal"
    assert result.rule.effective_from == date(2019, 1, 1)


def test_month_end_step_is_recorded() -> None:
    """31 January + 1 month says it ended on the month's last day."""
    result = compute_deadline("fr.cnda_appeal", date(2026, 1, 31), on=ON)
    month_end = [s for s in result.steps if s.code == "month_end"]
    assert month_end[0].params == {"date": "2026-02-28"}


def test_unverified_extension_adds_a_conservative_step() -> None:
    """When the extension is unverified the working says to act by the earlier date."""
    result = compute_deadline("fr.ofpra_filing", date(2026, 6, 23), on=ON)
    assert result.steps[-1].code == "conservative"
    assert result.steps[-1].params == {"date": "2026-07-14", "due": "2026-07-15"}
    assert not result.verified


def test_rule_not_extended_says_so() -> None:
    """A rule that is not extended still notes that its last day is not a working day."""
    result = compute_deadline("fr.oqtf_departure", date(2026, 3, 8), on=ON)
    assert result.due == date(2026, 4, 7)
    result = compute_deadline("fr.oqtf_departure", date(2026, 3, 7), on=ON)
    assert [s.code for s in result.steps][-1] == "not_extended"
    assert result.due == date(2026, 4, 6)


def test_dublin_appeal_in_detention_in_hours() -> None:
    """48 hours hour to hour in detention (L921-2), weekend included, kept in UTC."""
    paris = timezone(timedelta(hours=1))
    result = compute_deadline(
        "fr.dublin_appeal", datetime(2026, 3, 6, 18, 30, tzinfo=paris), on=ON, track="detention"
    )
    assert result.due_at == datetime(2026, 3, 8, 17, 30, tzinfo=UTC)
    assert result.due == date(2026, 3, 8)
    assert result.track == "detention"


def test_hours_with_a_date_only_count_from_the_start_of_the_day() -> None:
    """With no hour known, 48 hours end with the next day: the safe reading."""
    result = compute_deadline("fr.dublin_appeal", date(2026, 3, 6), on=ON, track="detention")
    assert result.act_by == date(2026, 3, 7)
    assert result.steps[-1].code == "hours_date_only"


def test_hours_rule_refuses_a_naive_datetime() -> None:
    """A naive datetime cannot start a period in hours."""
    with pytest.raises(NaiveDatetimeError):
        compute_deadline("fr.border_entry_refusal_appeal", datetime(2026, 3, 6, 18, 30), on=ON)


def test_accelerated_decision_in_detention() -> None:
    """OFPRA has 96 hours in detention."""
    start = datetime(2026, 3, 6, 9, 0, tzinfo=UTC)
    result = compute_deadline("fr.ofpra_accelerated_decision_detention", start, on=ON)
    assert result.due_at == start + timedelta(hours=96)


@pytest.mark.parametrize(
    ("issued", "expiry"),
    [
        (date(2020, 5, 10), date(2020, 6, 10)),  # 2015 text: one month
        (date(2020, 5, 11), date(2021, 3, 11)),  # from 11 May 2020: ten months
    ],
)
def test_atda_version_by_issue_date(issued: date, expiry: date) -> None:
    """The ATDA's validity follows the version in force when it was issued."""
    assert compute_deadline("fr.atda_validity_normal", issued, on=ON).due == expiry


@pytest.mark.parametrize(
    ("accepted", "months", "version"),
    [
        (date(2026, 6, 11), 18, date(2014, 1, 1)),  # Dublin III
        (date(2026, 6, 12), 36, date(2026, 6, 12)),  # EU Pact (AMMR)
    ],
)
def test_pact_changes_absconding_period(accepted: date, months: int, version: date) -> None:
    """From 12 June 2026 the absconding period follows the Pact's version."""
    result = compute_deadline("fr.dublin_transfer_period_absconded", accepted, on=ON)
    assert result.rule.effective_from == version
    from safepassage.cores.procedures import add_months

    assert result.due == add_months(accepted, months)[0]


def test_no_version_before_the_first() -> None:
    """A trigger before the first version in force raises rather than guessing."""
    with pytest.raises(NoVersionInForceError, match=r"fr\.cnda_appeal"):
        compute_deadline("fr.cnda_appeal", date(2018, 12, 31), on=ON)


def test_unknown_rule() -> None:
    """An unknown rule id raises UnknownRuleError naming it."""
    with pytest.raises(UnknownRuleError, match=r"fr\.nope"):
        compute_deadline("fr.nope", date(2026, 3, 2), on=ON)
