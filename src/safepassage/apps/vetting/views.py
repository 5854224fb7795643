"""Vetting pages: the Lists page (import, remove), the vetting queue, a decision on a hit."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.contrib import messages
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from safepassage.apps.access.context import access_of
from safepassage.apps.cases.models import Case
from safepassage.apps.cases.record.opening import opened_one
from safepassage.apps.cases.registry.flags import case_flags
from safepassage.apps.cases.registry.lookup import back_to_case, case_in_scope
from safepassage.apps.vetting.decisions import DecisionRefused, current_key, decide, vetting_queue
from safepassage.apps.vetting.forms import DecisionForm, ListImportForm
from safepassage.apps.vetting.lists import (
    ListFileRefused,
    ListImport,
    import_list_file,
    remove_version,
)
from safepassage.apps.vetting.messages import file_problem
from safepassage.apps.vetting.models import CaseScreening, Hit, HitState, ListVersion

MAX_SHOWN_PROBLEMS = 50


def lists_view(request: HttpRequest) -> HttpResponse:
    versions = ListVersion.objects.select_related("watchlist").order_by(
        "watchlist__name", "-number"
    )
    current = {v.pk for v in ListVersion.objects.current()}
    return render(request, "vetting/lists.html", {"versions": versions[:500], "current": current})


def list_import_view(request: HttpRequest) -> HttpResponse:
    form = ListImportForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        about = ListImport(
            form.cleaned_data["name"], form.cleaned_data["source"], form.cleaned_data["licence"]
        )
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "list"
            with path.open("wb") as out:
                for chunk in form.cleaned_data["file"].chunks():
                    out.write(chunk)
            try:
                version = import_list_file(path, about, actor_id=access_of(request).user.pk)
            except ListFileRefused as refused:
                problems = [
                    _("line %(line)s: %(problem)s")
                    % {"line": issue.line, "problem": file_problem(issue.problem)}
                    for issue in refused.issues[:MAX_SHOWN_PROBLEMS]
                ]
                messages.error(request, _("Nothing was imported: the file has problems."))
            else:
                messages.success(
                    request,
                    _("Imported version %(number)s with %(count)s persons.")
                    % {"number": version.number, "count": version.entity_count},
                )
                return redirect("vetting:lists")
    return render(request, "vetting/list_import.html", {"form": form, "problems": problems})


@require_POST
def list_remove_view(request: HttpRequest, version_id: int) -> HttpResponse:
    version = get_object_or_404(ListVersion.objects.kept(), pk=version_id)
    remove_version(version, actor_id=access_of(request).user.pk)
    messages.success(request, _("The list version was removed; open cases will be screened again."))
    return redirect("vetting:lists")


def queue_view(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    key = current_key()
    cases = vetting_queue(Case.objects.visible_to(access)).annotate(
        undecided_count=Count(
            "screening_hits",
            filter=Q(screening_hits__active=True, screening_hits__state=HitState.UNDECIDED),
        )
    )[:500]
    screenings = {
        s.case_id: s for s in CaseScreening.objects.filter(case__in=[c.pk for c in cases])
    }
    rows = [
        {
            "case": case,
            "undecided": case.undecided_count,
            "screening": screenings.get(case.pk),
            "stale": key is not None
            and (case.pk not in screenings or screenings[case.pk].version_key != key),
            "flags": [flag.label for flag in case_flags() if getattr(case, flag.annotation)],
        }
        for case in cases
    ]
    return render(request, "vetting/queue.html", {"rows": rows})


@require_POST
def decide_view(request: HttpRequest, reference: str, hit_id: str) -> HttpResponse:
    case = case_in_scope(request, reference)
    actor_id = access_of(request).user.pk
    hit = opened_one(Hit.objects.filter(case=case, pk=hit_id).first(), actor_id=actor_id)
    if hit is None or hit.unreadable:
        raise Http404
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a decision and give a reason. Nothing was saved."))
        return back_to_case(case)
    try:
        decide(hit, form.cleaned_data["state"], form.cleaned_data["reason"], actor_id=actor_id)
    except DecisionRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("Decision recorded."))
    return back_to_case(case)
