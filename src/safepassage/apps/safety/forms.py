"""Safety forms. Errors name the field and never echo the value back into a log."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.core.validators import URLValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from safepassage.apps.accounts import clock
from safepassage.apps.accounts.models import Organisation
from safepassage.apps.cases.countries import COUNTRY_CODES, CountrySelect, country_choices
from safepassage.apps.safety.models import CheckInChannel, RiskRating

_URL = URLValidator(schemes=["http", "https"])
MAX_SOURCES = 10


class ScheduleForm(forms.Form):
    interval_hours = forms.IntegerField(
        label=_("Check in every (hours)"), min_value=1, max_value=24 * 30, initial=48
    )
    grace_hours = forms.IntegerField(
        label=_("Grace before escalation (hours)"), min_value=0, max_value=24 * 14, initial=12
    )


class CheckInForm(forms.Form):
    """A check-in with details; every field may stay empty (then: now, channel not said)."""

    at = forms.DateTimeField(
        label=_("When (your organisation's time)"),
        required=False,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    channel = forms.ChoiceField(label=_("How"), choices=CheckInChannel.choices, required=False)
    note = forms.CharField(
        label=_("Short note (sealed)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    duress = forms.BooleanField(
        label=_("He signalled duress (alerts the coordinators at once)"), required=False
    )

    def instant(self, organisation: Organisation) -> datetime.datetime | None:
        """The typed time read in the organisation's time zone (None: now)."""
        typed = self.cleaned_data.get("at")
        if typed is None:
            return None
        return timezone.make_aware(typed.replace(tzinfo=None), clock.zone_of(organisation))


class CountryRiskForm(forms.Form):
    country = forms.ChoiceField(label=_("Country"), choices=country_choices, widget=CountrySelect)
    rating = forms.ChoiceField(label=_("Rating"), choices=RiskRating.choices)
    effective_on = forms.DateField(
        label=_("Effective from (YYYY-MM-DD)"), widget=forms.DateInput(attrs={"type": "date"})
    )
    sources = forms.CharField(
        label=_("Sources: web addresses (http or https), one per line"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=4000,
    )
    rationale = forms.CharField(
        label=_("Short rationale (no names of people)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=500,
    )

    def __init__(self, *args: Any, organisation: Organisation | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisation = organisation

    def clean_country(self) -> str:
        value = str(self.cleaned_data["country"])
        if value not in COUNTRY_CODES or value == "XX":
            raise forms.ValidationError(_("Choose a country from the list."))
        return value

    def clean_effective_on(self) -> datetime.date:
        value: datetime.date = self.cleaned_data["effective_on"]
        if value > clock.today_for(self.organisation):
            raise forms.ValidationError(
                _("An assessment records what is known now: no future dates.")
            )
        return value

    def clean_sources(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["sources"].splitlines()]
        urls = [line for line in lines if line]
        if not urls:
            raise forms.ValidationError(_("Give at least one source."))
        if len(urls) > MAX_SOURCES:
            raise forms.ValidationError(_("Give at most 10 sources."))
        for number, url in enumerate(urls, start=1):
            try:
                _URL(url)
            except forms.ValidationError:
                raise forms.ValidationError(
                    _("Line %(number)s is not a web address starting with http:// or https://."),
                    params={"number": number},
                ) from None
        return urls
