"""Forms of the vetting pages: a list upload and a decision on a hit."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from safepassage.apps.vetting.decisions import REASON_MAX
from safepassage.apps.vetting.lists import valid_list_name
from safepassage.apps.vetting.models import DECISIONS, HitState

MAX_UPLOAD = 200 * 1024 * 1024


class ListImportForm(forms.Form):
    name = forms.CharField(
        label=_("List name"),
        max_length=64,
        help_text=_("Lower-case letters, digits, '-', '_' and '.', e.g. eu-fsf."),
    )
    file = forms.FileField(label=_("List file (FollowTheMoney JSON lines or CSV)"))
    source = forms.URLField(
        label=_("Source"), required=False, max_length=500, assume_scheme="https"
    )
    licence = forms.CharField(label=_("Licence"), required=False, max_length=500)

    def clean_name(self) -> str:
        name = str(self.cleaned_data["name"]).strip()
        if not valid_list_name(name):
            raise forms.ValidationError(_("Use lower-case letters, digits, '-', '_' and '.' only."))
        return name

    def clean_file(self) -> object:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 200 MB."))
        return upload


class DecisionForm(forms.Form):
    state = forms.ChoiceField(
        label=_("Decision"),
        choices=[(s.value, HitState(s).label) for s in DECISIONS],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(label=_("Reason"), max_length=REASON_MAX, widget=forms.Textarea)
