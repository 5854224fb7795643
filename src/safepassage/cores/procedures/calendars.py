"""Public holidays and calendar arithmetic, computed rather than listed per year.

France: the eleven national *jours fériés* of Code du travail art. L3133-1 (1 January,
Easter Monday, 1 May, 8 May, Ascension, Whit Monday, 14 July, 15 August, 1 November,
11 November, 25 December). Whit Monday stays a public holiday even where it is worked
as the *journée de solidarité*. Alsace-Moselle's extra days (Good Friday, 26 December)
and overseas departments' days are out of scope: a deadline there may end a day
later than computed here, never earlier.

Germany: the nine nationwide holidays (1 January, Good Friday, Easter Monday, 1 May,
Ascension, Whit Monday, 3 October, 25 and 26 December) plus the one-off nationwide
Reformation Day of 31 October 2017. Länder holidays are out of scope, with the same
consequence: the real end may be later, never earlier.
"""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, timedelta
from functools import cache

from .errors import NaiveDatetimeError

SUPPORTED = ("FR", "DE")


def easter_sunday(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous Gregorian computus)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


@cache
def public_holidays(jurisdiction: str, year: int) -> dict[date, str]:
    """The national public holidays of ``jurisdiction`` ("FR" or "DE") in ``year``."""
    easter = easter_sunday(year)
    if jurisdiction == "FR":
        days = {
            date(year, 1, 1): "New Year's Day (Jour de l'an)",
            easter + timedelta(days=1): "Easter Monday (Lundi de Pâques)",
            date(year, 5, 1): "Labour Day (Fête du travail)",
            date(year, 5, 8): "Victory in Europe Day (Victoire 1945)",
            easter + timedelta(days=39): "Ascension Day (Ascension)",
            easter + timedelta(days=50): "Whit Monday (Lundi de Pentecôte)",
            date(year, 7, 14): "Bastille Day (Fête nationale)",
            date(year, 8, 15): "Assumption (Assomption)",
            date(year, 11, 1): "All Saints' Day (Toussaint)",
            date(year, 11, 11): "Armistice Day (Armistice 1918)",
            date(year, 12, 25): "Christmas Day (Noël)",
        }
    elif jurisdiction == "DE":
        days = {
            date(year, 1, 1): "New Year's Day (Neujahr)",
            easter - timedelta(days=2): "Good Friday (Karfreitag)",
            easter + timedelta(days=1): "Easter Monday (Ostermontag)",
            date(year, 5, 1): "Labour Day (Tag der Arbeit)",
            easter + timedelta(days=39): "Ascension Day (Christi Himmelfahrt)",
            easter + timedelta(days=50): "Whit Monday (Pfingstmontag)",
            date(year, 10, 3): "German Unity Day (Tag der Deutschen Einheit)",
            date(year, 12, 25): "Christmas Day (1. Weihnachtstag)",
            date(year, 12, 26): "Boxing Day (2. Weihnachtstag)",
        }
        if year == 2017:
            days[date(2017, 10, 31)] = "Reformation Day 2017 (Reformationstag, nationwide once)"
    else:
        raise ValueError(f"no holiday calendar for {jurisdiction!r}; supported: {SUPPORTED}")
    return days


def non_working_reason(day: date, jurisdiction: str) -> str | None:
    """Why ``day`` is not a working day ("Saturday", a holiday's name), or None."""
    holiday = public_holidays(jurisdiction, day.year).get(day)
    if holiday is not None:
        return f"public holiday: {holiday}"
    if day.weekday() == 5:
        return "Saturday"
    if day.weekday() == 6:
        return "Sunday"
    return None


def is_working_day(day: date, jurisdiction: str) -> bool:
    """Monday to Friday and not a national public holiday."""
    return non_working_reason(day, jurisdiction) is None


def next_working_day(day: date, jurisdiction: str) -> date:
    """``day`` itself if it is a working day, else the first working day after it."""
    while not is_working_day(day, jurisdiction):
        day += timedelta(days=1)
    return day


def add_working_days(day: date, count: int, jurisdiction: str) -> date:
    """The ``count``-th working day after ``day`` (``day`` itself never counts)."""
    if count < 0:
        raise ValueError("count must not be negative")
    while count:
        day += timedelta(days=1)
        if is_working_day(day, jurisdiction):
            count -= 1
    return day


def add_months(day: date, months: int) -> tuple[date, bool]:
    """Same day number ``months`` later; the month's last day if that month is shorter.

    Returns the date and whether it was clamped to the month's end (31 January + 1
    month is 28 or 29 February): CPC art. 641 al. 2 and BGB § 188(3) say the same.
    """
    index = day.year * 12 + (day.month - 1) + months
    year, month0 = divmod(index, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last)), day.day > last


def aware_utc(value: datetime, name: str = "datetime") -> datetime:
    """``value`` converted to UTC; raises ``NaiveDatetimeError`` if it has no time zone."""
    if value.tzinfo is None or value.utcoffset() is None:
        raise NaiveDatetimeError(f"{name} must be timezone-aware (UTC), got naive {value!r}")
    return value.astimezone(UTC)
