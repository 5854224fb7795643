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

Public holidays are national ones only (France; Germany), computed from Easter, not
listed per year; Alsace-Moselle, overseas and German Länder holidays are out of scope.
Reference and recipes: ``docs/procedures.md``.
"""

from .agenda import rules_for, upcoming
from .calculator import compute_deadline
from .calendars import (
    add_months,
    add_working_days,
    aware_utc,
    easter_sunday,
    is_working_day,
    next_working_day,
    non_working_reason,
    public_holidays,
)
from .checkins import CheckInSchedule, CheckInState, CheckInStatus, overdue, status
from .errors import (
    NaiveDatetimeError,
    NoVersionInForceError,
    ProceduresError,
    RuleDataError,
    UnknownRuleError,
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
    Unit,
)
from .rules import RuleFile, RuleSet, default_ruleset, load_ruleset, parse_rules

__all__ = [
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
    "ProceduresError",
    "Rule",
    "RuleDataError",
    "RuleFile",
    "RuleRef",
    "RuleSet",
    "Step",
    "Suspension",
    "SuspensionRule",
    "Unit",
    "UnknownRuleError",
    "add_months",
    "add_working_days",
    "aware_utc",
    "compute_deadline",
    "default_ruleset",
    "easter_sunday",
    "is_working_day",
    "load_ruleset",
    "next_working_day",
    "non_working_reason",
    "overdue",
    "parse_rules",
    "public_holidays",
    "rules_for",
    "status",
    "upcoming",
]
