"""Safety pages: who is overdue, the country risk register, and the Attention page."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from safepassage.apps.access.context import access_of
from safepassage.apps.cases.models import Case, Notification
from safepassage.apps.cases.notifications import mark_read
from safepassage.apps.safety.actions import Assessment, record_assessment
from safepassage.apps.safety.forms import CountryRiskForm
from safepassage.apps.safety.listing import overdue_schedules
from safepassage.apps.safety.models import CaseFlag, CountryRisk


def overdue_view(request: HttpRequest) -> HttpResponse:
    """Missed check-ins of the cases this user looks after, most urgent first.

    Works while sealed: it shows references and times only, and a missed check-in
    matters most when something went wrong.
    """
    access = access_of(request)
    now = timezone.now()
    late, active_count = overdue_schedules(access, now)
    flags = (
        CaseFlag.objects.open()
        .filter(case__in=Case.objects.visible_to(access))
        .select_related("case")
        .order_by("raised_at")[:200]
    )
    return render(
        request,
        "safety/overdue.html",
        {"late": late, "active_count": active_count, "flags": flags, "now": now},
    )


def risks_view(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    current = sorted(CountryRisk.objects.current().values(), key=lambda row: row.country)
    history = CountryRisk.objects.select_related("recorded_by")[:500]
    return render(
        request,
        "safety/risks.html",
        {"current": current, "history": history, "can_add": access.may("safety:risk_add")},
    )


def risk_add_view(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    form = CountryRiskForm(request.POST or None, organisation=access.organisation)
    if request.method == "POST" and form.is_valid():
        row = record_assessment(Assessment(**form.cleaned_data), actor=access.user)
        if row.rose:
            messages.success(
                request,
                _(
                    "Assessment recorded. The rating rose: open cases in that country will be "
                    "flagged for review by the background worker."
                ),
            )
        else:
            messages.success(request, _("Assessment recorded."))
        return redirect("safety:risks")
    return render(request, "safety/risk_new.html", {"form": form})


def attention_view(request: HttpRequest) -> HttpResponse:
    """The signed-in user's own notifications, newest first."""
    user = access_of(request).user
    notifications = Notification.objects.for_user(user).select_related("case")[:200]
    unread = Notification.objects.for_user(user).unread().count()
    return render(
        request, "safety/attention.html", {"notifications": notifications, "unread": unread}
    )


@require_POST
def notification_read_view(request: HttpRequest, notification_id: int) -> HttpResponse:
    user = access_of(request).user
    notification = get_object_or_404(Notification, pk=notification_id, user=user)
    mark_read(user, notification.pk)
    return redirect("safety:attention")


@require_POST
def notifications_read_all_view(request: HttpRequest) -> HttpResponse:
    mark_read(access_of(request).user)
    return redirect("safety:attention")
