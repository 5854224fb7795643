"""Safety pages: who is overdue, the country risk register, and the Attention page."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from safepassage.apps.cases.models import Case
from safepassage.apps.safety.actions import Assessment, mark_read, record_assessment
from safepassage.apps.safety.forms import CountryRiskForm
from safepassage.apps.safety.models import CaseFlag, CheckInSchedule, CountryRisk, Notification
from safepassage.cores.procedures import checkins


def overdue_view(request: HttpRequest) -> HttpResponse:
    """Missed check-ins of the cases this user looks after, most urgent first.

    Works while sealed: it shows references and times only, and a missed check-in
    matters most when something went wrong.
    """
    access = request.access  # type: ignore[attr-defined]
    now = timezone.now()
    schedules = list(CheckInSchedule.objects.active().visible_to(access).select_related("case"))
    late = checkins.overdue(((s, s.timing(), s.anchor()) for s in schedules), now)
    flags = (
        CaseFlag.objects.open()
        .filter(case__in=Case.objects.visible_to(access))
        .select_related("case")
        .order_by("raised_at")[:200]
    )
    return render(
        request,
        "safety/overdue.html",
        {"late": late, "active_count": len(schedules), "flags": flags, "now": now},
    )


def risks_view(request: HttpRequest) -> HttpResponse:
    access = request.access  # type: ignore[attr-defined]
    current = sorted(CountryRisk.objects.current().values(), key=lambda row: row.country)
    history = CountryRisk.objects.select_related("recorded_by")[:500]
    return render(
        request,
        "safety/risks.html",
        {"current": current, "history": history, "can_add": access.may("safety:risk_add")},
    )


def risk_add_view(request: HttpRequest) -> HttpResponse:
    form = CountryRiskForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        row = record_assessment(
            Assessment(**form.cleaned_data),
            actor=request.access.user,  # type: ignore[attr-defined]
        )
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
    user = request.access.user  # type: ignore[attr-defined]
    notifications = Notification.objects.for_user(user).select_related("case")[:200]
    unread = Notification.objects.for_user(user).unread().count()
    return render(
        request, "safety/attention.html", {"notifications": notifications, "unread": unread}
    )


@require_POST
def notification_read_view(request: HttpRequest, notification_id: int) -> HttpResponse:
    user = request.access.user  # type: ignore[attr-defined]
    notification = get_object_or_404(Notification, pk=notification_id, user=user)
    mark_read(user, notification.pk)
    return redirect("safety:attention")


@require_POST
def notifications_read_all_view(request: HttpRequest) -> HttpResponse:
    mark_read(request.access.user)  # type: ignore[attr-defined]
    return redirect("safety:attention")
