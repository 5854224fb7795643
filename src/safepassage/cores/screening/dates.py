"""Birth dates, which may be known to the day, the month or only the year.

Namesakes are common (how many Ivan Ivanovs are there?), so a birth date is
the strongest evidence besides the name; lists often give only a year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

__all__ = ["BirthDate", "DateOutcome", "compare_birth_dates", "parse_birth_date"]

DateOutcome = Literal["same", "year_only", "same_year_differs", "conflict", "unknown"]

_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?\s*$")


@dataclass(frozen=True, slots=True, order=True)
class BirthDate:
    """A possibly partial date: year, optional month, optional day."""

    year: int
    month: int | None = None
    day: int | None = None

    def __str__(self) -> str:
        parts = [f"{self.year:04d}"]
        if self.month is not None:
            parts.append(f"{self.month:02d}")
            if self.day is not None:
                parts.append(f"{self.day:02d}")
        return "-".join(parts)


def parse_birth_date(text: str) -> BirthDate:
    """Parse YYYY, YYYY-MM or YYYY-MM-DD; raise ValueError on anything else."""
    found = _DATE.match(text)
    if not found:
        raise ValueError("birth date is not YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(found.group(1))
    month, day = (int(g) if g else None for g in found.groups()[1:])
    if not 1800 <= year <= 2100:
        raise ValueError("birth year out of range")
    if month is not None:
        try:
            date(year, month, day or 1)
        except ValueError:
            raise ValueError("birth date is not a calendar date") from None
    return BirthDate(year, month, day)


def _compare_one(query: BirthDate, listed: BirthDate) -> DateOutcome:
    if query.year != listed.year:
        return "conflict"
    if query.month is None or listed.month is None:
        return "year_only"
    if query.month != listed.month:
        return "same_year_differs"
    if query.day is None or listed.day is None:
        return "year_only"
    return "same" if query.day == listed.day else "same_year_differs"


_RANK: dict[DateOutcome, int] = {
    "same": 4,
    "year_only": 3,
    "same_year_differs": 2,
    "conflict": 1,
    "unknown": 0,
}


def compare_birth_dates(query: BirthDate | None, listed: tuple[BirthDate, ...]) -> DateOutcome:
    """The most favourable outcome over the list's dates (lists give alternatives)."""
    if query is None or not listed:
        return "unknown"
    return max((_compare_one(query, one) for one in listed), key=_RANK.__getitem__)
