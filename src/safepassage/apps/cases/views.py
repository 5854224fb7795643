"""Case list and case page (the full registry arrives with the case-registry work)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from safepassage.apps.audit.actions import record
from safepassage.apps.cases.models import Case
from safepassage.apps.cases.stages import Stage


def case_list_view(request: HttpRequest) -> HttpResponse:
    access = request.access  # type: ignore[attr-defined]
    cases = Case.objects.visible_to(access)
    stage = request.GET.get("stage", "")
    if stage in Stage.values:
        cases = cases.filter(stage=stage)
    page = Paginator(cases.order_by("-updated_at", "reference"), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request, "cases/list.html", {"page": page, "stages": Stage.choices, "stage": stage}
    )


def case_detail_view(request: HttpRequest, reference: str) -> HttpResponse:
    access = request.access  # type: ignore[attr-defined]
    case = get_object_or_404(Case.objects.visible_to(access), reference=reference)
    record(
        "case.view",
        actor_id=access.user.pk,
        organisation_id=access.organisation_id,
        target_type="case",
        target_ref=case.reference,
    )
    return render(request, "cases/detail.html", {"case": case})
