"""Linkage pages: a coordinator's decisions on a pair, and the ``LK-`` reference lookup."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from safepassage.apps.access.context import access_of
from safepassage.apps.audit.actions import record
from safepassage.apps.cases.models import Case
from safepassage.apps.linkage.labels import kind_labels
from safepassage.apps.linkage.merging import DecisionRefused, mark_different, merge, reopen, unmerge
from safepassage.apps.linkage.models import LinkPair

DONE = {
    "different": gettext_lazy("Marked as different people."),
    "reopen": gettext_lazy("The pair is open again."),
    "merge": gettext_lazy(
        "Merged: the other case is closed and its names, documents and notes were copied."
    ),
    "unmerge": gettext_lazy("Unmerged: both cases are as they were before the merge."),
}


def _pair_of_organisation(request: HttpRequest, reference: str) -> LinkPair:
    """A pair touching the active organisation; any other answers 404, as a missing one."""
    organisation = access_of(request).require_organisation()
    pair = (
        LinkPair.objects.filter(reference=reference)
        .filter(Q(case_a__organisation=organisation) | Q(case_b__organisation=organisation))
        .select_related("case_a__organisation", "case_b__organisation")
        .first()
    )
    if pair is None:
        raise Http404
    return pair


def _visible_pair(request: HttpRequest, reference: str) -> LinkPair:
    """A pair inside the organisation whose two cases this user may both see."""
    pair = _pair_of_organisation(request, reference)
    visible = Case.objects.visible_to(access_of(request)).filter(
        pk__in=[pair.case_a_id, pair.case_b_id]
    )
    if pair.cross_organisation or visible.count() != 2:
        raise Http404
    return pair


@require_POST
def decide_view(request: HttpRequest, reference: str) -> HttpResponse:
    pair = _visible_pair(request, reference)
    actor = access_of(request).user
    action = request.POST.get("action", "")
    back = request.POST.get("back", "")
    back = back if back in (pair.case_a.reference, pair.case_b.reference) else pair.case_a.reference
    try:
        if action == "different":
            mark_different(pair, actor)
        elif action == "reopen":
            reopen(pair, actor)
        elif action == "merge":
            keep = request.POST.get("keep", "")
            cases = {pair.case_a.reference: pair.case_a, pair.case_b.reference: pair.case_b}
            if keep not in cases:
                raise DecisionRefused("choose the case that keeps the record")
            merge(pair, cases[keep], actor)
        elif action == "unmerge":
            unmerge(pair, actor)
        else:
            raise DecisionRefused("unknown decision")
    except DecisionRefused:
        messages.error(
            request, _("That decision does not apply to this pair now; nothing changed.")
        )
    else:
        messages.success(request, DONE[action])
    return redirect("cases:detail", reference=back)


def lookup_view(request: HttpRequest) -> HttpResponse:
    """A coordinator looks up a pair reference given by another organisation."""
    access = access_of(request)
    organisation = access.require_organisation()
    reference = request.GET.get("reference", "").strip().upper()[:16]
    context: dict[str, object] = {"reference": reference, "found": None}
    if reference:
        pair = (
            LinkPair.objects.filter(reference=reference)
            .filter(Q(case_a__organisation=organisation) | Q(case_b__organisation=organisation))
            .select_related("case_a__organisation", "case_b__organisation")
            .first()
        )
        record("linkage.lookup", actor_id=access.user.pk, organisation_id=organisation.pk,
               target_type="linkpair", target_ref=pair.reference if pair else "",
               outcome="ok" if pair else "not_found")  # fmt: skip
        if pair is not None:
            ours = pair.case_a if pair.case_a.organisation_id == organisation.pk else pair.case_b
            context["found"] = {
                "organisations": sorted(
                    {pair.case_a.organisation.name, pair.case_b.organisation.name}
                ),
                "kinds": kind_labels(pair.kind_list),
                "ours": ours.reference,
                "pair": pair,
            }
    return render(request, "linkage/lookup.html", context)
