"""Forms for stage moves, assignment, pathway, vetting sign-off and procedure events."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from safepassage.apps.accounts.models import User
from safepassage.apps.cases.lifecycle.procedure import (
    EventDetails,
    jurisdiction_for,
    tracks_for,
    triggers_for,
)
from safepassage.apps.cases.lifecycle.stages import Pathway, Stage
from safepassage.apps.cases.models import VettingOutcome
from safepassage.cores.procedures import (
    manner_label,
    manner_names,
    seat_label,
    seat_names,
    track_label,
    trigger_label,
)


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


def _optional(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [("", "—"), *pairs]


class EventForm(forms.Form):
    """An event and what else is known about it; labels in the reader's language come
    from the procedures core, so no internal code is shown."""

    trigger = forms.ChoiceField(label=_("Event"))
    occurred_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    notified_by = forms.ChoiceField(label=_("How notice was given"), required=False)
    track = forms.ChoiceField(label=_("Procedure track (if the decision says)"), required=False)
    court_seat = forms.ChoiceField(label=_("Seat of the court"), required=False)
    claim_date = forms.DateField(
        label=_("Date the asylum claim was made (EU Pact)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args: Any, pathway: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        lang = get_language()
        country = jurisdiction_for(pathway) or ""
        choices = {
            "trigger": [(c, trigger_label(c, lang)) for c in sorted(triggers_for(pathway))],
            "notified_by": _optional([(m, manner_label(m, lang)) for m in manner_names(country)]),
            "track": _optional([(t, track_label("", t, lang)) for t in tracks_for(pathway)]),
            "court_seat": _optional([(s, seat_label(s, lang)) for s in seat_names(country)]),
        }
        for name, values in choices.items():
            cast(forms.ChoiceField, self.fields[name]).choices = values  # declared above

    def details(self) -> EventDetails:
        """The optional details, for ``record_event``."""
        data = self.cleaned_data
        return EventDetails(
            court_seat=data.get("court_seat") or "",
            notified_by=data.get("notified_by") or "",
            track=data.get("track") or "",
            claim_date=data.get("claim_date"),
        )


class SuspensionForm(forms.Form):
    requested_on = forms.DateField(
        label=_("Legal aid requested on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    decided_on = forms.DateField(
        label=_("Legal-aid decision notified on (if known)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    lawyer_notified_on = forms.DateField(
        label=_("Decision notified to the appointed lawyer on (if known)"),
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
