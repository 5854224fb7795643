"""Rule titles, events and working in English, French and Russian, with no internal id."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest

from safepassage.cores.procedures import (
    DeadlineResult,
    Suspension,
    compute_deadline,
    default_ruleset,
    describe_result,
    describe_step,
    format_date,
    manner_label,
    manner_names,
    rule_title,
    seat_label,
    seat_names,
    track_label,
    trigger_label,
)
from safepassage.cores.procedures.i18n import dates, places, titles, working
from safepassage.cores.procedures.model import Step

ON = date(2030, 1, 1)
LANGS = ("en", "fr", "ru")
RULES = default_ruleset()
INTERNAL = re.compile(r"\b(fr|de)\.[a-z_]+\b|\b[a-z]+_[a-z_]+\b")
CYRILLIC = re.compile("[а-яА-Я]")


def test_every_rule_trigger_track_and_manner_has_three_languages() -> None:
    """Nothing in the shipped data falls back to an English default or an id."""
    versions = [v for rid in RULES.ids() for v in RULES.versions(rid)]
    assert set(RULES.ids()) <= set(titles.RULE_TITLES)
    assert {v.trigger for v in versions} <= set(titles.TRIGGERS)
    assert {t.name for v in versions for t in v.tracks} <= set(titles.TRACKS)
    assert set(manner_names("FR")) | set(manner_names("DE")) <= set(places.MANNERS)
    assert set(seat_names("DE")) | set(seat_names("FR")) <= set(places.SEAT_NAMES)
    for table in (titles.RULE_TITLES, titles.TRIGGERS, titles.TRACKS, places.MANNERS,
                  working.STEPS, working.COUNTING):  # fmt: skip
        for key, (en, fr, ru) in table.items():
            assert en, key
            assert fr, key
            assert ru, key
            if table is not working.STEPS or re.sub(r"\{\w+\}", "", ru).strip(" :→(),;"):
                assert CYRILLIC.search(ru) or key.startswith("DE-"), key


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Challenge a Dublin transfer decision"),
        ("fr", "Contester une décision de transfert Dublin"),
        ("ru", "Обжаловать решение о передаче по Дублинскому регламенту"),
        ("fr-ca", "Contester une décision de transfert Dublin"),
        ("de", "Challenge a Dublin transfer decision"),  # no German interface: English
    ],
)
def test_rule_title(lang: str, text: str) -> None:
    """The title follows the reader's language; unknown languages read English."""
    assert rule_title("fr.dublin_appeal", lang) == text
    assert rule_title(RULES.versions("fr.dublin_appeal")[0], lang) == text


def test_labels() -> None:
    """Events, tracks, manners and seats have their words in each language."""
    assert (
        trigger_label("ofpra_decision_notified", "fr") == "Notification de la décision de l'OFPRA"
    )
    assert trigger_label("ofpra_decision_notified", "ru") == "Вручено решение OFPRA"
    assert track_label("fr.oqtf_challenge", "l921_1", "fr") == "procédure de sept jours (L921-1)"
    assert manner_label("registered_letter_uncollected", "ru").startswith("заказное письмо")
    assert seat_label("DE-BY", "fr") == "Bavière"
    assert trigger_label("some_new_event", "en") == "Some new event"


@pytest.mark.parametrize(
    ("day", "lang", "text"),
    [
        (date(2026, 3, 13), "en", "13 March 2026"),
        (date(2026, 3, 13), "fr", "13 mars 2026"),
        (date(2026, 3, 1), "fr", "1er mars 2026"),
        (date(2026, 3, 13), "ru", "13 марта 2026 г."),
        (date(2026, 8, 31), "ru", "31 августа 2026 г."),
    ],
)
def test_format_date(day: date, lang: str, text: str) -> None:
    """Dates are written out with each language's month names."""
    assert format_date(day, lang) == text


@pytest.mark.parametrize(
    ("count", "unit", "text"),
    [(1, "days", "1 день"), (3, "days", "3 дня"), (5, "days", "5 дней"), (11, "days", "11 дней"),
     (21, "days", "21 день"), (22, "weeks", "22 недели"), (12, "months", "12 месяцев")],
)  # fmt: skip
def test_russian_plurals(count: int, unit: str, text: str) -> None:
    """Russian periods take the right plural form."""
    assert dates.span(count, unit, "ru") == text


def _results() -> list[DeadlineResult]:
    paris = UTC
    return [
        compute_deadline("fr.dublin_appeal", date(2024, 7, 5), on=ON),
        compute_deadline("fr.oqtf_challenge", date(2026, 3, 7), on=ON),
        compute_deadline("fr.oqtf_challenge", datetime(2026, 3, 7, 9, 0, tzinfo=paris), on=ON,
                         track="l921_2"),
        compute_deadline("fr.cnda_appeal", date(2026, 3, 2), on=ON,
                         notified_by="portal_posted_not_viewed",
                         suspensions=[Suspension(date(2026, 3, 20), date(2026, 4, 20),
                                                 lawyer_notified=date(2026, 4, 22))]),
        compute_deadline("fr.cnda_appeal", date(2026, 3, 2), on=date(2026, 3, 25),
                         suspensions=[Suspension(date(2026, 3, 10))]),
        compute_deadline("fr.cnda_appeal", date(2026, 7, 1), on=ON),
        compute_deadline("fr.dublin_transfer_period_absconded", date(2026, 7, 1), on=ON,
                         claim_date=date(2026, 5, 1)),
        compute_deadline("de.asylum_appeal", date(2026, 5, 21), on=ON, court_seat="DE-BY"),
        compute_deadline("fr.cnda_appeal", date(2026, 3, 2), on=ON, court_seat="FR-67",
                         suspensions=[Suspension(date(2026, 3, 25), date(2026, 4, 1))]),
    ]  # fmt: skip


@pytest.mark.parametrize("lang", ["fr", "ru"])
def test_working_in_french_and_russian_shows_no_internal_id(lang: str) -> None:
    """Every line of working is translated; none shows a rule id or an event code."""
    for result in _results():
        described = describe_result(result, lang)
        for line in [described["title"], described["summary"], *described["steps"]]:
            assert isinstance(line, str)
            assert not INTERNAL.search(line), line
            if lang == "ru":
                assert CYRILLIC.search(line), line
        english = [step.text for step in result.steps]
        assert described["steps"] != english


def test_english_working_is_the_stored_text() -> None:
    """The English text stored with each step is the English sentence."""
    for result in _results():
        for step in result.steps:
            assert describe_step(step, "en") == step.text
            assert not INTERNAL.search(step.text), step.text


def test_acceptance_sentence() -> None:
    """Friday 6 March 2026: act by 13 March 2026, in each language."""
    result = compute_deadline("fr.dublin_appeal", date(2026, 3, 6), on=ON)
    assert describe_result(result, "en")["summary"] == "Act by 13 March 2026"
    assert describe_result(result, "fr")["summary"] == "Agir au plus tard le 13 mars 2026"
    assert describe_result(result, "ru")["summary"] == "Действовать до 13 марта 2026 г."


def test_old_stored_step_falls_back_to_its_text() -> None:
    """A step stored by an older version, with other parameters, keeps its stored text."""
    old = Step("suspension_end", {"end": "2026-04-20"}, "Decision notified 2026-04-20")
    assert describe_step(old, "ru") == "Decision notified 2026-04-20"
    assert describe_step(Step("no_such_code", {}, "kept"), "fr") == "kept"
