"""Narrowing the audit trail: by person, case, action and date (a GET form, no JavaScript)."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from safepassage.apps.accounts.models import Organisation, User
from safepassage.apps.audit.models import AuditEntry

DATE = forms.DateInput(attrs={"type": "date"})


class AuditFilterForm(forms.Form):
    person = forms.TypedChoiceField(label=_("Person"), required=False, coerce=int, empty_value=None)
    case = forms.CharField(label=_("Case reference"), max_length=16, required=False)
    action = forms.ChoiceField(label=_("Action"), required=False)
    since = forms.DateField(label=_("From"), required=False, widget=DATE)
    until = forms.DateField(label=_("Until"), required=False, widget=DATE)

    def __init__(self, *args: Any, organisation: Organisation, actions: list[str], **kw: Any):
        super().__init__(*args, **kw)
        members = User.objects.filter(memberships__organisation=organisation).distinct()
        people = sorted((u.shown_name.casefold(), u.pk, u.shown_name) for u in members)
        everyone = [("", _("Everyone"))]
        self.fields["person"].choices = everyone + [(pk, name) for _, pk, name in people]  # type: ignore[attr-defined]
        self.fields["action"].choices = [("", _("Every action"))] + [(a, a) for a in actions]  # type: ignore[attr-defined]

    def clean_case(self) -> str:
        return str(self.cleaned_data["case"]).strip().upper()


def narrowed(entries: QuerySet[AuditEntry], data: dict[str, Any]) -> QuerySet[AuditEntry]:
    """``entries`` as the valid filter ``data`` narrows them (days are whole UTC days)."""
    if data.get("person"):
        entries = entries.filter(actor_id=data["person"])
    if data.get("case"):
        entries = entries.filter(target_type="case", target_ref=data["case"])
    if data.get("action"):
        entries = entries.filter(action=data["action"])
    utc = datetime.UTC
    if data.get("since"):
        start = datetime.datetime.combine(data["since"], datetime.time.min, tzinfo=utc)
        entries = entries.filter(created_at__gte=start)
    if data.get("until"):
        end = datetime.datetime.combine(data["until"], datetime.time.min, tzinfo=utc)
        entries = entries.filter(created_at__lt=end + datetime.timedelta(days=1))
    return entries
