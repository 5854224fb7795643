"""The one clock: ``now()`` for instants, ``today_for(organisation)`` where a date is meant.

Every rule that compares a date with "today" (event dates, overdue deadlines, the
upcoming-deadlines horizon) asks here, so a form, the API, the importer and the worker
never disagree by a time zone. An organisation's day is its own ``time_zone`` (empty:
the server's ``TIME_ZONE``).
"""

from __future__ import annotations

import datetime
import zoneinfo

from django.utils import timezone

from safepassage.apps.accounts.models import Organisation


def now() -> datetime.datetime:
    return timezone.now()


def zone_of(organisation: Organisation | None) -> datetime.tzinfo:
    name = organisation.time_zone if organisation is not None else ""
    if name:
        try:
            return zoneinfo.ZoneInfo(name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            pass  # a mistyped zone falls back to the server's, never to an error page
    return timezone.get_default_timezone()


def today_for(
    organisation: Organisation | None, at: datetime.datetime | None = None
) -> datetime.date:
    """The organisation's calendar date at ``at`` (default: now)."""
    return timezone.localdate(at or now(), zone_of(organisation))
