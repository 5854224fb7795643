"""Dates in a case record that make sense: the one check for forms, API and importer.

- no date before 1900 (a typo: 1800 for 1980);
- no date in the future where the past is meant (birth, start of service, a deployment,
  leaving the army, wanted since, consent given, entry into the country); "today" is the
  organisation's own (``accounts.clock.today_for``);
- service, deployments and leaving the army when he was 16 or older;
- leaving the army on or after the start of service.

A relation between two sections (birth and service, say) is checked when either of them is
saved, against what the record already holds, so a later correction of the birth date
cannot contradict a service that is already recorded. Problems that do not involve the
section being saved are not reported (an old inconsistency does not block unrelated edits).
Messages are in the reader's language and never quote a date from the record.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from safepassage.apps.accounts import clock
from safepassage.apps.cases.models import Deployment, Identity, ServiceRecord
from safepassage.apps.cases.record.opening import opened, opened_one

__all__ = [
    "EARLIEST",
    "MIN_SERVICE_AGE",
    "DatesRefused",
    "RecordDates",
    "check_dates",
    "date_problems",
]

EARLIEST = datetime.date(1900, 1, 1)
MIN_SERVICE_AGE = 16

# Field names (as in record/sections.py and the import format) -> what a reader calls them.
LABELS: dict[str, Promise] = {
    "birth_date": gettext_lazy("Date of birth"),
    "service_started": gettext_lazy("Service started"),
    "start": gettext_lazy("Deployment from"),
    "end": gettext_lazy("Deployment until"),
    "date": gettext_lazy("Date he left the army"),
    "wanted_since": gettext_lazy("Wanted since"),
    "given_on": gettext_lazy("Given on"),
    "entry_date": gettext_lazy("Entered the country on"),
    "valid_until": gettext_lazy("Valid until"),
    "status_expires": gettext_lazy("Status expires on"),
}
PAST_ONLY = frozenset(
    {"birth_date", "service_started", "start", "end", "date", "wanted_since", "given_on"}
    | {"entry_date"}
)


class DatesRefused(ValueError):
    """Dates that make no sense; ``messages`` are for the reader, in their language."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("dates refused")
        self.messages = messages


@dataclass(frozen=True)
class RecordDates:
    """The dates of one record that other dates are compared with."""

    birth: datetime.date | None = None
    service_started: datetime.date | None = None
    left_army: datetime.date | None = None
    deployments: tuple[datetime.date, ...] = field(default=())  # each one's earliest date


def as_date(value: Any) -> datetime.date | None:
    """A date from a form (``date``) or a sealed JSON section (ISO text); else None."""
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str) and value:
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _sixteenth_birthday(birth: datetime.date) -> datetime.date:
    try:
        return birth.replace(year=birth.year + MIN_SERVICE_AGE)
    except ValueError:  # born on 29 February
        return datetime.date(birth.year + MIN_SERVICE_AGE, 3, 1)


def value_problems(values: Mapping[str, Any], today: datetime.date) -> list[str]:
    """Each date on its own: not before 1900, not in the future where the past is meant."""
    problems = []
    for name, raw in values.items():
        value = as_date(raw)
        if value is None or name not in LABELS:
            continue
        label = str(LABELS[name])
        if value < EARLIEST:
            problems.append(_("%(field)s: a date before 1900 is surely a typo.") % {"field": label})
        elif name in PAST_ONLY and value > today:
            problems.append(_("%(field)s: cannot be in the future.") % {"field": label})
    return problems


def relation_problems(dates: RecordDates, section: str) -> list[str]:
    """The dates against each other; only the problems the saved ``section`` takes part in."""
    found: list[tuple[set[str], str]] = []
    if dates.birth:
        adult = _sixteenth_birthday(dates.birth)
        if dates.service_started and dates.service_started < adult:
            found.append(({"identity", "service"}, _("Service cannot start before he was 16.")))
        if any(start < adult for start in dates.deployments):
            found.append(
                ({"identity", "deployment"}, _("A deployment cannot be before he was 16."))
            )
        if dates.left_army and dates.left_army < adult:
            found.append(
                ({"identity", "desertion"}, _("He cannot have left the army before he was 16."))
            )
    if dates.left_army and dates.service_started and dates.left_army < dates.service_started:
        found.append(
            (
                {"service", "desertion"},
                _("He cannot have left the army before his service started."),
            )
        )
    return [message for sections, message in found if section in sections]


def date_problems(
    section: str, values: Mapping[str, Any], dates: RecordDates, today: datetime.date
) -> list[str]:
    """Everything wrong with the dates of ``values``, about to be saved as ``section``."""
    return value_problems(values, today) + relation_problems(dates, section)


def _earliest(details: Mapping[str, Any]) -> datetime.date | None:
    found = [d for d in (as_date(details.get("start")), as_date(details.get("end"))) if d]
    return min(found) if found else None


def record_dates(case: Any, section: str, values: Mapping[str, Any]) -> RecordDates:
    """The record's dates as they will be once ``values`` is saved as ``section``.

    A stored row that does not open counts as holding no dates."""
    identity = opened_one(Identity.objects.filter(case=case).first())
    service_row = opened_one(ServiceRecord.objects.filter(case=case).first())
    readable = service_row is not None and not service_row.unreadable
    service = dict(service_row.service or {}) if readable and service_row else {}
    desertion = dict(service_row.desertion or {}) if readable and service_row else {}
    birth = identity.birth_date if identity else None
    if section == "identity":
        birth = values.get("birth_date")
    if section == "service":
        service = dict(values)
    if section == "desertion":
        desertion = dict(values)
    deployments: Iterable[Mapping[str, Any]] = (
        [values]
        if section == "deployment"
        else [
            row.details
            for row in opened(Deployment.objects.filter(case=case))
            if not row.unreadable
        ]
        if section == "identity"
        else []
    )
    return RecordDates(
        birth=as_date(birth),
        service_started=as_date(service.get("service_started")),
        left_army=as_date(desertion.get("date")),
        deployments=tuple(d for d in (_earliest(row) for row in deployments) if d),
    )


def check_dates(case: Any, section: str, values: Mapping[str, Any]) -> None:
    """Raise ``DatesRefused`` if ``values``, saved as ``section`` of ``case``, make no sense."""
    today = clock.today_for(case.organisation)
    problems = date_problems(section, values, record_dates(case, section, values), today)
    if problems:
        raise DatesRefused(problems)


def check_new_case_dates(birth_date: datetime.date | None, organisation: Any) -> None:
    """A new case's dates (only the birth date so far), for the form, API and importer."""
    problems = value_problems({"birth_date": birth_date}, clock.today_for(organisation))
    if problems:
        raise DatesRefused(problems)
