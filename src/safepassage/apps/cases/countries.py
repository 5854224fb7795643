"""Countries a case can be in or hold citizenship of: ISO 3166-1 alpha-2 codes.

The list covers the countries of the pipeline (DOMAIN.md §3-5); coordinators can pick
"other" and write the country in the place field.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

COUNTRIES = [
    ("RU", _("Russia")),
    ("UA", _("Ukraine")),
    ("BY", _("Belarus")),
    ("KZ", _("Kazakhstan")),
    ("KG", _("Kyrgyzstan")),
    ("AM", _("Armenia")),
    ("GE", _("Georgia")),
    ("UZ", _("Uzbekistan")),
    ("TR", _("Turkey")),
    ("RS", _("Serbia")),
    ("MN", _("Mongolia")),
    ("FR", _("France")),
    ("DE", _("Germany")),
    ("ES", _("Spain")),
    ("LT", _("Lithuania")),
    ("LV", _("Latvia")),
    ("EE", _("Estonia")),
    ("PL", _("Poland")),
    ("CZ", _("Czechia")),
    ("FI", _("Finland")),
    ("NL", _("Netherlands")),
    ("XX", _("Other")),
]
COUNTRY_CODES = {code for code, _ in COUNTRIES}
