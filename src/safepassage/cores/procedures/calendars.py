"""Public holidays and calendar arithmetic, computed rather than listed per year.

France: the eleven national *jours fériés* of Code du travail art. L3133-1 (1 January,
Easter Monday, 1 May, 8 May, Ascension, Whit Monday, 14 July, 15 August, 1 November,
11 November, 25 December). Whit Monday stays a public holiday even where it is worked
as the *journée de solidarité*. Alsace-Moselle's extra days (Good Friday, 26 December)
are applied only when the court's seat is known (``seats.py``); overseas
departments' days are out of scope: a deadline there may end a day later than
computed here, never earlier.

Germany: the nine nationwide holidays (1 January, Good Friday, Easter Monday, 1 May,
Ascension, Whit Monday, 3 October, 25 and 26 December) plus the one-off nationwide
Reformation Day of 31 October 2017. Länder holidays apply when the court's seat is
known (``seats.py``); without it the real end may be later, never earlier.
"""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, timedelta
from functools import cache

from .computus import easter_sunday
from .errors import NaiveDatetimeError
from .seats import seat_holidays, seat_jurisdiction

SUPPORTED = ("FR", "DE")


HOLIDAY_NAMES: dict[str, str] = {
    "new_year": "New Year's Day",
    "good_friday": "Good Friday",
    "easter_monday": "Easter Monday",
    "labour_day": "Labour Day",
    "victory_1945": "Victory in Europe Day",
    "ascension": "Ascension Day",
    "whit_monday": "Whit Monday",
    "bastille_day": "Bastille Day",
    "assumption": "Assumption",
    "all_saints": "All Saints' Day",
    "armistice": "Armistice Day",
    "christmas": "Christmas Day",
    "boxing_day": "Boxing Day",
    "st_stephen": "St Stephen's Day",
    "unity_day": "German Unity Day",
    "reformation_day": "Reformation Day",
    "epiphany": "Epiphany",
    "womens_day": "International Women's Day",
    "liberation_day": "Liberation Day",
    "corpus_christi": "Corpus Christi",
    "childrens_day": "Children's Day",
    "repentance_day": "Day of Repentance and Prayer",
}
_LOCAL_NAMES = {
    "FR": {
        "new_year": "Jour de l'an", "easter_monday": "Lundi de Pâques",
        "labour_day": "Fête du travail", "victory_1945": "Victoire 1945",
        "ascension": "Ascension", "whit_monday": "Lundi de Pentecôte",
        "bastille_day": "Fête nationale", "assumption": "Assomption",
        "all_saints": "Toussaint", "armistice": "Armistice 1918", "christmas": "Noël",
    },
    "DE": {
        "new_year": "Neujahr", "good_friday": "Karfreitag", "easter_monday": "Ostermontag",
        "labour_day": "Tag der Arbeit", "ascension": "Christi Himmelfahrt",
        "whit_monday": "Pfingstmontag", "unity_day": "Tag der Deutschen Einheit",
        "christmas": "1. Weihnachtstag", "boxing_day": "2. Weihnachtstag",
        "reformation_day": "Reformationstag, nationwide once",
    },
}  # fmt: skip


@cache
def national_holidays(jurisdiction: str, year: int) -> dict[date, str]:
    """The national public holidays of ``jurisdiction`` in ``year``: date -> holiday key."""
    easter = easter_sunday(year)
    shared = {
        date(year, 1, 1): "new_year",
        easter + timedelta(days=1): "easter_monday",
        date(year, 5, 1): "labour_day",
        easter + timedelta(days=39): "ascension",
        easter + timedelta(days=50): "whit_monday",
        date(year, 12, 25): "christmas",
    }
    if jurisdiction == "FR":
        return shared | {
            date(year, 5, 8): "victory_1945",
            date(year, 7, 14): "bastille_day",
            date(year, 8, 15): "assumption",
            date(year, 11, 1): "all_saints",
            date(year, 11, 11): "armistice",
        }
    if jurisdiction == "DE":
        days = shared | {
            easter - timedelta(days=2): "good_friday",
            date(year, 10, 3): "unity_day",
            date(year, 12, 26): "boxing_day",
        }
        if year == 2017:
            days[date(2017, 10, 31)] = "reformation_day"
        return days
    raise ValueError(f"no holiday calendar for {jurisdiction!r}; supported: {SUPPORTED}")


@cache
def public_holidays(jurisdiction: str, year: int) -> dict[date, str]:
    """The national public holidays of ``jurisdiction`` ("FR" or "DE") in ``year``,
    with their English and local names."""
    local = _LOCAL_NAMES.get(jurisdiction, {})
    named: dict[date, str] = {}
    for day, key in national_holidays(jurisdiction, year).items():
        english = HOLIDAY_NAMES[key]
        if key == "reformation_day":
            english = "Reformation Day 2017"
        named[day] = f"{english} ({local[key]})" if key in local else english
    return named


def holidays_at(jurisdiction: str, year: int, seat: str | None = None) -> dict[date, str]:
    """National holidays plus those of the court's ``seat`` (if given): date -> key."""
    days = dict(national_holidays(jurisdiction, year))
    if seat is not None:
        if seat_jurisdiction(seat) != jurisdiction:
            raise ValueError(f"court seat {seat!r} is not in {jurisdiction}")
        days.update(seat_holidays(seat, year))
    return days


def non_working_code(day: date, jurisdiction: str, seat: str | None = None) -> str | None:
    """Why ``day`` is not a working day as a code: "saturday", "sunday", a holiday key."""
    holiday = holidays_at(jurisdiction, day.year, seat).get(day)
    if holiday is not None:
        return holiday
    return {5: "saturday", 6: "sunday"}.get(day.weekday())


def non_working_reason(day: date, jurisdiction: str, seat: str | None = None) -> str | None:
    """Why ``day`` is not a working day ("Saturday", a holiday's name), or None."""
    code = non_working_code(day, jurisdiction, seat)
    if code is None:
        return None
    if code in {"saturday", "sunday"}:
        return code.capitalize()
    national = public_holidays(jurisdiction, day.year).get(day)
    return f"public holiday: {national or HOLIDAY_NAMES[code]}"


def is_working_day(day: date, jurisdiction: str, seat: str | None = None) -> bool:
    """Monday to Friday and not a public holiday (national, or at ``seat`` if given)."""
    return non_working_code(day, jurisdiction, seat) is None


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
