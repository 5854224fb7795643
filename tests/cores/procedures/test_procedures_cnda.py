"""The CNDA appeal clock and its legal-aid suspension, with the working shown."""

from __future__ import annotations

from datetime import date

import pytest

from safepassage.cores.procedures import DeadlineResult, DeadlineState, Suspension, compute_deadline

NOTIFIED = date(2026, 3, 2)  # Monday; the month in jours francs ends Friday 3 April


def cnda(*suspensions: Suspension, on: date = date(2030, 1, 1)) -> DeadlineResult:
    return compute_deadline("fr.cnda_appeal", NOTIFIED, on=on, suspensions=suspensions)


def test_published_worked_example() -> None:
    """mlgm-avocat.fr's example: notified 4 June 2019, legal aid asked 17 June, granted and
    notified 6 August: 18 days left from 7 August → Sunday 25 August → Monday 26 August."""
    result = compute_deadline(
        "fr.cnda_appeal",
        date(2019, 6, 4),
        on=date(2020, 1, 1),
        suspensions=[Suspension(date(2019, 6, 17), date(2019, 8, 6))],
    )
    assert result.due == date(2019, 8, 26)
    start = next(s for s in result.steps if s.code == "suspension_start")
    assert start.params["remaining_days"] == "18"
    end = next(s for s in result.steps if s.code == "suspension_end")
    assert end.params["date"] == "2019-08-25"
    moved = [s for s in result.steps if s.code == "moved_non_working"]
    assert moved[-1].params["to"] == "2019-08-26"


def test_no_suspension() -> None:
    """Without legal aid: one month in jours francs, 3 April 2026."""
    assert cnda().due == date(2026, 4, 3)


def test_request_within_window_suspends_and_resumes() -> None:
    """Asked on 10 March with 24 days left; decided 20 April; 24 days from 21 April → 15 May.
    Act-by drops the jours-francs day (23 days left) and restarts on 20 April itself: 13 May."""
    result = cnda(Suspension(date(2026, 3, 10), date(2026, 4, 20)))
    assert result.due == date(2026, 5, 15)
    assert result.conservative == date(2026, 5, 13)
    texts = [s.text for s in result.steps]
    assert "Legal aid requested 10 March 2026: clock suspended with 24 days remaining" in texts
    assert (
        "Decision notified 20 April 2026: the clock resumes the day after 20 April 2026, "
        "24 days → 15 May 2026" in texts
    )


def test_lawyer_notified_later_restarts_from_the_later_date() -> None:
    """Applicant notified 20 April, lawyer 22 April (CAA Toulouse 22TL00387): 24 days from
    23 April → Sunday 17 May → Monday 18 May; act-by stays the earliest reading, 13 May."""
    result = cnda(
        Suspension(date(2026, 3, 10), date(2026, 4, 20), lawyer_notified=date(2026, 4, 22))
    )
    assert result.due == date(2026, 5, 18)
    assert result.act_by == date(2026, 5, 13)
    end = next(s for s in result.steps if s.code == "suspension_end")
    assert end.params["restart"] == "2026-04-22"
    assert "(to the lawyer 22 April 2026)" in end.text


def test_lawyer_notified_before_the_applicant() -> None:
    """The later notification counts even when it is the applicant's."""
    result = cnda(
        Suspension(date(2026, 3, 10), date(2026, 4, 22), lawyer_notified=date(2026, 4, 20))
    )
    assert result.due == date(2026, 5, 18)
    assert result.act_by == date(2026, 5, 13)


def test_lawyer_notified_while_the_applicants_notice_is_not_recorded() -> None:
    """The lawyer was told on 20 April and the applicant's notice is not recorded: the
    clock may have restarted on 20 April (the earlier notification), so act-by is 13 May
    even though ``due`` waits for the applicant's date."""
    result = cnda(Suspension(date(2026, 3, 10), None, lawyer_notified=date(2026, 4, 20)))
    assert result.due is None
    assert result.state is DeadlineState.SUSPENDED
    assert result.act_by == date(2026, 5, 13)


def test_request_on_day_15_suspends() -> None:
    """17 March is day 15: it suspends; 17 days left from 21 April → 8 May (holiday) → 11 May."""
    result = cnda(Suspension(date(2026, 3, 17), date(2026, 4, 20)))
    assert result.due == date(2026, 5, 11)
    assert [s.code for s in result.steps][-4:-1] == [
        "moved_non_working",
        "moved_non_working",
        "moved_non_working",
    ]


def test_request_on_day_16_does_not_suspend() -> None:
    """18 March is day 16: no suspension, the deadline stays 3 April, and the working says why."""
    result = cnda(Suspension(date(2026, 3, 18), date(2026, 4, 20)))
    assert result.due == date(2026, 4, 3)
    late = next(s for s in result.steps if s.code == "suspension_too_late")
    assert late.params == {"start": "2026-03-18", "window_days": "15", "window_end": "2026-03-17"}


def test_request_on_notification_day_keeps_the_whole_month() -> None:
    """Asked the day of notification: all 31 days remain, from 21 April → 22 May."""
    assert cnda(Suspension(NOTIFIED, date(2026, 4, 20))).due == date(2026, 5, 22)


def test_open_suspension_has_no_due_date() -> None:
    """No legal-aid decision yet: suspended, no due date, never a guessed one."""
    result = cnda(Suspension(date(2026, 3, 10)))
    assert result.state is DeadlineState.SUSPENDED
    assert result.due is None
    assert result.conservative is None
    assert result.act_by is None
    assert result.days_left(date(2026, 3, 20)) is None
    assert result.steps[-1].code == "suspension_open"


def test_decision_after_the_as_of_date_is_not_known_yet() -> None:
    """Computed as of 1 April, a decision dated 20 April is not yet known: still suspended."""
    result = cnda(Suspension(date(2026, 3, 10), date(2026, 4, 20)), on=date(2026, 4, 1))
    assert result.state is DeadlineState.SUSPENDED


def test_request_after_the_as_of_date_is_ignored() -> None:
    """Computed as of 5 March, a request dated 10 March is not counted."""
    result = cnda(Suspension(date(2026, 3, 10)), on=date(2026, 3, 5))
    assert result.due == date(2026, 4, 3)
    assert any(s.code == "suspension_future" for s in result.steps)


def test_only_the_first_request_suspends() -> None:
    """A second legal-aid request never extends the clock again."""
    first = Suspension(date(2026, 3, 10), date(2026, 4, 20))
    result = cnda(first, Suspension(date(2026, 4, 25), date(2026, 5, 30)))
    assert result.due == date(2026, 5, 15)
    assert any(s.code == "suspension_repeat" for s in result.steps)


def test_other_kind_of_suspension_is_not_applied() -> None:
    """Only legal aid suspends this clock; anything else is noted and ignored."""
    result = cnda(Suspension(date(2026, 3, 10), date(2026, 4, 20), kind="hospital"))
    assert result.due == date(2026, 4, 3)
    assert any(s.code == "suspension_not_applicable" for s in result.steps)


def test_rule_without_suspension_ignores_one() -> None:
    """The OFPRA filing deadline has no suspension: the date does not move."""
    result = compute_deadline(
        "fr.ofpra_filing",
        date(2026, 3, 2),
        on=date(2030, 1, 1),
        suspensions=[Suspension(date(2026, 3, 5), date(2026, 3, 20))],
    )
    assert result.due == date(2026, 3, 23)


def test_suspension_before_trigger_is_an_error() -> None:
    """A request before the notification is a data error, not a silent date."""
    with pytest.raises(ValueError, match="before the trigger"):
        cnda(Suspension(date(2026, 3, 1), date(2026, 3, 20)))


def test_suspension_must_end_after_it_starts() -> None:
    """A decision before the request is refused when the interval is built."""
    with pytest.raises(ValueError, match="before it starts"):
        Suspension(date(2026, 3, 10), date(2026, 3, 9))


def test_result_serialises() -> None:
    """as_dict gives JSON-ready data for storage with the case decision."""
    import json

    data = cnda(Suspension(date(2026, 3, 10), date(2026, 4, 20))).as_dict()
    assert json.loads(json.dumps(data))["due"] == "2026-05-15"
    assert data["rule_effective_from"] == "2019-01-01"
    assert all(isinstance(v, str) for step in data["steps"] for v in step["params"].values())
