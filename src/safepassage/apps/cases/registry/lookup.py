"""The one way a view or API operation finds the case it works on.

Scoped by the request's policy row (``Case.objects.visible_to``): another organisation's
case, an unassigned one and a missing one all raise the same 404.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect

from safepassage.apps.access.context import access_of
from safepassage.apps.audit.actions import record_case
from safepassage.apps.cases.models import Case


def case_in_scope(request: HttpRequest, reference: str) -> Case:
    case = Case.objects.visible_to(access_of(request)).filter(reference=reference).first()
    if case is None:
        raise Http404
    return case


def back_to_case(case: Case) -> HttpResponse:
    return redirect("cases:detail", reference=case.reference)


def record_case_view(request: HttpRequest, case: Case, *, via: str = "page") -> None:
    """Opening a case's record is an audited read."""
    access = access_of(request)
    record_case("case.view", case, actor_id=access.user.pk, detail={"via": via})
