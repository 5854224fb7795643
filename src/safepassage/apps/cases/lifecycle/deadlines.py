"""Upcoming deadlines: the caseworker's own cases, or the whole organisation's."""

from __future__ import annotations

import datetime

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from safepassage.apps.access.context import access_of
from safepassage.apps.accounts import clock
from safepassage.apps.cases.models import Case, Deadline

HORIZONS = (7, 14, 30, 90)


def deadlines_view(request: HttpRequest) -> HttpResponse:
    """Works while sealed too: deadlines hold dates and references, no sealed data."""
    access = access_of(request)
    today = clock.today_for(access.organisation)
    raw = request.GET.get("days", "30")
    days = int(raw) if raw.isascii() and raw.isdigit() and int(raw) in HORIZONS else 30
    cases = Case.objects.visible_to(access)
    rows = (
        Deadline.objects.filter(
            case__in=cases,
            met_at__isnull=True,
            act_by__isnull=False,
            act_by__lte=today + datetime.timedelta(days=days),
        )
        .select_related("case")
        .order_by("act_by", "case__reference")
    )
    suspended = Deadline.objects.filter(
        case__in=cases, met_at__isnull=True, state="suspended", act_by__isnull=True
    ).select_related("case")
    return render(
        request,
        "cases/deadlines.html",
        {
            "rows": [
                (row, (act_by - today).days, (today - act_by).days)
                for row in rows[:500]
                if (act_by := row.act_by) is not None  # always: the query asks for a date
            ],
            "suspended": suspended[:200],
            "days": days,
            "horizons": HORIZONS,
            "today": today,
        },
    )
