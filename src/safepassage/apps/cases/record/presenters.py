"""What a case page shows, opened from the sealed rows in one place."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from safepassage.apps.accounts.people import names_of
from safepassage.apps.cases.lifecycle import forms as fl
from safepassage.apps.cases.lifecycle.actions import case_facts
from safepassage.apps.cases.lifecycle.machine import allowed_moves
from safepassage.apps.cases.lifecycle.stages import Stage
from safepassage.apps.cases.models import Case, Contact, Identity, Location, ServiceRecord
from safepassage.apps.cases.record.opening import opened, opened_one
from safepassage.apps.cases.registry.forms import DocumentForm, NoteForm
from safepassage.cores.names import detect_script, romanise_icao


@dataclass(frozen=True)
class Entry:
    """One repeatable entry: its id (for the correct and remove links) and its values."""

    id: str
    data: Any


def _entries(rows: list[Any]) -> list[Entry]:
    return [Entry(str(row.pk), row.details) for row in rows]


@dataclass(frozen=True)
class ShownName:
    id: str
    kind: str
    text: str
    script: str  # translated label
    script_code: str  # "cyrillic", "latin", ...
    beside: str = ""  # the ICAO passport spelling of a Cyrillic name
    unreadable: bool = False


def _one(model: Any, case: Case, actor_id: int | None) -> Any:
    return opened_one(model.objects.filter(case=case).first(), actor_id=actor_id)


def _shown(name: Any) -> ShownName:
    if name.unreadable:
        return ShownName(
            str(name.pk), name.get_kind_display(), name.full_name, "", "", unreadable=True
        )
    text = name.full_name
    label, code = _script_label(text), detect_script(text)
    return ShownName(str(name.pk), name.get_kind_display(), text, label, code, _beside(text))


def _script_label(text: str) -> str:
    labels = {"cyrillic": _("Cyrillic"), "latin": _("Latin"), "mixed": _("mixed scripts")}
    return labels.get(detect_script(text), _("other script"))


def _beside(text: str) -> str:
    return romanise_icao(text) if detect_script(text) in {"cyrillic", "mixed"} else ""


def present_case(case: Case, *, actor_id: int | None = None) -> dict[str, Any]:
    """The record, opened: every sealed value the page needs, read once.

    A row that does not open shows as unreadable (``opening.opened``); the rest still shows.
    """

    def each(rows: Any) -> list[Any]:
        return opened(rows.all(), actor_id=actor_id)

    service = _one(ServiceRecord, case, actor_id)
    stage_labels = dict(Stage.choices)
    notes, documents = each(case.notes), each(case.documents)
    transitions, signoffs = each(case.transitions), each(case.signoffs)
    people = names_of(
        [n.author_id for n in notes]
        + [d.uploaded_by_id for d in documents]
        + [t.actor_id for t in transitions]
        + [s.reviewer_id for s in signoffs]
    )
    return {
        "people": people,
        "names": [_shown(n) for n in each(case.names)],
        "identity": _one(Identity, case, actor_id),
        "contact": _one(Contact, case, actor_id),
        "location": _one(Location, case, actor_id),
        "service": service.service if service else {},
        "desertion": service.desertion if service else {},
        "exposure": service.exposure if service else {},
        "deployments": _entries(each(case.deployments)),
        "family": _entries(each(case.family)),
        "consents": _entries(each(case.consents)),
        "notes": notes,
        "documents": documents,
        "transitions": [
            (t, stage_labels.get(t.from_stage), stage_labels.get(t.to_stage)) for t in transitions
        ],
        "signoffs": signoffs,
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
