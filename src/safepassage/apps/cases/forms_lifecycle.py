"""Forms for stage moves, assignment, pathway, vetting sign-off and procedure events."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from safepassage.apps.cases.models import VettingOutcome
from safepassage.apps.cases.procedure import EARLIEST_EVENT, triggers_for
from safepassage.apps.cases.stages import Pathway, Stage

TRIGGER_LABELS = {
    "spada_visit": _("Visit to the SPADA"),
    "atda_issued": _("Asylum certificate (ATDA) issued"),
    "atda_renewed": _("ATDA renewed"),
    "ofpra_incomplete_notice": _("OFPRA: file incomplete notice"),
    "ofpra_application_introduced": _("OFPRA: application introduced (accelerated)"),
    "decision_posted_on_portal": _("Decision posted on the portal"),
    "ofpra_decision_notified": _("OFPRA decision notified"),
    "dublin_transfer_notified": _("Dublin transfer decision notified"),
    "dublin_request_accepted": _("Dublin request accepted by the other state"),
    "ofpra_closure_decision": _("OFPRA closed the file"),
    "reexam_registered": _("Re-examination registered"),
    "ofpra_incomplete_notice_reexam": _("Re-examination: incomplete notice"),
    "oqtf_notified": _("Removal order (OQTF) notified"),
    "bamf_decision_served": _("BAMF decision served"),
    "bamf_decision_served_manifestly_unfounded": _("BAMF 'manifestly unfounded' decision served"),
    "bamf_dublin_decision_served": _("BAMF Dublin decision served"),
}


class MoveForm(forms.Form):
    target = forms.ChoiceField(label=_("Move to"), choices=Stage.choices)
    reason = forms.CharField(
        label=_("Why"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class AssignForm(forms.Form):
    caseworkers = forms.ModelMultipleChoiceField(
        label=_("Caseworkers"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, caseworkers: QuerySet[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["caseworkers"].queryset = caseworkers  # type: ignore[attr-defined]
        self.fields["caseworkers"].label_from_instance = lambda u: u.username  # type: ignore[attr-defined]


class PathwayForm(forms.Form):
    pathway = forms.ChoiceField(label=_("Destination pathway"), choices=Pathway.choices)


class SignOffForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=VettingOutcome.choices)
    note = forms.CharField(
        label=_("Reasons"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class EventForm(forms.Form):
    trigger = forms.ChoiceField(label=_("Event"))
    occurred_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args: Any, pathway: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        codes = sorted(triggers_for(pathway))
        self.fields["trigger"].choices = [  # type: ignore[attr-defined]
            (code, TRIGGER_LABELS.get(code, code)) for code in codes
        ]

    def clean_occurred_on(self) -> datetime.date:
        value: datetime.date = self.cleaned_data["occurred_on"]
        return checked_event_date(value)


def checked_event_date(value: datetime.date) -> datetime.date:
    """Events are dated between 2000 and tomorrow (time zones); anything else is a typo."""
    if value > datetime.date.today() + datetime.timedelta(days=1):
        raise forms.ValidationError(_("An event cannot be in the future."))
    if value < EARLIEST_EVENT:
        raise forms.ValidationError(_("That date is too far in the past for a procedure event."))
    return value


class SuspensionForm(forms.Form):
    requested_on = forms.DateField(
        label=_("Legal aid requested on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    decided_on = forms.DateField(
        label=_("Legal-aid decision notified on (if known)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("requested_on"), data.get("decided_on")
        for key in ("requested_on", "decided_on"):
            if data.get(key):
                try:
                    checked_event_date(data[key])
                except forms.ValidationError as problem:
                    self.add_error(key, problem)
        if start and end and end < start:
            raise forms.ValidationError(_("The decision cannot come before the request."))
        return data
