"""Which parts of a case can be edited or added to, and how each one is loaded and saved.

One view serves every section (``views_sections``); this registry says, per section,
which form to show, which pydantic shape validates it, and which sealed row holds it.
Adding a section is one entry here plus its form.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from safepassage.apps.audit.actions import record_case
from safepassage.apps.cases.models import (
    Case,
    ConsentRecord,
    Contact,
    Deployment,
    FamilyMember,
    Identity,
    Location,
    PersonName,
    ServiceRecord,
)
from safepassage.apps.cases.record import forms as f
from safepassage.apps.cases.record import sections as s
from safepassage.apps.cases.record.dates import check_dates
from safepassage.apps.cases.registry.watchers import record_changed


def _service_row(case: Case) -> ServiceRecord:
    row = ServiceRecord.objects.filter(case=case).first()
    return row or ServiceRecord(case=case, service={}, desertion={}, exposure={})


def _json_part(column: str) -> tuple[Callable[[Case], dict[str, Any]], Callable[..., None]]:
    def load(case: Case) -> dict[str, Any]:
        return dict(getattr(_service_row(case), column) or {})

    def save(case: Case, data: dict[str, Any]) -> None:
        row = _service_row(case)
        setattr(row, column, data)
        row.save()

    return load, save


def _identity_load(case: Case) -> dict[str, Any]:
    row = Identity.objects.filter(case=case).first()
    if row is None:
        return {}
    return {
        "birth_date": row.birth_date,
        "birth_place": row.birth_place,
        "citizenships": row.citizenships or [],
    }


def _identity_save(case: Case, data: dict[str, Any]) -> None:
    row = Identity.objects.filter(case=case).first() or Identity(case=case, documents=[])
    row.birth_date = data["birth_date"]
    row.birth_place = data["birth_place"]
    row.citizenships = data["citizenships"]
    row.save()


def _location_load(case: Case) -> dict[str, Any]:
    row = Location.objects.filter(case=case).first()
    return {"country": row.country, "coarse_place": row.coarse_place} if row else {}


def _location_save(case: Case, data: dict[str, Any]) -> None:
    row = Location.objects.filter(case=case).first() or Location(case=case)
    row.country, row.coarse_place = data["country"], data["coarse_place"]
    row.save()


def _contact_load(case: Case) -> dict[str, Any]:
    row = Contact.objects.filter(case=case).first()
    return {"channel": row.channel, "handle": row.handle, "protocol": row.protocol} if row else {}


def _contact_save(case: Case, data: dict[str, Any]) -> None:
    row = Contact.objects.filter(case=case).first() or Contact(case=case)
    row.channel, row.handle, row.protocol = data["channel"], data["handle"], data["protocol"]
    row.save()


def _document_held_add(case: Case, data: dict[str, Any]) -> None:
    row = Identity.objects.filter(case=case).first() or Identity(case=case, citizenships=[])
    row.documents = [*(row.documents or []), data]
    row.save()


def _route_load(case: Case) -> dict[str, Any]:
    row = Location.objects.filter(case=case).first()
    return dict(row.route or {}) if row else {}


def _route_save(case: Case, data: dict[str, Any]) -> None:
    row = Location.objects.filter(case=case).first() or Location(case=case, country="XX")
    row.route = data
    row.save()


def _adder(model: Any, **extra: Callable[[dict[str, Any]], Any]) -> Callable[..., None]:
    def save(case: Case, data: dict[str, Any]) -> None:
        fields = {key: make(data) for key, make in extra.items()}
        model.objects.create(case=case, **fields)

    return save


@dataclass(frozen=True)
class EditableSection:
    title: Promise
    form: type[forms.Form]
    schema: type[s.Section] | None
    save: Callable[[Case, dict[str, Any]], None]
    load: Callable[[Case], dict[str, Any]] | None = None  # None: the form adds a new row

    def validated(self, cleaned: dict[str, Any]) -> dict[str, Any]:
        """Run the pydantic shape over the form's output; returns JSON-ready data."""
        if self.schema is None:
            return cleaned
        return s.dumped(self.schema.model_validate(cleaned))


def _service_section(
    column: str, title: Promise, form: type[forms.Form], schema: type[s.Section]
) -> EditableSection:
    load, save = _json_part(column)
    return EditableSection(title, form, schema, save, load)


SECTIONS: dict[str, EditableSection] = {
    "service": _service_section("service", _("Military service"), f.ServiceForm, s.MilitaryService),
    "desertion": _service_section("desertion", _("Leaving the army"), f.DesertionForm, s.Desertion),
    "exposure": _service_section(
        "exposure", _("Russian legal exposure"), f.ExposureForm, s.LegalExposure
    ),
    "identity": EditableSection(
        _("Identity"), f.IdentityForm, None, _identity_save, _identity_load
    ),
    "contact": EditableSection(_("Contact"), f.ContactForm, None, _contact_save, _contact_load),
    "document_held": EditableSection(
        _("Add a document he holds"), f.DocumentHeldForm, s.DocumentHeld, _document_held_add
    ),
    "route": EditableSection(_("Route and status"), f.RouteForm, s.Route, _route_save, _route_load),
    "location": EditableSection(
        _("Where he is"), f.LocationForm, None, _location_save, _location_load
    ),
    "deployment": EditableSection(
        _("Add a deployment"),
        f.DeploymentForm,
        s.Deployment,
        _adder(Deployment, details=lambda d: d),
    ),
    "family": EditableSection(
        _("Add a family member"),
        f.FamilyForm,
        s.FamilyMember,
        _adder(FamilyMember, details=lambda d: d),
    ),
    "consent": EditableSection(
        _("Record consent"),
        f.ConsentForm,
        s.Consent,
        _adder(ConsentRecord, details=lambda d: d, scope=lambda d: d["scope"]),
    ),
    "name": EditableSection(
        _("Add a name or spelling"),
        f.NameForm,
        None,
        _adder(
            PersonName,
            full_name=lambda d: d["full_name"],
            kind=lambda d: d["kind"],
            position=lambda d: 99,
        ),
    ),
}


def save_section(case: Case, name: str, cleaned: dict[str, Any], *, actor_id: int) -> None:
    """Validate, check the dates against the record (``record.dates``), save and audit.

    Raises pydantic's ``ValidationError`` or ``DatesRefused``; nothing is saved then."""
    section = SECTIONS[name]
    data = section.validated(cleaned)
    check_dates(case, name, data)
    with transaction.atomic():
        section.save(case, data)
        record_case("case.edit", case, actor_id=actor_id, detail={"section": name})
        record_changed(case, name)
