"""Words for the procedures core in English, French and Russian.

Rule titles, event names, tracks, court seats, manners of notice and every sentence of
the calculator's working (``describe_step``), so a caseworker reads a deadline in his
language and never an internal id. ``lang`` is a language code ("ru", "fr-fr");
anything else reads English. Pure Python: the web app passes Django's active language.
"""

from __future__ import annotations

from datetime import date
from typing import TypedDict

from ..model import DeadlineResult, DeadlineState, Rule, Step
from ..rules import RuleSet, default_ruleset
from ..seats import SEATS
from .dates import LANGUAGES, format_date, format_instant, lang_of, span
from .places import HOLIDAYS, MANNERS, SEAT_NAMES
from .titles import RULE_TITLES, TRACKS, TRIGGERS
from .working import COUNTING, LAWYER, RESULT, STEPS

__all__ = [
    "LANGUAGES",
    "ResultText",
    "describe_result",
    "describe_step",
    "format_date",
    "holiday_name",
    "manner_label",
    "manner_names",
    "result_word",
    "rule_title",
    "seat_label",
    "seat_names",
    "track_label",
    "trigger_label",
]

_INDEX = {"en": 0, "fr": 1, "ru": 2}
_DATES = {
    "date", "start", "end", "on", "window_end", "effective_from", "claim_date",
    "recorded", "deemed", "restart", "to", "due", "pact", "old", "lawyer_notified",
}  # fmt: skip


def _pick(table: dict[str, tuple[str, str, str]], key: str, lang: str | None) -> str | None:
    entry = table.get(key)
    return None if entry is None else entry[_INDEX[lang_of(lang)]]


def rule_title(
    rule_or_id: Rule | str,
    lang: str | None = "en",
    *,
    ruleset: RuleSet | None = None,
    on: date | None = None,
) -> str:
    """A rule's title in ``lang``; the data file's English title if none is written.

    ``ruleset`` and ``on`` are accepted for callers that hold them; titles do not
    change between versions of a rule.
    """
    rule_id = rule_or_id if isinstance(rule_or_id, str) else rule_or_id.id
    title = _pick(RULE_TITLES, rule_id, lang)
    if title is not None:
        return title
    if isinstance(rule_or_id, Rule):
        return rule_or_id.title
    return _pick(RULE_TITLES, rule_id, "en") or rule_id.split(".", 1)[-1].replace("_", " ")


def trigger_label(trigger: str, lang: str | None = "en") -> str:
    """The event's name in ``lang`` (an unknown code is spelled out, never shown raw)."""
    return _pick(TRIGGERS, trigger, lang) or trigger.replace("_", " ").capitalize()


def track_label(rule_id: str, track: str, lang: str | None = "en") -> str:
    """A track's name in ``lang`` (the same names serve every rule)."""
    return _pick(TRACKS, track, lang) or track.replace("_", " ")


def manner_label(manner: str, lang: str | None = "en", *, jurisdiction: str | None = None) -> str:
    """A manner of notice in ``lang``."""
    return _pick(MANNERS, manner, lang) or manner.replace("_", " ")


def seat_label(seat: str, lang: str | None = "en") -> str:
    """A court seat (Land or department) in ``lang``."""
    return _pick(SEAT_NAMES, seat, lang) or seat


def holiday_name(key: str, lang: str | None = "en") -> str:
    """A holiday key (or "saturday", "sunday") in ``lang``."""
    return _pick(HOLIDAYS, key, lang) or key.replace("_", " ")


def manner_names(jurisdiction: str) -> tuple[str, ...]:
    """The manners of notice of ``jurisdiction`` in the shipped data, sorted."""
    return tuple(sorted(default_ruleset().manners.get(jurisdiction.upper(), {})))


def seat_names(jurisdiction: str) -> tuple[str, ...]:
    """The court seats of ``jurisdiction``, sorted."""
    return tuple(sorted(code for code, country in SEATS.items() if country == jurisdiction))


def _value(key: str, value: str, params: dict[str, str], lang: str) -> str:
    if not value:
        return value
    if key in _DATES:
        return format_date(value, lang)
    if key in {"length", "remaining_days", "hours"}:
        unit = params.get("unit", "hours" if key == "hours" else "days")
        return span(value, unit, lang)
    words = {
        "rule_id": lambda: rule_title(value, lang),
        "trigger": lambda: trigger_label(value, lang),
        "counting": lambda: _pick(COUNTING, value, lang) or value,
        "reason": lambda: holiday_name(value, lang),
        "track": lambda: track_label("", value, lang),
        "manner": lambda: manner_label(value, lang),
        "seat": lambda: seat_label(value, lang),
        "given": lambda: seat_label(value, lang),
        "due_at": lambda: format_instant(value, lang),
    }
    return words[key]() if key in words else value


def result_word(key: str, lang: str | None = "en") -> str:
    """A word of the result's presentation ("source", "quote", "verified", ...)."""
    return RESULT[key][_INDEX[lang_of(lang)]]


def describe_step(step: Step, lang: str | None = "en") -> str:
    """One line of working in ``lang``; the stored text if the step is not known."""
    code = lang_of(lang)
    template = _pick(STEPS, step.code, code)
    if template is None:
        return step.text
    try:
        values = {k: _value(k, v, step.params, code) for k, v in step.params.items()}
        if step.code == "suspension_end":
            lawyer = values.get("lawyer_notified", "")
            values["lawyer"] = LAWYER[_INDEX[code]].format(lawyer_notified=lawyer) if lawyer else ""
        return template.format(**values)
    except (KeyError, ValueError, IndexError):
        return step.text


class ResultText(TypedDict):
    """A deadline written out for a reader: what ``describe_result`` returns."""

    title: str
    summary: str
    due_if: str
    verified: bool
    verified_note: str
    steps: list[str]


def describe_result(result: DeadlineResult, lang: str | None = "en") -> ResultText:
    """Title, the act-by sentence and every line of working of ``result`` in ``lang``."""
    code = lang_of(lang)
    if result.state is DeadlineState.SUSPENDED or result.act_by is None:
        summary = RESULT["suspended"][_INDEX[code]]
    else:
        summary = RESULT["due"][_INDEX[code]].format(date=format_date(result.act_by, code))
    later = ""
    if result.due and result.act_by and result.due != result.act_by:
        later = RESULT["due_if"][_INDEX[code]].format(date=format_date(result.due, code))
    return {
        "title": rule_title(result.rule_id, code),
        "summary": summary,
        "due_if": later,
        "verified": result.verified,
        "verified_note": "" if result.verified else RESULT["unverified"][_INDEX[code]],
        "steps": [describe_step(step, code) for step in result.steps],
    }
