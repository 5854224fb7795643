"""What a case page shows, opened from the sealed rows in one place."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from safepassage.apps.cases.lifecycle import forms as fl
from safepassage.apps.cases.lifecycle.actions import case_facts
from safepassage.apps.cases.lifecycle.machine import allowed_moves
from safepassage.apps.cases.lifecycle.stages import Stage
from safepassage.apps.cases.models import Case, Contact, Identity, Location, ServiceRecord
from safepassage.apps.cases.registry.forms import DocumentForm, NoteForm
from safepassage.cores.names import detect_script, romanise_icao


@dataclass(frozen=True)
class ShownName:
    kind: str
    text: str
    script: str  # translated label
    script_code: str  # "cyrillic", "latin", ...
    beside: str = ""  # the ICAO passport spelling of a Cyrillic name


def _one(model: Any, case: Case) -> Any:
    return model.objects.filter(case=case).first()


def _script_label(text: str) -> str:
    labels = {"cyrillic": _("Cyrillic"), "latin": _("Latin"), "mixed": _("mixed scripts")}
    return labels.get(detect_script(text), _("other script"))


def _beside(text: str) -> str:
    return romanise_icao(text) if detect_script(text) in {"cyrillic", "mixed"} else ""


def present_case(case: Case) -> dict[str, Any]:
    """The record, opened: every sealed value the page needs, read once."""
    names = [
        ShownName(
            n.get_kind_display(),
            n.full_name,
            _script_label(n.full_name),
            detect_script(n.full_name),
            _beside(n.full_name),
        )
        for n in case.names.all()
    ]
    service = _one(ServiceRecord, case)
    stage_labels = dict(Stage.choices)
    return {
        "names": names,
        "identity": _one(Identity, case),
        "contact": _one(Contact, case),
        "location": _one(Location, case),
        "service": service.service if service else {},
        "desertion": service.desertion if service else {},
        "exposure": service.exposure if service else {},
        "deployments": [d.details for d in case.deployments.all()],
        "family": [m.details for m in case.family.all()],
        "consents": [c.details for c in case.consents.all()],
        "notes": list(case.notes.all()),
        "documents": list(case.documents.all()),
        "transitions": [
            (t, stage_labels.get(t.from_stage), stage_labels.get(t.to_stage))
            for t in case.transitions.all()
        ],
        "signoffs": list(case.signoffs.all()),
        "deadlines": list(case.deadlines.filter(met_at__isnull=True)),
        "events": list(case.procedure_events.all()),
        "moves": [
            (target, stage_labels[target], why) for target, why in allowed_moves(case_facts(case))
        ],
    }


def case_forms(case: Case) -> dict[str, Any]:
    return {
        "note_form": NoteForm(),
        "document_form": DocumentForm(),
        "pathway_form": fl.PathwayForm(initial={"pathway": case.pathway}),
        "signoff_form": fl.SignOffForm(),
        "event_form": fl.EventForm(pathway=case.pathway),
        "suspension_form": fl.SuspensionForm(),
    }
