"""Public holidays are computed from Easter; months and working days add up as the law counts."""

from __future__ import annotations

from datetime import date

import pytest

from safepassage.cores.procedures import (
    add_months,
    add_working_days,
    easter_sunday,
    is_working_day,
    next_working_day,
    non_working_reason,
    public_holidays,
)


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (2000, date(2000, 4, 23)),
        (2019, date(2019, 4, 21)),
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2027, date(2027, 3, 28)),
        (2038, date(2038, 4, 25)),
    ],
)
def test_easter_sunday(year: int, easter: date) -> None:
    """The computus gives the published Gregorian Easter dates."""
    assert easter_sunday(year) == easter


def test_french_holidays_2026() -> None:
    """France 2026: the eleven jours fériés, movable ones from Easter (5 April)."""
    assert sorted(public_holidays("FR", 2026)) == [
        date(2026, 1, 1),
        date(2026, 4, 6),  # Easter Monday
        date(2026, 5, 1),
        date(2026, 5, 8),
        date(2026, 5, 14),  # Ascension
        date(2026, 5, 25),  # Whit Monday
        date(2026, 7, 14),
        date(2026, 8, 15),
        date(2026, 11, 1),
        date(2026, 11, 11),
        date(2026, 12, 25),
    ]


def test_german_national_holidays_2026() -> None:
    """Germany 2026: nine nationwide holidays, Good Friday included, no Länder days."""
    days = public_holidays("DE", 2026)
    assert sorted(days) == [
        date(2026, 1, 1),
        date(2026, 4, 3),  # Good Friday
        date(2026, 4, 6),
        date(2026, 5, 1),
        date(2026, 5, 14),
        date(2026, 5, 25),
        date(2026, 10, 3),
        date(2026, 12, 25),
        date(2026, 12, 26),
    ]
    assert date(2026, 1, 6) not in days  # Epiphany is a Land holiday only


def test_reformation_day_2017_was_national_once() -> None:
    """31 October was a nationwide holiday in 2017 only."""
    assert date(2017, 10, 31) in public_holidays("DE", 2017)
    assert date(2018, 10, 31) not in public_holidays("DE", 2018)


def test_unknown_jurisdiction_raises() -> None:
    """Only FR and DE calendars exist."""
    with pytest.raises(ValueError, match="no holiday calendar"):
        public_holidays("IT", 2026)


@pytest.mark.parametrize(
    ("day", "reason"),
    [
        (date(2026, 3, 7), "Saturday"),
        (date(2026, 3, 8), "Sunday"),
        (date(2026, 4, 6), "public holiday: Easter Monday (Lundi de Pâques)"),
        (date(2026, 3, 9), None),
    ],
)
def test_non_working_reason(day: date, reason: str | None) -> None:
    """Saturdays, Sundays and holidays are named; working days give None."""
    assert non_working_reason(day, "FR") == reason


def test_next_working_day_skips_a_long_weekend() -> None:
    """Friday 8 May 2026 (holiday) → Monday 11 May."""
    assert next_working_day(date(2026, 5, 8), "FR") == date(2026, 5, 11)
    assert next_working_day(date(2026, 5, 11), "FR") == date(2026, 5, 11)


def test_add_working_days_skips_easter_monday() -> None:
    """Thursday 2 April 2026 + 3 working days = Wednesday 8 April (6 April is a holiday)."""
    assert add_working_days(date(2026, 4, 2), 3, "FR") == date(2026, 4, 8)
    assert is_working_day(date(2026, 4, 8), "FR")
    with pytest.raises(ValueError, match="negative"):
        add_working_days(date(2026, 4, 2), -1, "FR")


@pytest.mark.parametrize(
    ("start", "months", "expected", "clamped"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28), True),
        (date(2028, 1, 31), 1, date(2028, 2, 29), True),  # leap year
        (date(2026, 3, 31), 1, date(2026, 4, 30), True),
        (date(2026, 3, 2), 1, date(2026, 4, 2), False),
        (date(2026, 11, 15), 3, date(2027, 2, 15), False),
        (date(2026, 6, 12), 36, date(2029, 6, 12), False),
    ],
)
def test_add_months(start: date, months: int, expected: date, clamped: bool) -> None:
    """Same day number, or the last day of a shorter month."""
    assert add_months(start, months) == (expected, clamped)
