"""The upcoming-deadlines helper sorts what needs doing soonest first."""

from __future__ import annotations

from datetime import date

import pytest

from safepassage.cores.procedures import DeadlineResult, Suspension, compute_deadline, upcoming

Items = list[tuple[str, DeadlineResult]]

ON = date(2026, 3, 10)


@pytest.fixture
def deadlines() -> Items:
    return [
        ("case-far", compute_deadline("fr.cnda_appeal", date(2026, 5, 1), on=ON)),  # 2 June
        ("case-soon", compute_deadline("fr.ofpra_filing", date(2026, 2, 25), on=ON)),  # 18 Mar
        ("case-late", compute_deadline("fr.dublin_appeal", date(2026, 2, 1), on=ON)),  # 8 Feb
        (
            "case-suspended",
            compute_deadline(
                "fr.cnda_appeal",
                date(2026, 3, 2),
                on=ON,
                suspensions=[Suspension(date(2026, 3, 5))],
            ),
        ),
    ]


def test_overdue_first_then_soonest(deadlines: Items) -> None:
    """Within 14 days: the overdue one, then the one due on 18 March; nothing else."""
    assert [key for key, _ in upcoming(deadlines, ON, 14)] == ["case-late", "case-soon"]


def test_without_overdue_and_with_suspended(deadlines: Items) -> None:
    """Options drop passed deadlines and append the suspended ones last."""
    keys = [
        k for k, _ in upcoming(deadlines, ON, 90, include_overdue=False, include_suspended=True)
    ]
    assert keys == ["case-soon", "case-far", "case-suspended"]


def test_days_left(deadlines: Items) -> None:
    """days_left counts to the act-by date, negative once passed."""
    results = dict(deadlines)
    assert results["case-soon"].days_left(ON) == 8
    assert results["case-late"].days_left(ON) == -30


def test_negative_horizon_refused() -> None:
    """A negative horizon is a caller's mistake."""
    with pytest.raises(ValueError, match="horizon"):
        upcoming([], ON, -1)
