"""Case forms. Errors are translated and name the field, never echo a value elsewhere."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from safepassage.apps.cases.countries import (
    COUNTRY_CODES,
    CountrySelect,
    CountrySelectMultiple,
    citizenship_choices,
    country_choices,
)

ALLOWED_UPLOAD_TYPES = {
    "application/pdf": b"%PDF-",
    "image/jpeg": b"\xff\xd8\xff",
    "image/png": b"\x89PNG\r\n\x1a\n",
}


class NewCaseForm(forms.Form):
    legal_name = forms.CharField(label=_("Full name as the person gives it"), max_length=200)
    other_names = forms.CharField(
        label=_("Other names and spellings, one per line"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
    birth_date = forms.DateField(
        label=_("Date of birth (YYYY-MM-DD)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    birth_place = forms.CharField(label=_("Place of birth"), max_length=200, required=False)
    citizenships = forms.MultipleChoiceField(
        label=_("Citizenships"),
        choices=citizenship_choices,
        required=False,
        widget=CountrySelectMultiple(attrs={"size": 8}),
    )
    contact_channel = forms.CharField(label=_("Contact channel"), max_length=100, required=False)
    contact_handle = forms.CharField(label=_("Handle or number"), max_length=200, required=False)
    contact_protocol = forms.CharField(
        label=_("Safe-contact protocol and code words"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        required=False,
    )
    country = forms.ChoiceField(
        label=_("Country where he is now"), choices=country_choices, widget=CountrySelect
    )
    coarse_place = forms.CharField(label=_("City or region"), max_length=120, required=False)
    exact_address = forms.CharField(
        label=_("Exact address (restricted: only assigned caseworkers can reveal it)"),
        max_length=500,
        required=False,
    )
    note = forms.CharField(
        label=_("First note"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=20000,
        required=False,
    )

    def clean_other_names(self) -> list[str]:
        raw = self.cleaned_data.get("other_names", "")
        names = [line.strip() for line in raw.splitlines() if line.strip()]
        if any(len(name) > 200 for name in names):
            raise forms.ValidationError(_("Each name can have at most 200 characters."))
        return names

    def clean_country(self) -> str:
        value = self.cleaned_data["country"]
        if value not in COUNTRY_CODES:
            raise forms.ValidationError(_("Choose a country from the list."))
        return str(value)


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 4}), max_length=20000
    )


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("What is this document?"), max_length=200)
    file = forms.FileField(label=_("File (PDF, JPEG or PNG)"))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > settings.MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is too large."))
        head = upload.read(16)
        upload.seek(0)
        if not any(head.startswith(magic) for magic in ALLOWED_UPLOAD_TYPES.values()):
            raise forms.ValidationError(_("Only PDF, JPEG and PNG files can be uploaded."))
        return upload


def detected_content_type(head: bytes) -> str:
    for content_type, magic in ALLOWED_UPLOAD_TYPES.items():
        if head.startswith(magic):
            return content_type
    return "application/octet-stream"
