"""Tracks chosen on the event, regime changes at 15 July 2024 and 12 June 2026, and the
date the law deems a notice received."""

from __future__ import annotations

from datetime import date

import pytest

from safepassage.cores.procedures import (
    NoVersionInForceError,
    UnknownTrackError,
    compute_deadline,
)

ON = date(2030, 1, 1)

# (rule, event, track, due, act_by)
TRACKS = [
    ("fr.oqtf_challenge", date(2026, 3, 2), "l911_1", date(2026, 4, 2), date(2026, 4, 2)),
    ("fr.oqtf_challenge", date(2026, 3, 6), "l921_1", date(2026, 3, 13), date(2026, 3, 13)),
    ("fr.oqtf_challenge", date(2026, 3, 7), "l921_1", date(2026, 3, 16), date(2026, 3, 14)),
    ("fr.oqtf_challenge", date(2026, 3, 6), "l921_2", date(2026, 3, 7), date(2026, 3, 7)),
    ("fr.oqtf_challenge", date(2026, 1, 31), "l911_1", date(2026, 3, 2), date(2026, 2, 28)),
    ("fr.oqtf_challenge", date(2026, 3, 6), None, date(2026, 3, 7), date(2026, 3, 7)),
    # Dublin: house arrest shortened the period to 48 hours before 15 July 2024, not after.
    ("fr.dublin_appeal", date(2024, 7, 1), "house_arrest", date(2024, 7, 2), date(2024, 7, 2)),
    ("fr.dublin_appeal", date(2024, 7, 16), "house_arrest", date(2024, 7, 23), date(2024, 7, 23)),
    ("fr.dublin_appeal", date(2024, 7, 16), "detention", date(2024, 7, 17), date(2024, 7, 17)),
    ("fr.dublin_appeal", date(2024, 7, 16), "at_liberty", date(2024, 7, 23), date(2024, 7, 23)),
]  # fmt: skip


@pytest.mark.parametrize(("rule_id", "event", "track", "due", "act_by"), TRACKS)
def test_track(rule_id: str, event: date, track: str | None, due: date, act_by: date) -> None:
    """The track on the event picks the period; none recorded gives the shortest."""
    result = compute_deadline(rule_id, event, on=ON, track=track)
    assert (result.due, result.act_by) == (due, act_by)


def test_unknown_track_names_the_known_ones() -> None:
    """A track the rule does not have is an error listing those it has."""
    with pytest.raises(UnknownTrackError, match="l921_1"):
        compute_deadline("fr.oqtf_challenge", date(2026, 3, 6), on=ON, track="l999")


def test_track_on_a_rule_without_tracks_is_ignored() -> None:
    """The OQTF's track concerns the challenge, not the 30 days to leave."""
    result = compute_deadline("fr.oqtf_departure", date(2026, 3, 2), on=ON, track="l921_1")
    assert result.due == date(2026, 4, 1)
    assert result.track is None


def test_oqtf_before_the_reform_has_no_track_rule() -> None:
    """OQTFs notified before 15 July 2024 are not modelled: an error, not a guess."""
    with pytest.raises(NoVersionInForceError):
        compute_deadline("fr.oqtf_challenge", date(2024, 7, 14), on=ON, track="l921_1")


# (rule, event, claim date, due, act_by): Pact versions apply to claims from 12 June 2026.
REGIMES = [
    # Transfer period, absconding: 18 months (Dublin III) or 36 (Pact), by the claim date.
    ("fr.dublin_transfer_period_absconded", date(2026, 7, 1), date(2026, 5, 1),
     date(2028, 1, 1), date(2028, 1, 1)),
    ("fr.dublin_transfer_period_absconded", date(2026, 7, 1), date(2026, 6, 12),
     date(2029, 7, 1), date(2029, 7, 1)),
    ("fr.dublin_transfer_period_absconded", date(2026, 7, 1), None,
     date(2029, 7, 1), date(2028, 1, 1)),  # claim date unknown: act by the earlier
    # CNDA: the earlier law's month, or the Pact's windows (one week unless a track says).
    ("fr.cnda_appeal", date(2026, 7, 1), date(2026, 6, 1), date(2026, 8, 3), date(2026, 8, 1)),
    ("fr.cnda_appeal", date(2026, 7, 1), date(2026, 6, 12), date(2026, 7, 8), date(2026, 7, 8)),
    ("fr.cnda_appeal", date(2026, 7, 1), None, date(2026, 7, 8), date(2026, 7, 8)),
    ("fr.dublin_appeal", date(2026, 7, 3), date(2026, 6, 20), date(2026, 7, 10),
     date(2026, 7, 10)),
    ("de.asylum_appeal", date(2026, 7, 3), date(2026, 6, 20), date(2026, 7, 17),
     date(2026, 7, 17)),
    ("de.asylum_appeal", date(2026, 7, 3), date(2026, 5, 20), date(2026, 7, 17),
     date(2026, 7, 17)),
]  # fmt: skip


@pytest.mark.parametrize(("rule_id", "event", "claim", "due", "act_by"), REGIMES)
def test_regime_by_claim_date(
    rule_id: str, event: date, claim: date | None, due: date, act_by: date
) -> None:
    """The claim's date chooses between the Pact and the earlier law."""
    result = compute_deadline(rule_id, event, on=ON, claim_date=claim)
    assert (result.due, result.act_by) == (due, act_by)


def test_old_regime_is_named_in_the_working() -> None:
    """A claim before 12 June 2026 keeps the earlier version and the working says why."""
    result = compute_deadline(
        "fr.dublin_transfer_period_absconded", date(2026, 7, 1), on=ON, claim_date=date(2026, 5, 1)
    )
    assert result.rule.effective_from == date(2014, 1, 1)
    assert [s.code for s in result.steps][1] == "regime_old"


def test_pact_only_rule_refuses_an_older_claim() -> None:
    """The Pact's lodging window does not exist for a claim made under the earlier law."""
    with pytest.raises(NoVersionInForceError, match="earlier law"):
        compute_deadline("fr.apr_lodging", date(2026, 7, 1), on=ON, claim_date=date(2026, 5, 1))


def test_pact_rule_before_the_pact() -> None:
    """No Pact rule applies to an event before 12 June 2026."""
    with pytest.raises(NoVersionInForceError):
        compute_deadline("de.apr_registration", date(2026, 6, 11), on=ON)


# (rule, recorded date, manner, deemed trigger date, due, act_by)
NOTICES = [
    # Registered letter not collected: from the first presentation (the date recorded).
    ("fr.cnda_appeal", date(2026, 3, 2), "registered_letter_uncollected", date(2026, 3, 2),
     date(2026, 4, 3), date(2026, 4, 2)),
    # OFPRA portal, never viewed: 15 days after posting (unverified: act-by from the posting).
    ("fr.cnda_appeal", date(2026, 3, 2), "portal_posted_not_viewed", date(2026, 3, 17),
     date(2026, 4, 20), date(2026, 4, 2)),
    # Germany, registered letter: third day after posting (VwZG § 4(2)).
    ("de.asylum_appeal", date(2026, 3, 2), "registered_letter_posted", date(2026, 3, 5),
     date(2026, 3, 19), date(2026, 3, 16)),
    ("de.asylum_appeal", date(2026, 3, 2), "asylg_10_reception_centre", date(2026, 3, 5),
     date(2026, 3, 19), date(2026, 3, 16)),
    ("de.asylum_appeal", date(2026, 3, 2), "zustellung_personal", date(2026, 3, 2),
     date(2026, 3, 16), date(2026, 3, 16)),
]  # fmt: skip


@pytest.mark.parametrize(("rule_id", "recorded", "manner", "deemed", "due", "act_by"), NOTICES)
def test_deemed_notification(
    rule_id: str, recorded: date, manner: str, deemed: date, due: date, act_by: date
) -> None:
    """The period starts from the date the law deems; the working says so."""
    result = compute_deadline(rule_id, recorded, on=ON, notified_by=manner)
    assert result.trigger_date == deemed
    assert (result.due, result.act_by) == (due, act_by)
    notice = next(s for s in result.steps if s.code.startswith("notice"))
    assert notice.params["deemed"] == deemed.isoformat()


@pytest.mark.parametrize("track", ["l921_2", None])
def test_an_unverified_deemed_date_does_not_delay_a_period_in_hours(track: str | None) -> None:
    """48 hours (L921-2) from a portal posting on Monday 2 March: the deemed date (17 March)
    is unverified, so act-by counts from the posting, 3 March, as for periods in days; with
    no track the earliest track is that one."""
    result = compute_deadline(
        "fr.oqtf_challenge",
        date(2026, 3, 2),
        on=ON,
        notified_by="portal_posted_not_viewed",
        track=track,
    )
    assert result.act_by == date(2026, 3, 3)


def test_manner_of_another_country_is_refused() -> None:
    """A German manner of service on a French rule is an error naming the French ones."""
    with pytest.raises(KeyError, match="portal_viewed"):
        compute_deadline("fr.cnda_appeal", date(2026, 3, 2), on=ON, notified_by="asylg_10_post")
