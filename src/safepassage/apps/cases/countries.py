"""Countries a case can be in or hold citizenship of: every ISO 3166-1 alpha-2 code.

The list and the Russian and French names come from pycountry (Debian's iso-codes data,
pinned in requirements.txt): 249 countries, so that Tajikistan, Azerbaijan, Montenegro,
Israel or the UAE are never missing again. The countries of the pipeline (DOMAIN.md §3-5)
keep the short names of our own catalogue ("Russia", not "Russian Federation"). "XX"
(other) stays for records that name no country.

Forms show the host countries first, then every other country by its name in the
reader's language (``country_choices``, ``citizenship_choices``).
"""

from __future__ import annotations

import gettext as gettext_module
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from typing import Any

import pycountry
from django import forms
from django.forms.utils import flatatt
from django.utils.functional import Promise, lazy
from django.utils.html import escape
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

__all__ = [
    "COUNTRIES",
    "COUNTRY_CODES",
    "COUNTRY_LABELS",
    "HOST_COUNTRIES",
    "any_country_choices",
    "citizenship_choices",
    "country_choices",
    "country_name",
]

OTHER = "XX"
# Where deserters wait or pass through (DOMAIN.md §3-4): shown first where he is now.
HOST_COUNTRIES = (
    "KZ",
    "KG",
    "AM",
    "GE",
    "UZ",
    "TJ",
    "AZ",
    "TR",
    "RS",
    "ME",
    "MN",
    "IL",
    "AE",
)
HOME_COUNTRIES = ("RU", "UA", "BY")  # first among citizenships
OUR_NAMES: dict[str, Promise] = {
    "RU": _("Russia"),
    "UA": _("Ukraine"),
    "BY": _("Belarus"),
    "KZ": _("Kazakhstan"),
    "KG": _("Kyrgyzstan"),
    "AM": _("Armenia"),
    "GE": _("Georgia"),
    "UZ": _("Uzbekistan"),
    "TR": _("Turkey"),
    "RS": _("Serbia"),
    "MN": _("Mongolia"),
    "FR": _("France"),
    "DE": _("Germany"),
    "ES": _("Spain"),
    "LT": _("Lithuania"),
    "LV": _("Latvia"),
    "EE": _("Estonia"),
    "PL": _("Poland"),
    "CZ": _("Czechia"),
    "FI": _("Finland"),
    "NL": _("Netherlands"),
    OTHER: _("Other"),
}
_ISO = {country.alpha_2: country for country in pycountry.countries}
COUNTRY_CODES = frozenset(_ISO) | {OTHER}


@cache
def _catalogue(language: str) -> gettext_module.NullTranslations:
    return gettext_module.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )


def country_name(code: str, language: str | None = None) -> str:
    """The country's name in ``language`` (default: the active one); the code if unknown."""
    if code in OUR_NAMES:
        return str(OUR_NAMES[code])
    country = _ISO.get(code)
    if country is None:
        return code
    short = getattr(country, "common_name", None) or country.name
    language = (language or get_language() or "en").split("-")[0]
    if language == "en":
        return str(short)
    catalogue = _catalogue(language)
    named = catalogue.gettext(short)
    return named if named != short else catalogue.gettext(country.name)


_lazy_name = lazy(country_name, str)


class _Labels(Mapping[str, str]):
    """code -> name in the active language, for showing stored codes (``choice_label``)."""

    def __getitem__(self, code: str) -> str:
        if code not in COUNTRY_CODES:
            raise KeyError(code)
        return country_name(code)

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(COUNTRY_CODES))

    def __len__(self) -> int:
        return len(COUNTRY_CODES)


COUNTRY_LABELS: Mapping[str, str] = _Labels()
# (code, lazily translated name) in code order, for code that needs a flat list.
COUNTRIES: list[tuple[str, object]] = [(code, _lazy_name(code)) for code in sorted(COUNTRY_CODES)]


def _by_name(codes: Iterable[str]) -> list[tuple[str, str]]:
    return sorted(((c, country_name(c)) for c in codes), key=lambda pair: pair[1].casefold())


GROUP_TITLES: dict[str, Promise] = {
    "hosts": _("Host countries"),
    "homes": _("Usual citizenships"),
}


def _grouped(first: tuple[str, ...], title: str) -> list[tuple[object, object]]:
    return list(_grouped_in((get_language() or "en").split("-")[0], first, title))


@cache
def _grouped_in(
    language: str, first: tuple[str, ...], title: str
) -> tuple[tuple[object, object], ...]:
    """Built once per language and list (250 names sorted): forms render fast."""
    rest = [c for c in COUNTRY_CODES if c not in first and c != OTHER]
    return (
        (str(GROUP_TITLES[title]), _by_name(first)),
        (str(_("All countries")), [*_by_name(rest), (OTHER, country_name(OTHER))]),
    )


def country_choices() -> list[tuple[object, object]]:
    """For "country where he is now": no default, host countries first, then the rest."""
    return [("", "—"), *_grouped(HOST_COUNTRIES, "hosts")]


def any_country_choices() -> list[tuple[object, object]]:
    """For a filter: every country, host countries first, "all countries" as the empty one."""
    return [("", str(_("All countries"))), *_grouped(HOST_COUNTRIES, "hosts")]


def citizenship_choices() -> list[tuple[object, object]]:
    """For citizenships: Russia, Ukraine, Belarus first, then the rest."""
    return _grouped(HOME_COUNTRIES, "homes")


class CountrySelect(forms.Select):
    """A select of 250 countries rendered in Python: Django's per-option templates would
    spend ~100 ms on every page that shows one."""

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        chosen = {str(v) for v in (value if isinstance(value, list | tuple) else [value])}
        chosen.discard("None")
        final = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            final["multiple"] = True
        head = flatatt({"name": name} | {k: v for k, v in final.items() if v is not False})
        parts = [f"<select{head}>"]
        for group, options in self.choices:
            if isinstance(options, list | tuple):
                parts.append(f'<optgroup label="{escape(group)}">')
                parts.extend(_option(code, label, chosen) for code, label in options)
                parts.append("</optgroup>")
            else:
                parts.append(_option(group, options, chosen))
        parts.append("</select>")
        # Safe: every value and label went through escape(), the attributes through flatatt.
        return SafeString("".join(parts))


class CountrySelectMultiple(CountrySelect):
    allow_multiple_selected = True

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        getter = getattr(data, "getlist", None)
        return getter(name) if getter else data.get(name)

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return False


def _option(code: object, label: object, chosen: set[str]) -> str:
    selected = " selected" if str(code) in chosen else ""
    return f'<option value="{escape(code)}"{selected}>{escape(label)}</option>'
