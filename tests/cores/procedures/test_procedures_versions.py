"""One worked example for every version of every rule, derived by hand from its text.

Each row: rule, event (a date, or an instant for rules in hours), options recorded on the
event, the due date as the rule reads and the act-by date of the safe reading. A test
checks that the rows reach every version in the data, so a new version needs a row.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from safepassage.cores.procedures import compute_deadline, default_ruleset

ON = date(2035, 1, 1)
D = date
PACT = {"claim_date": D(2026, 6, 12)}

ROWS: list[tuple[str, date | datetime, dict[str, Any], date, date]] = [
    # Germany. § 74 read on copies only: act-by is never moved off a weekend or holiday.
    ("de.airport_procedure", D(2026, 4, 1), {}, D(2026, 4, 7), D(2026, 4, 4)),  # Easter
    ("de.appeal_grounds", D(2026, 4, 30), {}, D(2026, 6, 1), D(2026, 5, 30)),
    ("de.apr_lodging", D(2026, 7, 1), {"claim_date": D(2026, 7, 1)}, D(2026, 7, 22),
     D(2026, 7, 22)),
    ("de.apr_registration", D(2026, 12, 21), {}, D(2026, 12, 26), D(2026, 12, 26)),
    ("de.asylum_appeal", D(2025, 12, 17), {}, D(2025, 12, 31), D(2025, 12, 31)),
    ("de.asylum_appeal", D(2026, 9, 22), {"claim_date": D(2026, 9, 1)}, D(2026, 10, 6),
     D(2026, 10, 6)),
    ("de.asylum_appeal_manifestly_unfounded", D(2026, 4, 24), {}, D(2026, 5, 4),
     D(2026, 5, 1)),  # 1 May, then a weekend
    ("de.asylum_appeal_manifestly_unfounded", D(2026, 10, 1), {"claim_date": D(2026, 8, 1)},
     D(2026, 10, 8), D(2026, 10, 8)),
    ("de.border_procedure", D(2026, 6, 12), PACT, D(2026, 9, 4), D(2026, 9, 4)),
    ("de.departure_after_rejection", D(2026, 1, 30), {}, D(2026, 3, 1), D(2026, 3, 1)),
    ("de.departure_one_week", D(2026, 12, 18), {}, D(2026, 12, 25), D(2026, 12, 25)),
    ("de.dublin_appeal", D(2016, 8, 6), {}, D(2016, 8, 15), D(2016, 8, 13)),
    ("de.dublin_appeal", D(2026, 12, 18), {"claim_date": D(2026, 12, 1)}, D(2026, 12, 28),
     D(2026, 12, 25)),
    ("de.followup_inadmissible_appeal", D(2026, 10, 26), {}, D(2026, 11, 2), D(2026, 11, 2)),
    ("de.inadmissible_appeal", D(2025, 10, 24), {}, D(2025, 10, 31), D(2025, 10, 31)),
    ("de.inadmissible_appeal", D(2026, 6, 12), PACT, D(2026, 6, 19), D(2026, 6, 19)),
    ("de.wrong_instructions", D(2025, 3, 31), {}, D(2026, 3, 31), D(2026, 3, 31)),
    # France: the EU Pact's rules.
    ("fr.apr_lodging", D(2026, 6, 12), PACT, D(2026, 7, 3), D(2026, 7, 3)),
    ("fr.apr_registration", D(2026, 7, 10), {}, D(2026, 7, 15), D(2026, 7, 15)),
    ("fr.border_procedure", D(2026, 11, 2), {}, D(2027, 1, 25), D(2027, 1, 25)),
    # ATDA validity: the anniversary; act-by the day before (the printed date governs).
    ("fr.atda_renewal", D(2026, 1, 31), {}, D(2026, 7, 31), D(2026, 7, 30)),
    ("fr.atda_renewal_dublin", D(2026, 10, 31), {}, D(2027, 2, 28), D(2027, 2, 27)),
    ("fr.atda_validity_accelerated", D(2019, 1, 31), {}, D(2019, 2, 28), D(2019, 2, 27)),
    ("fr.atda_validity_accelerated", D(2026, 8, 31), {}, D(2027, 2, 28), D(2027, 2, 27)),
    ("fr.atda_validity_dublin", D(2026, 12, 15), {}, D(2027, 1, 15), D(2027, 1, 14)),
    ("fr.atda_validity_normal", D(2016, 3, 31), {}, D(2016, 4, 30), D(2016, 4, 29)),
    ("fr.atda_validity_normal", D(2024, 2, 29), {}, D(2024, 12, 29), D(2024, 12, 28)),
    # Refusal of entry at the border: 48 hours; a date only ends with the next day.
    ("fr.border_entry_refusal_appeal", D(2022, 12, 31), {}, D(2023, 1, 1), D(2023, 1, 1)),
    ("fr.border_entry_refusal_appeal", datetime(2026, 3, 6, 18, 30, tzinfo=UTC), {},
     D(2026, 3, 8), D(2026, 3, 8)),
    # CNDA: a month in jours francs (act-by drops the extra day and the extension).
    ("fr.cnda_appeal", D(2025, 12, 24), {}, D(2026, 1, 26), D(2026, 1, 24)),
    ("fr.cnda_appeal", D(2026, 7, 1), {"claim_date": D(2026, 6, 15), "track": "apr_regular"},
     D(2026, 8, 3), D(2026, 8, 1)),
    ("fr.cnda_appeal", D(2026, 7, 1), {"claim_date": D(2026, 6, 15), "track": "apr_short"},
     D(2026, 7, 8), D(2026, 7, 8)),
    ("fr.cnda_legal_aid_window", D(2026, 4, 30), {}, D(2026, 5, 18), D(2026, 5, 15)),
    ("fr.detention_asylum_claim", D(2026, 12, 30), {}, D(2027, 1, 4), D(2027, 1, 4)),
    # Dublin appeal: 15 days (L742-4, then L572-5), 7 days (L921-1) from 15 July 2024.
    ("fr.dublin_appeal", D(2019, 12, 17), {}, D(2020, 1, 2), D(2020, 1, 1)),
    ("fr.dublin_appeal", D(2019, 12, 17), {"track": "house_arrest"}, D(2019, 12, 18),
     D(2019, 12, 18)),
    ("fr.dublin_appeal", D(2021, 5, 1), {}, D(2021, 5, 17), D(2021, 5, 16)),
    ("fr.dublin_appeal", D(2023, 6, 9), {"track": "detention"}, D(2023, 6, 10), D(2023, 6, 10)),
    ("fr.dublin_appeal", D(2025, 8, 8), {}, D(2025, 8, 18), D(2025, 8, 15)),  # Assumption
    ("fr.dublin_appeal", D(2026, 6, 12), PACT, D(2026, 6, 19), D(2026, 6, 19)),
    ("fr.dublin_appeal", D(2026, 6, 12), {}, D(2026, 6, 19), D(2026, 6, 19)),
    # Transfer periods: authority deadlines, never moved.
    ("fr.dublin_transfer_period", D(2014, 1, 1), {}, D(2014, 7, 1), D(2014, 7, 1)),
    ("fr.dublin_transfer_period", D(2026, 8, 31), {"claim_date": D(2026, 7, 1)},
     D(2027, 2, 28), D(2027, 2, 28)),
    ("fr.dublin_transfer_period_absconded", D(2025, 1, 31), {}, D(2026, 7, 31), D(2026, 7, 31)),
    ("fr.dublin_transfer_period_absconded", D(2026, 6, 12), PACT, D(2029, 6, 12),
     D(2029, 6, 12)),
    ("fr.guda_registration", D(2026, 5, 6), {}, D(2026, 5, 12), D(2026, 5, 12)),  # 8 May
    ("fr.ofpra_accelerated_decision", D(2026, 12, 10), {}, D(2026, 12, 25), D(2026, 12, 25)),
    ("fr.ofpra_accelerated_decision_detention", D(2026, 3, 6), {}, D(2026, 3, 9), D(2026, 3, 9)),
    ("fr.ofpra_filing", D(2026, 10, 11), {}, D(2026, 11, 2), D(2026, 11, 1)),  # All Saints
    ("fr.ofpra_incomplete_file", D(2026, 11, 3), {}, D(2026, 11, 12), D(2026, 11, 11)),
    ("fr.ofpra_reexam_filing", D(2026, 5, 6), {}, D(2026, 5, 15), D(2026, 5, 14)),  # Ascension
    ("fr.ofpra_reexam_incomplete", D(2026, 5, 21), {}, D(2026, 5, 26), D(2026, 5, 25)),
    ("fr.oqtf_challenge", D(2026, 7, 7), {"track": "l921_1"}, D(2026, 7, 15), D(2026, 7, 14)),
    ("fr.oqtf_challenge", D(2026, 10, 31), {"track": "l911_1"}, D(2026, 11, 30),
     D(2026, 11, 30)),
    ("fr.oqtf_departure", D(2026, 1, 31), {}, D(2026, 3, 2), D(2026, 3, 2)),
    ("fr.portal_notice", D(2026, 12, 20), {}, D(2027, 1, 4), D(2027, 1, 4)),
    ("fr.reopening", D(2026, 2, 28), {}, D(2026, 11, 27), D(2026, 11, 27)),
]  # fmt: skip


@pytest.mark.parametrize(("rule_id", "event", "options", "due", "act_by"), ROWS)
def test_worked_example(
    rule_id: str, event: date | datetime, options: dict[str, Any], due: date, act_by: date
) -> None:
    """The calculator agrees with the hand-derived dates."""
    result = compute_deadline(rule_id, event, on=ON, **options)
    assert (result.due, result.act_by) == (due, act_by)
    assert result.act_by <= result.due


def test_rows_reach_every_version() -> None:
    """Every version of every rule has at least one worked example above."""
    rules = default_ruleset()
    wanted = {(rid, v.effective_from) for rid in rules.ids() for v in rules.versions(rid)}
    reached = {
        (rule_id, compute_deadline(rule_id, event, on=ON, **options).rule.effective_from)
        for rule_id, event, options, _, _ in ROWS
    }
    assert wanted - reached == set()
