"""Shell pages: overview, health check and error pages."""

from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from safepassage.apps.access.context import access_of
from safepassage.apps.accounts import clock
from safepassage.apps.cases.models import Case
from safepassage.apps.cases.today import today_for


def health(request: HttpRequest) -> JsonResponse:
    """Liveness for the proxy: answers without a session and says nothing about data."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def home(request: HttpRequest) -> HttpResponse:
    """What needs me today (``cases.today``: each app's items for this reader)."""
    access = access_of(request)
    case_count = None
    if access.may("cases:list"):
        case_count = Case.objects.visible_to(access.under("cases:list")).count()
    sections = today_for(access, clock.now()) if access.organisation else []
    return render(request, "shell/home.html", {"case_count": case_count, "today": sections})


def error_404(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "shell/404.html", status=404)


def error_403(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "shell/403.html", status=403)


def error_500(request: HttpRequest) -> HttpResponse:
    return render(request, "shell/500.html", status=500)


def error_400(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "shell/400.html", status=400)
