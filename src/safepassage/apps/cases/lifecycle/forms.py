"""Forms for stage moves, assignment, pathway, vetting sign-off and procedure events."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from safepassage.apps.accounts.models import User
from safepassage.apps.cases.lifecycle.procedure import triggers_for
from safepassage.apps.cases.lifecycle.stages import Pathway, Stage
from safepassage.apps.cases.models import VettingOutcome

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


if TYPE_CHECKING:  # generic only in django-stubs: Django's form fields have no __class_getitem__
    _UserChoices = forms.ModelMultipleChoiceField[User]
else:
    _UserChoices = forms.ModelMultipleChoiceField


class _Caseworkers(_UserChoices):
    def label_from_instance(self, obj: User) -> str:
        return obj.username


class AssignForm(forms.Form):
    caseworkers = _Caseworkers(
        label=_("Caseworkers"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, caseworkers: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(_Caseworkers, self.fields["caseworkers"]).queryset = caseworkers  # declared above


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
        cast(forms.ChoiceField, self.fields["trigger"]).choices = [  # declared above
            (code, TRIGGER_LABELS.get(code, code)) for code in codes
        ]


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
        # Whether each date can be a procedure date at all is the action's rule
        # (procedure.check_event_date), shared with the API and the importer.
        if start and end and end < start:
            raise forms.ValidationError(_("The decision cannot come before the request."))
        return data
