"""Procedure events and their deadlines: the Django side of the procedures core.

An event (e.g. ``atda_issued`` on a date) starts every rule of the case's pathway that
has it as trigger; deadlines are recomputed whenever an event or a suspension changes,
and stored with the rule version that applied (DOMAIN.md: keep which version applied).
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from safepassage.apps.accounts import clock
from safepassage.apps.accounts.models import Organisation
from safepassage.apps.audit.actions import record_case
from safepassage.apps.cases.models import Case, Deadline, ProcedureEvent, ProcedureSuspension
from safepassage.cores.procedures import (
    ProceduresError,
    Suspension,
    Unit,
    compute_deadline,
    default_ruleset,
)

if TYPE_CHECKING:
    from django_stubs_ext import StrPromise

EARLIEST_EVENT = datetime.date(2000, 1, 1)


class DeadlineUnavailable(ValueError):
    """No rule version can compute a deadline from that date; nothing was saved."""


class EventDateRefused(ValueError):
    """A date no procedure event can have; ``message`` says why, in the reader's language."""

    def __init__(self, message: StrPromise) -> None:
        super().__init__("event date refused")
        self.message = message


def check_event_date(value: datetime.date, organisation: Organisation) -> datetime.date:
    """Events are dated from 2000 to tomorrow (the organisation's today, plus a day for
    time zones); anything else is a typo. The one rule for forms, API, importer and demo."""
    if value > clock.today_for(organisation) + datetime.timedelta(days=1):
        raise EventDateRefused(_("An event cannot be in the future."))
    if value < EARLIEST_EVENT:
        raise EventDateRefused(_("That date is too far in the past for a procedure event."))
    return value


def triggers_for(pathway: str) -> dict[str, list[str]]:
    """Trigger code -> rule ids, for the rules of a pathway (empty for other pathways)."""
    ruleset = default_ruleset()
    if pathway not in ruleset.pathways:
        return {}
    found: dict[str, list[str]] = {}
    for rule_id in ruleset.ids():
        versions = ruleset.versions(rule_id)
        if pathway in versions[-1].pathways and versions[-1].unit is not Unit.HOURS:
            found.setdefault(versions[-1].trigger, []).append(rule_id)
    return found


def recompute_deadlines(case: Case, *, today: datetime.date | None = None) -> int:
    """Replace the case's computed deadlines; keeps 'met' and 'reminded' marks."""
    today = today or clock.today_for(case.organisation)
    rules = triggers_for(case.pathway)
    suspensions = [Suspension(s.requested_on, s.decided_on, s.kind) for s in case.suspensions.all()]
    kept = {(d.event_id, d.rule_id): d for d in case.deadlines.all()}
    written = 0
    with transaction.atomic():
        for event in case.procedure_events.all():
            for rule_id in rules.get(event.trigger, []):
                try:
                    result = compute_deadline(
                        rule_id, event.occurred_on, on=today, suspensions=suspensions
                    )
                except (ProceduresError, ValueError, OverflowError):
                    raise DeadlineUnavailable(rule_id) from None
                previous = kept.pop((event.pk, rule_id), None)
                row = previous or Deadline(case=case, event=event, rule_id=rule_id)
                row.rule_effective_from = result.rule.effective_from
                row.data_version = result.rule.data_version
                row.title = result.title[:200]
                row.kind = str(result.kind)
                row.state = str(result.state)
                row.due, row.act_by, row.verified = result.due, result.act_by, result.verified
                row.steps = [step.as_dict() for step in result.steps]
                row.save()
                written += 1
        for stale in kept.values():
            stale.delete()
    return written


def record_event(case: Case, trigger: str, occurred_on: datetime.date, *, actor_id: int) -> None:
    """Record an event and recompute; raises ``EventDateRefused`` or ``DeadlineUnavailable``
    and then saves nothing."""
    check_event_date(occurred_on, case.organisation)
    with transaction.atomic():
        ProcedureEvent.objects.create(
            case=case, trigger=trigger, occurred_on=occurred_on, recorded_by_id=actor_id
        )
        recompute_deadlines(case)
        record_case("case.procedure_event", case, actor_id=actor_id, detail={"trigger": trigger})


def record_suspension(
    case: Case, requested_on: datetime.date, decided_on: datetime.date | None, *, actor_id: int
) -> None:
    for day in (requested_on, decided_on):
        if day is not None:
            check_event_date(day, case.organisation)
    with transaction.atomic():
        ProcedureSuspension.objects.create(
            case=case, requested_on=requested_on, decided_on=decided_on
        )
        recompute_deadlines(case)
        record_case("case.procedure_suspension", case, actor_id=actor_id)


def mark_deadline_met(deadline: Deadline, *, actor_id: int) -> None:
    with transaction.atomic():
        Deadline.objects.filter(pk=deadline.pk).update(met_at=timezone.now())
        record_case(
            "case.deadline_met",
            deadline.case,
            actor_id=actor_id,
            detail={"rule": deadline.rule_id[:64]},
        )
