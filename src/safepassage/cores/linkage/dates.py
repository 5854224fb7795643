"""Birth dates of two records: agreement, the typical errors of intake, or a conflict.

People and staff get birth dates wrong in a few known ways: day and month swapped
(08.03 written as 03.08, the US order), one digit mistyped, the year off by one (an age
turned into a year), 1 January standing for "only the year is known". Each is named, so a
reader sees why two different dates still agree. Anything else is a conflict.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

__all__ = ["DateAgreement", "compare_dates"]


@dataclass(frozen=True, slots=True)
class DateAgreement:
    """``kind``: exact, swapped, one_digit, year_off_by_one, placeholder, same_year,
    conflict or unknown; ``text`` says it to a reader."""

    kind: str
    text: str


UNKNOWN = DateAgreement("unknown", "")
_TEXT = {
    "exact": "same birth date",
    "swapped": "birth dates agree with day and month swapped",
    "one_digit": "birth dates differ by one mistyped digit",
    "year_off_by_one": "same day and month, birth year off by one",
    "placeholder": "same birth year; one date is 1 January (year only known)",
    "same_year": "same birth year (no full date on one side)",
    "conflict": "different birth dates",
}


def _agreement(kind: str) -> DateAgreement:
    return DateAgreement(kind, _TEXT[kind])


def _one_digit(a: datetime.date, b: datetime.date) -> bool:
    first, second = a.strftime("%Y%m%d"), b.strftime("%Y%m%d")
    return sum(x != y for x, y in zip(first, second, strict=True)) == 1


def _full(a: datetime.date, b: datetime.date) -> DateAgreement:
    if a == b:
        return _agreement("exact")
    if a.year == b.year and a.day == b.month and a.month == b.day:
        return _agreement("swapped")
    if (a.month, a.day) == (b.month, b.day) and abs(a.year - b.year) == 1:
        return _agreement("year_off_by_one")
    if a.year == b.year and (1, 1) in ((a.month, a.day), (b.month, b.day)):
        return _agreement("placeholder")
    if _one_digit(a, b):
        return _agreement("one_digit")
    return _agreement("conflict")


def compare_dates(
    first: datetime.date | None,
    first_year: int | None,
    second: datetime.date | None,
    second_year: int | None,
) -> DateAgreement:
    """Compare two birth dates, either of which may be only a year or nothing."""
    if first is not None and second is not None:
        return _full(first, second)
    year_a = first.year if first else first_year
    year_b = second.year if second else second_year
    if year_a is None or year_b is None:
        return UNKNOWN
    if year_a == year_b:
        return _agreement("same_year")
    if abs(year_a - year_b) == 1:
        return _agreement("year_off_by_one")
    return _agreement("conflict")
