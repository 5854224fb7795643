"""Reading and verifying the audit trail."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from safepassage.apps.access.context import access_of
from safepassage.apps.access.rules import Relation
from safepassage.apps.accounts.people import names_of
from safepassage.apps.audit.actions import record, verify_trail
from safepassage.apps.audit.models import AuditEntry
from safepassage.apps.audit.restores import review
from safepassage.apps.shell.trail.filters import AuditFilterForm, narrowed


def audit_list_view(request: HttpRequest) -> HttpResponse:
    """Entries of the active organisation (the chain as a whole is checked by verify)."""
    access = access_of(request)
    organisation = access.require_organisation()
    entries = AuditEntry.objects.none()
    if Relation.ORGANISATION in access.relations:
        entries = AuditEntry.objects.filter(organisation_id=organisation.pk)
    actions = sorted(set(entries.values_list("action", flat=True).distinct()))
    form = AuditFilterForm(request.GET or None, organisation=organisation, actions=actions)
    shown = narrowed(entries, form.cleaned_data) if form.is_valid() else entries
    page = Paginator(shown.order_by("-seq"), 100).get_page(request.GET.get("page"))
    rows = list(page)
    users: list[int | None] = [
        int(e.target_ref) for e in rows if e.target_type == "user" and e.target_ref.isdigit()
    ]
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "page": page,
        "rows": rows,
        "form": form,
        "query": query.urlencode(),
        "people": names_of([e.actor_id for e in rows] + users),
        "can_verify": access.may("audit:verify"),
    }
    return render(request, "audit/list.html", context)


@require_POST
def audit_verify_view(request: HttpRequest) -> HttpResponse:
    access = access_of(request)
    problems = verify_trail()
    folder = settings.AUDIT_WITNESS_DIR
    witnessed = review(Path(folder) if folder else None, [], None)
    record(
        "audit.verify",
        actor_id=access.user.pk,
        organisation_id=access.organisation_id,
        outcome="ok" if not (problems or witnessed.problems) else "problems",
        detail={"problems": len(problems), "witness_problems": len(witnessed.problems)},
    )
    context = {
        "problems": problems,
        "witness_problems": len(witnessed.problems),
        "restores": witnessed.restores,
    }
    return render(request, "audit/verify.html", context)
