"""Procedures: legal deadlines as dated data, a deadline calculator, check-in timing.

Domain. A person who reaches France or Germany enters an asylum procedure with hard
legal deadlines: 21 days to file with OFPRA once the asylum certificate (ATDA) is
issued, one month (in *jours francs*) to appeal to the CNDA, suspended by a legal-aid
request made within 15 days, two weeks (one in some cases) to go to court against a
BAMF decision. Missing one can end the case. These rules change (France's 2024 law,
the EU Pact from 12 June 2026), so they live in data files (``data/fr.json``,
``data/de.json``), each record one *version* of one rule with the date from which it
applies, its legal basis and its sources; nothing here is a constant in code.

The calculator picks the version in force on the trigger date, applies the counting
convention (calendar days, working days, weeks, months, hours; the day of the event
not counted; *jours francs*), any suspension interval, and the move off a Saturday,
Sunday or public holiday where the rule says so, and returns the due date with every
step of its working as data (``Step.code`` and ``params`` for the UI to translate, an
English ``text``). Where part of a rule could not be verified the record says
``[unverified]`` and the result carries a ``conservative`` date, the earliest any
reading gives: caseworkers work to ``act_by``. Store ``DeadlineResult.rule`` (rule id,
version, data version) with every case decision.

Check-ins: a schedule per person in hiding, the state at a given instant (ok, due,
overdue, escalate) and the list of who is overdue, most urgent first. Nothing is ever
sent to the person by the system.

An event may say more: how notice was given (``notified_by``: the period starts from
the date the law deems, ``notice.py``), the track the decision follows (``track``: an
OQTF under L911-1, L921-1 or L921-2), the court's seat (``court_seat``: a German Land
or an Alsace-Moselle department adds holidays, ``seats.py``; with no seat only days
every place keeps count) and the date the claim was made (``claim_date``: the EU
Pact's versions apply to claims from 12 June 2026). Rule titles and every line of the
working are written in English, French and Russian by ``i18n``.

Public holidays are computed from Easter, not listed per year; overseas departments'
days are out of scope. Reference and recipes: ``docs/procedures.md``.
"""

from .agenda import rules_for, upcoming
from .calculator import compute_deadline
from .calendars import (
    add_months,
    add_working_days,
    aware_utc,
    is_working_day,
    next_working_day,
    non_working_reason,
    public_holidays,
)
from .checkins import CheckInSchedule, CheckInState, CheckInStatus, overdue, status
from .computus import easter_sunday
from .errors import (
    NaiveDatetimeError,
    NoVersionInForceError,
    ProceduresError,
    RuleDataError,
    UnknownRuleError,
    UnknownTrackError,
)
from .i18n import (
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
from .model import (
    Counting,
    DeadlineResult,
    DeadlineState,
    Kind,
    NonWorkingDays,
    Rule,
    RuleRef,
    Step,
    Suspension,
    SuspensionRule,
    Track,
    Unit,
)
from .notice import NoticeManner
from .rules import RuleFile, RuleSet, default_ruleset, load_ruleset, parse_rules
from .seats import SEATS, seat_holidays

__all__ = [
    "SEATS",
    "CheckInSchedule",
    "CheckInState",
    "CheckInStatus",
    "Counting",
    "DeadlineResult",
    "DeadlineState",
    "Kind",
    "NaiveDatetimeError",
    "NoVersionInForceError",
    "NonWorkingDays",
    "NoticeManner",
    "ProceduresError",
    "Rule",
    "RuleDataError",
    "RuleFile",
    "RuleRef",
    "RuleSet",
    "Step",
    "Suspension",
    "SuspensionRule",
    "Track",
    "Unit",
    "UnknownRuleError",
    "UnknownTrackError",
    "add_months",
    "add_working_days",
    "aware_utc",
    "compute_deadline",
    "default_ruleset",
    "describe_result",
    "describe_step",
    "easter_sunday",
    "format_date",
    "is_working_day",
    "load_ruleset",
    "manner_label",
    "manner_names",
    "next_working_day",
    "non_working_reason",
    "overdue",
    "parse_rules",
    "public_holidays",
    "rule_title",
    "rules_for",
    "seat_holidays",
    "seat_label",
    "seat_names",
    "status",
    "track_label",
    "trigger_label",
    "upcoming",
]
