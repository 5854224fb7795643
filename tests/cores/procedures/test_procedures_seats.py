"""Court seats: Land holidays and Alsace-Moselle's two days move a deadline by the seat;
with no seat only days every place keeps count (the safe reading)."""

from __future__ import annotations

from datetime import date

import pytest

from safepassage.cores.procedures import compute_deadline, is_working_day, seat_holidays
from safepassage.cores.procedures.seats import SEATS

ON = date(2030, 1, 1)

# (seat, day, holiday key or None) — worked out from the calendar by hand.
HOLIDAYS = [
    ("DE-BY", date(2026, 1, 6), "epiphany"),
    ("DE-BW", date(2026, 6, 4), "corpus_christi"),  # Easter 5 April + 60
    ("DE-NW", date(2026, 11, 1), "all_saints"),
    ("DE-NI", date(2026, 10, 31), "reformation_day"),
    ("DE-NI", date(2017, 10, 31), None),  # Lower Saxony only from 2018 (nationwide in 2017)
    ("DE-SN", date(2026, 11, 18), "repentance_day"),  # Wednesday before 23 November
    ("DE-SN", date(2025, 11, 19), "repentance_day"),
    ("DE-BE", date(2026, 3, 8), "womens_day"),
    ("DE-BE", date(2018, 3, 8), None),  # Berlin from 2019
    ("DE-MV", date(2023, 3, 8), "womens_day"),
    ("DE-BE", date(2025, 5, 8), "liberation_day"),
    ("DE-TH", date(2026, 9, 20), "childrens_day"),
    ("DE-SL", date(2026, 8, 15), "assumption"),
    ("DE-BY", date(2026, 8, 15), None),  # only in Catholic communes: left out, safe
    ("DE-SN", date(2026, 6, 4), None),  # Corpus Christi only in some communes: left out
    ("DE-HH", date(2026, 6, 4), None),
    ("FR-67", date(2026, 4, 3), "good_friday"),
    ("FR-57", date(2026, 12, 26), "st_stephen"),
    ("FR-METRO", date(2026, 4, 3), None),
]


@pytest.mark.parametrize(("seat", "day", "key"), HOLIDAYS)
def test_seat_holidays(seat: str, day: date, key: str | None) -> None:
    """Each seat keeps exactly its own extra days."""
    assert seat_holidays(seat, day.year).get(day) == key


def test_every_land_is_a_seat() -> None:
    """All sixteen Länder and the three Alsace-Moselle departments are known seats."""
    assert sum(1 for country in SEATS.values() if country == "DE") == 16
    assert {"FR-67", "FR-68", "FR-57"} <= set(SEATS)


def test_unknown_seat_is_refused() -> None:
    """A typo in a seat is an error, never a silent national calendar."""
    with pytest.raises(ValueError, match="court seat"):
        seat_holidays("DE-XX", 2026)
    with pytest.raises(ValueError, match="not in FR"):
        compute_deadline("fr.oqtf_departure", date(2026, 3, 2), on=ON, court_seat="DE-BY")


def test_working_day_at_seat() -> None:
    """Corpus Christi is a working day in Hamburg and not in Bavaria."""
    assert is_working_day(date(2026, 6, 4), "DE", "DE-HH")
    assert not is_working_day(date(2026, 6, 4), "DE", "DE-BY")
    assert is_working_day(date(2026, 6, 4), "DE")


# (rule, event, track, seat, due, act_by)
DEADLINES = [
    # Two weeks from 21 May 2026 end on Corpus Christi: a Bavarian court's next working day.
    ("de.asylum_appeal", date(2026, 5, 21), None, "DE-BY", date(2026, 6, 5), date(2026, 6, 4)),
    ("de.asylum_appeal", date(2026, 5, 21), None, "DE-HH", date(2026, 6, 4), date(2026, 6, 4)),
    ("de.asylum_appeal", date(2026, 5, 21), None, None, date(2026, 6, 4), date(2026, 6, 4)),
    # One week from 24 October 2025 ends on Reformation Day (Friday) → Monday in Lower Saxony.
    ("de.dublin_appeal", date(2025, 10, 24), None, "DE-NI", date(2025, 11, 3), date(2025, 10, 31)),
    ("de.dublin_appeal", date(2025, 10, 24), None, "DE-BY", date(2025, 10, 31), date(2025, 10, 31)),
    # One month from 3 March 2026 ends on Good Friday; in Strasbourg → Tuesday after Easter.
    ("fr.oqtf_challenge", date(2026, 3, 3), "l911_1", "FR-67", date(2026, 4, 7), date(2026, 4, 3)),
    ("fr.oqtf_challenge", date(2026, 3, 3), "l911_1", "FR-METRO", date(2026, 4, 3),
     date(2026, 4, 3)),
    ("fr.oqtf_challenge", date(2026, 3, 3), "l911_1", None, date(2026, 4, 3), date(2026, 4, 3)),
    # Seven days from 19 December 2025 end on 26 December (Friday) → Monday in Moselle.
    ("fr.dublin_appeal", date(2025, 12, 19), None, "FR-57", date(2025, 12, 29), date(2025, 12, 26)),
    ("fr.dublin_appeal", date(2025, 12, 19), None, None, date(2025, 12, 26), date(2025, 12, 26)),
]  # fmt: skip


@pytest.mark.parametrize(("rule_id", "event", "track", "seat", "due", "act_by"), DEADLINES)
def test_seat_moves_the_deadline(
    rule_id: str, event: date, track: str | None, seat: str | None, due: date, act_by: date
) -> None:
    """The seat's holidays extend the due date; act-by keeps the safe reading."""
    result = compute_deadline(rule_id, event, on=ON, track=track, court_seat=seat)
    assert (result.due, result.act_by) == (due, act_by)
    assert result.court_seat == seat
    assert any(s.code == ("seat" if seat else "seat_none") for s in result.steps)


def test_cnda_sits_in_montreuil() -> None:
    """The CNDA's seat is fixed: a Strasbourg seat on the event changes nothing."""
    plain = compute_deadline("fr.cnda_appeal", date(2026, 3, 2), on=ON)
    strasbourg = compute_deadline("fr.cnda_appeal", date(2026, 3, 2), on=ON, court_seat="FR-67")
    assert strasbourg.due == plain.due == date(2026, 4, 3)  # Good Friday, but not in Montreuil
    assert any(s.code == "seat_fixed" for s in strasbourg.steps)
