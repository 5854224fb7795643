"""Forms for the case record's sections. Their cleaned data feeds the pydantic sections."""

from __future__ import annotations

from typing import TypedDict

from django import forms
from django.utils.translation import gettext_lazy as _

from safepassage.apps.cases.countries import (
    CountrySelect,
    CountrySelectMultiple,
    citizenship_choices,
    country_choices,
)
from safepassage.apps.cases.models.record import NameKind


class _DateOptions(TypedDict):
    """What every optional date field is given (a TypedDict, so ``**DATE`` is checked)."""

    widget: forms.DateInput
    required: bool


DATE: _DateOptions = {"widget": forms.DateInput(attrs={"type": "date"}), "required": False}

SERVICE_KINDS = [
    ("unknown", _("Unknown")),
    ("conscript", _("Conscript")),
    ("contract", _("Contract soldier")),
    ("mobilised", _("Mobilised")),
    ("officer", _("Officer")),
    ("pmc", _("Private military company")),
    ("convict", _("Convict unit")),
    ("reserve", _("Reservist")),
    ("none", _("Never served")),
]
DESERTION_KINDS = [
    ("unknown", _("Unknown")),
    ("co_request", _("Conscientious objection request")),
    ("refused_order", _("Refused an order")),
    ("awol", _("Absent without leave")),
    ("desertion", _("Desertion")),
    ("non_return", _("Did not return from leave or hospital")),
    ("evasion", _("Evaded call-up")),
]
WANTED = [
    ("unknown", _("Unknown")),
    ("none", _("Not wanted")),
    ("federal", _("Federal wanted list")),
    ("cis", _("CIS wanted list")),
    ("international", _("International wanted list")),
]
CONSENT_SCOPES = [
    ("case_management", _("Case management")),
    ("share_with_partner", _("Sharing with a partner")),
    ("dossier", _("Dossier to an authority")),
    ("research", _("Anonymised research")),
]


class ServiceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of service"), choices=SERVICE_KINDS)
    agency = forms.CharField(label=_("Agency"), max_length=120, required=False)
    branch = forms.CharField(label=_("Branch"), max_length=120, required=False)
    unit_name = forms.CharField(label=_("Unit name"), max_length=200, required=False)
    unit_number = forms.CharField(label=_("Unit number (v/ch)"), max_length=16, required=False)
    garrison = forms.CharField(label=_("Garrison"), max_length=120, required=False)
    rank = forms.CharField(label=_("Rank"), max_length=80, required=False)
    position = forms.CharField(label=_("Position"), max_length=120, required=False)
    service_started = forms.DateField(label=_("Service started"), **DATE)


class DesertionForm(forms.Form):
    kind = forms.ChoiceField(label=_("How he left"), choices=DESERTION_KINDS)
    date = forms.DateField(label=_("Date"), **DATE)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    weapon_taken = forms.BooleanField(label=_("Took a weapon"), required=False)
    witnesses = forms.CharField(
        label=_("Witnesses"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ExposureForm(forms.Form):
    articles = forms.CharField(
        label=_("Criminal code articles, comma separated"), max_length=200, required=False
    )
    case_number = forms.CharField(label=_("Criminal case number"), max_length=64, required=False)
    body = forms.CharField(label=_("Investigating body"), max_length=200, required=False)
    judgment = forms.CharField(label=_("Judgment"), max_length=500, required=False)
    in_absentia = forms.BooleanField(label=_("Judged in absentia"), required=False)
    wanted_level = forms.ChoiceField(label=_("Wanted"), choices=WANTED)
    wanted_since = forms.DateField(label=_("Wanted since"), **DATE)
    exit_ban = forms.BooleanField(label=_("Exit ban"), required=False)
    e_summons = forms.BooleanField(label=_("Electronic summons received"), required=False)

    def clean_articles(self) -> list[str]:
        return [a.strip() for a in self.cleaned_data["articles"].split(",") if a.strip()]


class DeploymentForm(forms.Form):
    start = forms.DateField(label=_("From"), **DATE)
    end = forms.DateField(label=_("Until"), **DATE)
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    subunit = forms.CharField(label=_("Sub-unit"), max_length=200, required=False)
    role = forms.CharField(label=_("Role"), max_length=200, required=False)

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            raise forms.ValidationError(_("A deployment cannot end before it starts."))
        return data


class FamilyForm(forms.Form):
    relation = forms.CharField(label=_("Relation"), max_length=60)
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    whereabouts = forms.CharField(label=_("Where"), max_length=200, required=False)
    pressure = forms.CharField(
        label=_("Pressure incidents (with dates)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    in_destination = forms.BooleanField(label=_("Lives in the destination country"), required=False)


class ConsentForm(forms.Form):
    scope = forms.ChoiceField(label=_("Scope"), choices=CONSENT_SCOPES)
    given_on = forms.DateField(label=_("Given on"), widget=forms.DateInput(attrs={"type": "date"}))
    channel = forms.CharField(label=_("Channel"), max_length=60)
    retention = forms.CharField(label=_("Retention"), max_length=200, required=False)
    transfers = forms.CharField(label=_("Transfers allowed"), max_length=500, required=False)


class NameForm(forms.Form):
    full_name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=NameKind.choices)


class IdentityForm(forms.Form):
    birth_date = forms.DateField(label=_("Date of birth"), **DATE)
    birth_place = forms.CharField(label=_("Place of birth"), max_length=200, required=False)
    citizenships = forms.MultipleChoiceField(
        label=_("Citizenships"),
        choices=citizenship_choices,
        required=False,
        widget=CountrySelectMultiple(attrs={"size": 8}),
    )


class LocationForm(forms.Form):
    country = forms.ChoiceField(
        label=_("Country where he is now"), choices=country_choices, widget=CountrySelect
    )
    coarse_place = forms.CharField(label=_("City or region"), max_length=120, required=False)


DOCUMENT_TYPES = [
    ("internal_passport", _("Internal passport")),
    ("foreign_passport", _("Foreign passport")),
    ("military_id", _("Military ID")),
    ("laissez_passer", _("Laissez-passer")),
    ("birth_certificate", _("Birth certificate")),
    ("other", _("Other")),
]
DOCUMENT_STATUSES = [
    ("held", _("Held")),
    ("confiscated", _("Confiscated")),
    ("expired", _("Expired")),
    ("lost", _("Lost")),
    ("none", _("Never had one")),
]
ENTRY_DOCUMENTS = [("unknown", _("Unknown")), ("none", _("No document")), *DOCUMENT_TYPES]
STAY_STATUSES = [
    ("unknown", _("Unknown")),
    ("visa_free", _("Visa-free stay")),
    ("registered", _("Registered")),
    ("residence_permit", _("Residence permit")),
    ("asylum_seeker", _("Local asylum seeker")),
    ("irregular", _("Irregular")),
    ("detained", _("Detained")),
]


class ContactForm(forms.Form):
    channel = forms.CharField(label=_("Contact channel"), max_length=100, required=False)
    handle = forms.CharField(label=_("Handle or number"), max_length=200, required=False)
    protocol = forms.CharField(
        label=_("Safe-contact protocol and code words"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class DocumentHeldForm(forms.Form):
    type = forms.ChoiceField(label=_("Document"), choices=DOCUMENT_TYPES)
    number = forms.CharField(label=_("Number"), max_length=64, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=DOCUMENT_STATUSES)
    valid_until = forms.DateField(label=_("Valid until"), **DATE)


class RouteForm(forms.Form):
    entry_date = forms.DateField(label=_("Entered the country on"), **DATE)
    entry_point = forms.CharField(label=_("Border crossing point"), max_length=200, required=False)
    entry_document = forms.ChoiceField(label=_("Entered with"), choices=ENTRY_DOCUMENTS)
    stay_status = forms.ChoiceField(label=_("Status there"), choices=STAY_STATUSES)
    status_expires = forms.DateField(label=_("Status expires on"), **DATE)
    local_asylum = forms.CharField(label=_("Local asylum claim"), max_length=500, required=False)
    incidents = forms.CharField(
        label=_("Incidents (with dates)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
