"""The one way a view or API operation finds the case it works on.

Scoped by the request's policy row (``Case.objects.visible_to``): another organisation's
case, an unassigned one and a missing one all raise the same 404.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect

from safepassage.apps.access.context import AccessContext, access_of, roles_in
from safepassage.apps.accounts.models import Organisation
from safepassage.apps.audit.actions import record_case
from safepassage.apps.cases.models import Case


def case_in_scope(request: HttpRequest, reference: str) -> Case:
    """The case, if this request may work on it; references match in any letter case."""
    case = Case.objects.visible_to(access_of(request)).filter(reference=reference.upper()).first()
    if case is None:
        raise Http404
    return case


def organisation_holding(access: AccessContext, reference: str) -> Organisation | None:
    """Another of this user's organisations in which they could open this case, if any.

    Why: a link to a case in the user's other organisation should offer to switch rather
    than answer a bare 404. Only a member who could open the case there learns anything;
    to everyone else a case elsewhere looks exactly like a missing one.
    """
    case = Case.objects.filter(reference=reference.upper()).first()
    if case is None or case.organisation_id == access.organisation_id:
        return None
    organisation, roles = roles_in(access.user, case.organisation_id)
    if organisation is None:
        return None
    there = AccessContext(access.user, organisation, roles, access.rule)
    return organisation if Case.objects.visible_to(there).filter(pk=case.pk).exists() else None


def back_to_case(case: Case) -> HttpResponse:
    return redirect("cases:detail", reference=case.reference)


def record_case_view(request: HttpRequest, case: Case, *, via: str = "page") -> None:
    """Opening a case's record is an audited read."""
    access = access_of(request)
    record_case("case.view", case, actor_id=access.user.pk, detail={"via": via})
