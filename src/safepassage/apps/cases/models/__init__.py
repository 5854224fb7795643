"""Case models: the case and its key, identity, contact, location, notes, documents."""

from safepassage.apps.cases.models.case import Case, CaseKey, CaseQuerySet, new_reference
from safepassage.apps.cases.models.record import (
    Contact,
    Document,
    ExactLocation,
    Identity,
    Location,
    Note,
    PersonName,
)

__all__ = [
    "Case",
    "CaseKey",
    "CaseQuerySet",
    "Contact",
    "Document",
    "ExactLocation",
    "Identity",
    "Location",
    "Note",
    "PersonName",
    "new_reference",
]
