"""Procedure events and their deadlines: the Django side of the procedures core.

An event (e.g. ``atda_issued`` on a date) starts every rule of the case's pathway that
has it as trigger; deadlines are recomputed whenever an event or a suspension changes,
and stored with the rule version that applied (DOMAIN.md: keep which version applied).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
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
    compute_deadline,
    default_ruleset,
    manner_names,
    seat_names,
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


class EventDetailRefused(EventDateRefused):
    """A court seat, manner of notice, track or claim date the procedure does not know."""


def check_event_date(value: datetime.date, organisation: Organisation) -> datetime.date:
    """Events are dated from 2000 to tomorrow (the organisation's today, plus a day for
    time zones); anything else is a typo. The one rule for forms, API, importer and demo."""
    if value > clock.today_for(organisation) + datetime.timedelta(days=1):
        raise EventDateRefused(_("An event cannot be in the future."))
    if value < EARLIEST_EVENT:
        raise EventDateRefused(_("That date is too far in the past for a procedure event."))
    return value


@dataclass(frozen=True)
class EventDetails:
    """What else the caseworker knows about an event; every part optional ("" / None)."""

    court_seat: str = ""
    notified_by: str = ""
    track: str = ""
    claim_date: datetime.date | None = None


def jurisdiction_for(pathway: str) -> str | None:
    """The country ("FR", "DE") whose rules a pathway's deadlines follow, if any."""
    ruleset = default_ruleset()
    for rule_id in ruleset.ids():
        if pathway in ruleset.versions(rule_id)[-1].pathways:
            return rule_id.split(".", 1)[0].upper()
    return None


def tracks_for(pathway: str, trigger: str | None = None) -> list[str]:
    """Track codes the rules started by ``trigger`` (or by any event) can follow."""
    ruleset = default_ruleset()
    found: list[str] = []
    for code, rule_ids in triggers_for(pathway).items():
        if trigger not in (None, code):
            continue
        for rule_id in rule_ids:
            for version in ruleset.versions(rule_id):
                found += [t.name for t in version.tracks if t.name not in found]
    return found


def check_event_details(case: Case, trigger: str, details: EventDetails) -> EventDetails:
    """Each detail must be one the case's procedure knows; the one rule for form and API."""
    country = jurisdiction_for(case.pathway) or ""
    if details.court_seat and details.court_seat not in seat_names(country):
        raise EventDetailRefused(_("That court seat is not one of this country's."))
    if details.notified_by and details.notified_by not in manner_names(country):
        raise EventDetailRefused(_("That manner of notice is not one of this country's."))
    if details.track and details.track not in tracks_for(case.pathway, trigger):
        raise EventDetailRefused(_("That procedure track does not apply to this event."))
    if details.claim_date is not None:
        check_event_date(details.claim_date, case.organisation)
    return details


def triggers_for(pathway: str) -> dict[str, list[str]]:
    """Trigger code -> rule ids, for the rules of a pathway (empty for other pathways).

    Rules in hours are included: with a date only, the calculator counts from the start
    of that day (48 hours end with the next day), the safe reading."""
    ruleset = default_ruleset()
    if pathway not in ruleset.pathways:
        return {}
    found: dict[str, list[str]] = {}
    for rule_id in ruleset.ids():
        versions = ruleset.versions(rule_id)
        if pathway in versions[-1].pathways:
            found.setdefault(versions[-1].trigger, []).append(rule_id)
    return found


def recompute_deadlines(case: Case, *, today: datetime.date | None = None) -> int:
    """Replace the case's computed deadlines; keeps 'met' and 'reminded' marks."""
    today = today or clock.today_for(case.organisation)
    rules = triggers_for(case.pathway)
    suspensions = [
        Suspension(s.requested_on, s.decided_on, s.kind, s.lawyer_notified_on)
        for s in case.suspensions.all()
    ]
    kept = {(d.event_id, d.rule_id): d for d in case.deadlines.all()}
    written = 0
    with transaction.atomic():
        for event in case.procedure_events.all():
            for rule_id in rules.get(event.trigger, []):
                try:
                    result = compute_deadline(
                        rule_id,
                        event.occurred_on,
                        on=today,
                        suspensions=suspensions,
                        court_seat=event.court_seat or None,
                        notified_by=event.notified_by or None,
                        track=event.track or None,
                        claim_date=event.claim_date,
                    )
                except (ProceduresError, ValueError, KeyError, OverflowError):
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


def record_event(
    case: Case,
    trigger: str,
    occurred_on: datetime.date,
    *,
    actor_id: int,
    details: EventDetails | None = None,
) -> None:
    """Record an event and recompute; raises ``EventDateRefused`` or ``DeadlineUnavailable``
    and then saves nothing."""
    check_event_date(occurred_on, case.organisation)
    details = check_event_details(case, trigger, details or EventDetails())
    with transaction.atomic():
        ProcedureEvent.objects.create(
            case=case,
            trigger=trigger,
            occurred_on=occurred_on,
            recorded_by_id=actor_id,
            court_seat=details.court_seat,
            notified_by=details.notified_by,
            track=details.track,
            claim_date=details.claim_date,
        )
        recompute_deadlines(case)
        record_case("case.procedure_event", case, actor_id=actor_id, detail={"trigger": trigger})


def record_suspension(
    case: Case,
    requested_on: datetime.date,
    decided_on: datetime.date | None,
    *,
    actor_id: int,
    lawyer_notified_on: datetime.date | None = None,
) -> None:
    """Record a legal-aid request (and its decision, and when the lawyer was told)."""
    for day in (requested_on, decided_on, lawyer_notified_on):
        if day is not None:
            check_event_date(day, case.organisation)
    if lawyer_notified_on is not None and lawyer_notified_on < requested_on:
        raise EventDateRefused(_("The lawyer cannot be notified before the request."))
    with transaction.atomic():
        ProcedureSuspension.objects.create(
            case=case,
            requested_on=requested_on,
            decided_on=decided_on,
            lawyer_notified_on=lawyer_notified_on,
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
