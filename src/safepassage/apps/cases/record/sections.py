"""The shapes of a case record's sealed sections, validated with pydantic.

One definition serves the edit forms' output, the importer and the API, so a value that
reaches a sealed JSON column always has the same shape. Field names are the import
format's column names (docs/case-import.md).
"""

from __future__ import annotations

import datetime
from typing import Literal

from django.utils.translation import gettext as _
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

ServiceKind = Literal[
    "conscript", "contract", "mobilised", "officer", "pmc", "convict", "reserve", "none", "unknown"
]
DesertionKind = Literal[
    "co_request", "refused_order", "awol", "desertion", "non_return", "evasion", "unknown"
]
WantedLevel = Literal["none", "federal", "cis", "international", "unknown"]
DocumentStatus = Literal["held", "confiscated", "expired", "lost", "none"]
DocumentType = Literal[
    "internal_passport",
    "foreign_passport",
    "military_id",
    "laissez_passer",
    "birth_certificate",
    "other",
]
ConsentScope = Literal["case_management", "share_with_partner", "dossier", "research"]


def unit_number(value: str) -> str:
    """A military unit number (в/ч) as stored: ASCII digits, spaces dropped ("12 345").

    The one check for forms, API and importer; the unit register will match on it.
    """
    compact = value.replace(" ", "")
    if compact and not (compact.isascii() and compact.isdigit()):
        raise ValueError(_("the unit number (v/ch) is digits only, e.g. 12345"))
    return compact


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class DocumentHeld(Section):
    type: DocumentType
    number: str = Field(default="", max_length=64)
    status: DocumentStatus
    valid_until: datetime.date | None = None


class MilitaryService(Section):
    kind: ServiceKind = "unknown"
    agency: str = Field(default="", max_length=120)  # e.g. Ministry of Defence, Rosgvardia
    branch: str = Field(default="", max_length=120)
    unit_name: str = Field(default="", max_length=200)
    unit_number: str = Field(default="", max_length=16)  # v/ch number, digits only
    garrison: str = Field(default="", max_length=120)
    rank: str = Field(default="", max_length=80)
    position: str = Field(default="", max_length=120)
    service_started: datetime.date | None = None

    @field_validator("unit_number")
    @classmethod
    def _digits(cls, value: str) -> str:
        return unit_number(value)


class Deployment(Section):
    start: datetime.date | None = None
    end: datetime.date | None = None
    place: str = Field(default="", max_length=200)
    subunit: str = Field(default="", max_length=200)
    role: str = Field(default="", max_length=200)

    @field_validator("end")
    @classmethod
    def _ordered(cls, end: datetime.date | None, info: object) -> datetime.date | None:
        start = getattr(info, "data", {}).get("start")
        if end and start and end < start:
            raise ValueError(_("a deployment cannot end before it starts"))
        return end

    @model_validator(mode="after")
    def _not_empty(self) -> Deployment:
        if not (self.start or self.end or self.place or self.subunit or self.role):
            raise ValueError(_("an empty deployment is not saved: give at least a date or place"))
        return self


class Desertion(Section):
    kind: DesertionKind = "unknown"
    date: datetime.date | None = None
    place: str = Field(default="", max_length=200)
    weapon_taken: bool = False
    witnesses: str = Field(default="", max_length=2000)


class LegalExposure(Section):
    articles: list[str] = Field(default_factory=list, max_length=20)  # e.g. "337", "338"
    case_number: str = Field(default="", max_length=64)
    body: str = Field(default="", max_length=200)
    judgment: str = Field(default="", max_length=500)
    in_absentia: bool = False
    wanted_level: WantedLevel = "unknown"
    wanted_since: datetime.date | None = None
    exit_ban: bool = False
    e_summons: bool = False


class FamilyMember(Section):
    relation: str = Field(max_length=60)
    name: str = Field(default="", max_length=200)
    whereabouts: str = Field(default="", max_length=200)
    pressure: str = Field(default="", max_length=2000)  # pressure incidents, dated in the text
    in_destination: bool = False


class Consent(Section):
    scope: ConsentScope
    given_on: datetime.date
    channel: str = Field(max_length=60)
    lawful_basis: str = Field(default="consent (GDPR art. 6(1)(a), 9(2)(a))", max_length=120)
    retention: str = Field(default="", max_length=200)
    transfers: str = Field(default="", max_length=500)


StayStatus = Literal[
    "visa_free",
    "registered",
    "residence_permit",
    "asylum_seeker",
    "irregular",
    "detained",
    "unknown",
]


class Route(Section):
    """How he reached the country he is in, and his status there (DOMAIN.md §7)."""

    entry_date: datetime.date | None = None
    entry_point: str = Field(default="", max_length=200)
    entry_document: DocumentType | Literal["none", "unknown"] = "unknown"
    stay_status: StayStatus = "unknown"
    status_expires: datetime.date | None = None
    local_asylum: str = Field(default="", max_length=500)
    incidents: str = Field(default="", max_length=2000)


def dumped(section: Section) -> dict[str, object]:
    """JSON-ready dict of a section (dates as ISO strings) for a sealed JSON column."""
    return section.model_dump(mode="json")
