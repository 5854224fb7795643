"""Court seats and the holidays only some places keep.

A deadline that ends on a public holiday moves to the next working day *at the court's
seat*. Germany's Länder each add days to the nine nationwide ones, and the three
departments of Alsace-Moselle (Bas-Rhin, Haut-Rhin, Moselle) keep Good Friday and
26 December under their local law. A seat is an ISO 3166-2 code: ``DE-BY`` for a court
in Bavaria, ``FR-67`` for Strasbourg, ``FR-METRO`` for a court elsewhere in
metropolitan France. With no seat the calculator uses only the days every place
keeps: the safe reading, never later than the real end.

Only holidays kept across a whole Land are listed. Days kept in part of one
(Fronleichnam in some Saxon and Thuringian communes, Assumption in Bavaria's Catholic
communes, Augsburg's Friedensfest) are left out, so a deadline there may end a day
later than computed, never earlier. The lists were written from the Länder holiday
laws as generally known and were not re-read against each law's official text
(``docs/procedures.md``).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

from .computus import easter_sunday

SEATS: dict[str, str] = {
    "DE-BW": "DE", "DE-BY": "DE", "DE-BE": "DE", "DE-BB": "DE", "DE-HB": "DE",
    "DE-HH": "DE", "DE-HE": "DE", "DE-MV": "DE", "DE-NI": "DE", "DE-NW": "DE",
    "DE-RP": "DE", "DE-SL": "DE", "DE-SN": "DE", "DE-ST": "DE", "DE-SH": "DE",
    "DE-TH": "DE", "FR-67": "FR", "FR-68": "FR", "FR-57": "FR", "FR-METRO": "FR",
}  # fmt: skip

ALSACE_MOSELLE = ("FR-67", "FR-68", "FR-57")


def _repentance_day(year: int) -> date:
    """Buß- und Bettag: the Wednesday before 23 November."""
    day = date(year, 11, 22)
    while day.weekday() != 2:
        day -= timedelta(days=1)
    return day


def _german_land(seat: str, year: int) -> dict[date, str]:
    easter = easter_sunday(year)
    days: dict[date, str] = {}
    if seat in {"DE-BW", "DE-BY", "DE-ST"}:
        days[date(year, 1, 6)] = "epiphany"
    if (seat == "DE-BE" and year >= 2019) or (seat == "DE-MV" and year >= 2023):
        days[date(year, 3, 8)] = "womens_day"
    if seat == "DE-BE" and year in {2020, 2025}:
        days[date(year, 5, 8)] = "liberation_day"
    if seat in {"DE-BW", "DE-BY", "DE-HE", "DE-NW", "DE-RP", "DE-SL"}:
        days[easter + timedelta(days=60)] = "corpus_christi"
    if seat == "DE-SL":
        days[date(year, 8, 15)] = "assumption"
    if seat == "DE-TH" and year >= 2019:
        days[date(year, 9, 20)] = "childrens_day"
    reformation = {"DE-BB", "DE-MV", "DE-SN", "DE-ST", "DE-TH"}
    if year >= 2018:
        reformation |= {"DE-HB", "DE-HH", "DE-NI", "DE-SH"}
    if seat in reformation:
        days[date(year, 10, 31)] = "reformation_day"
    if seat in {"DE-BW", "DE-BY", "DE-NW", "DE-RP", "DE-SL"}:
        days[date(year, 11, 1)] = "all_saints"
    if seat == "DE-SN":
        days[_repentance_day(year)] = "repentance_day"
    return days


@cache
def seat_holidays(seat: str, year: int) -> dict[date, str]:
    """The holidays kept at ``seat`` on top of the national ones: date -> holiday key."""
    if seat not in SEATS:
        raise ValueError(f"unknown court seat {seat!r}; known: {', '.join(sorted(SEATS))}")
    if seat in ALSACE_MOSELLE:
        return {
            easter_sunday(year) - timedelta(days=2): "good_friday",
            date(year, 12, 26): "st_stephen",
        }
    if SEATS[seat] == "DE":
        return _german_land(seat, year)
    return {}


def seat_jurisdiction(seat: str) -> str:
    """The country ("FR", "DE") a seat code belongs to; ValueError if unknown."""
    try:
        return SEATS[seat]
    except KeyError:
        raise ValueError(f"unknown court seat {seat!r}") from None
