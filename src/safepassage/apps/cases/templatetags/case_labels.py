"""``choice_label``: show a stored code (service kind, wanted level, country...) as its label.

The case record keeps codes ("mobilised", "federal", "KZ"); the pages show the translated
label from the same choice list the edit form uses. An unknown code is shown as it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from django import template

from safepassage.apps.accounts.roles import Role
from safepassage.apps.cases.countries import COUNTRY_LABELS
from safepassage.apps.cases.lifecycle import labels as procedure_labels
from safepassage.apps.cases.record import forms as fs

register = template.Library()

CHOICES: dict[str, Mapping[str, Any]] = {
    "service_kind": dict(fs.SERVICE_KINDS),
    "desertion_kind": dict(fs.DESERTION_KINDS),
    "wanted": dict(fs.WANTED),
    "consent_scope": dict(fs.CONSENT_SCOPES),
    "document_type": dict(fs.DOCUMENT_TYPES),
    "document_status": dict(fs.DOCUMENT_STATUSES),
    "entry_document": dict(fs.ENTRY_DOCUMENTS),
    "stay_status": dict(fs.STAY_STATUSES),
    "country": COUNTRY_LABELS,
    "role": dict(Role.choices),
}


@register.filter
def choice_label(value: Any, kind: str) -> Any:
    """The label of ``value`` in the choice list ``kind``; a list gives a list of labels."""
    if kind in procedure_labels.LABELLERS:  # procedure codes: words from the procedures core
        return procedure_labels.label(kind, value) if value else value
    labels = CHOICES[kind]
    if isinstance(value, Iterable) and not isinstance(value, str):
        return [str(labels.get(item, item)) for item in value]
    if value in (None, ""):
        return value
    return str(labels.get(value, value))


@register.filter
def working(steps: Any) -> list[str]:
    """A stored deadline's working, each line in the active language."""
    return procedure_labels.working(steps)
