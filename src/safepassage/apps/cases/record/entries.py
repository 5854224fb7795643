"""Correcting and removing the repeatable entries of a case's record.

Deployments, names, family members, consent records, documents he holds, notes and
uploaded documents are lists: each entry can be corrected (the same form as when it was
added, filled in) or removed with a reason. ``ENTRIES`` says, per kind, how one entry is
found, loaded, saved and removed; :func:`correct_entry` and :func:`remove_entry` are the
writes (views and tests call them), each in one transaction with its audit entry and the
``record_changed`` call that apps above cases listen to.

A removal's reason is one of ``REMOVAL_REASONS`` (an identifier, so it can go in the
audit trail, which takes no free text). Removing an uploaded document also deletes its
encrypted blob once the removal has committed.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.db import transaction
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from safepassage.apps.audit.actions import record_case
from safepassage.apps.cases.models import (
    Case,
    ConsentRecord,
    Deployment,
    Document,
    FamilyMember,
    Identity,
    Note,
    PersonName,
)
from safepassage.apps.cases.models.record import NameKind
from safepassage.apps.cases.record import forms as f
from safepassage.apps.cases.record import sections as s
from safepassage.apps.cases.record.dates import check_dates
from safepassage.apps.cases.record.opening import opened_one
from safepassage.apps.cases.registry.forms import NoteForm
from safepassage.apps.cases.registry.watchers import record_changed
from safepassage.apps.vault import blobs

__all__ = [
    "ENTRIES",
    "REMOVAL_REASONS",
    "EntryKind",
    "EntryRefused",
    "correct_entry",
    "load_entry",
    "may_change",
    "remove_entry",
]

REMOVAL_REASONS = [
    ("mistake", _("Entered by mistake")),
    ("duplicate", _("A duplicate of another entry")),
    ("wrong_case", _("Belongs to another case")),
    ("withdrawn", _("The person asked for it to be removed")),
]


class EntryRefused(Exception):
    """A correction or removal the record's rules refuse; ``message`` is for the reader."""

    def __init__(self, message: str) -> None:
        super().__init__("entry refused")
        self.message = message


class DocumentTitleForm(forms.Form):
    title = forms.CharField(label=_("What is this document?"), max_length=200)


@dataclass(frozen=True)
class EntryKind:
    """How one kind of entry is found, shown in its form, saved and removed."""

    title: Promise
    form: type[forms.Form]
    find: Callable[[Case, str, bool], Any]  # (case, entry id, lock) -> row or None
    load: Callable[[Any], dict[str, Any]]
    save: Callable[[Any, dict[str, Any]], None]
    delete: Callable[[Case, Any], None]
    schema: type[s.Section] | None = None

    def validated(self, cleaned: dict[str, Any]) -> dict[str, Any]:
        return cleaned if self.schema is None else s.dumped(self.schema.model_validate(cleaned))


def _uuid(entry_id: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(entry_id)
    except ValueError:
        return None


def _finder(model: Any) -> Callable[[Case, str, bool], Any]:
    def find(case: Case, entry_id: str, lock: bool) -> Any:
        key = _uuid(entry_id)
        if key is None:
            return None
        rows = model.objects.filter(case=case, pk=key)
        return (rows.select_for_update() if lock else rows).first()

    return find


def _drop(case: Case, row: Any) -> None:
    row.delete()


def _details_kind(model: Any, title: Promise, form: Any, schema: Any) -> EntryKind:
    def save(row: Any, data: dict[str, Any]) -> None:
        row.details = data
        if isinstance(row, ConsentRecord):
            row.scope = data["scope"]
        row.save()

    return EntryKind(
        title, form, _finder(model), lambda row: dict(row.details), save, _drop, schema
    )


def _legal_names_left(case: Case, row: PersonName) -> int:
    return PersonName.objects.filter(case=case, kind=NameKind.LEGAL).exclude(pk=row.pk).count()


def _name_save(row: PersonName, data: dict[str, Any]) -> None:
    dropping_legal = row.kind == NameKind.LEGAL and data["kind"] != NameKind.LEGAL
    if dropping_legal and _legal_names_left(row.case, row) == 0:
        raise EntryRefused(gettext("A case keeps at least one legal name."))
    row.full_name, row.kind = data["full_name"], data["kind"]
    row.save()


def _name_delete(case: Case, row: PersonName) -> None:
    if row.kind == NameKind.LEGAL and _legal_names_left(case, row) == 0:
        raise EntryRefused(gettext("A case keeps at least one legal name."))
    row.delete()


def _note_save(row: Note, data: dict[str, Any]) -> None:
    row.text = data["text"]
    row.save()


def _document_save(row: Document, data: dict[str, Any]) -> None:
    row.title = data["title"]
    row.save()


def _document_delete(case: Case, row: Document) -> None:
    name = row.blob_name
    row.delete()
    transaction.on_commit(lambda: blobs.delete_blob(name))


@dataclass
class HeldDocument:
    """One element of ``Identity.documents``, addressed by its position in the list."""

    identity: Identity
    index: int


def _held_find(case: Case, entry_id: str, lock: bool) -> HeldDocument | None:
    if not (entry_id.isascii() and entry_id.isdigit()):
        return None
    rows = Identity.objects.filter(case=case)
    identity = (rows.select_for_update() if lock else rows).first()
    index = int(entry_id)
    if identity is None or index >= len(identity.documents or []):
        return None
    return HeldDocument(identity, index)


def _held_load(held: HeldDocument) -> dict[str, Any]:
    return dict(held.identity.documents[held.index])


def _held_save(held: HeldDocument, data: dict[str, Any]) -> None:
    documents = list(held.identity.documents)
    documents[held.index] = data
    held.identity.documents = documents
    held.identity.save()


def _held_delete(case: Case, held: HeldDocument) -> None:
    documents = list(held.identity.documents)
    del documents[held.index]
    held.identity.documents = documents
    held.identity.save()


ENTRIES: dict[str, EntryKind] = {
    "deployment": _details_kind(
        Deployment, _("Correct a deployment"), f.DeploymentForm, s.Deployment
    ),
    "family": _details_kind(
        FamilyMember, _("Correct a family member"), f.FamilyForm, s.FamilyMember
    ),
    "consent": _details_kind(
        ConsentRecord, _("Correct a consent record"), f.ConsentForm, s.Consent
    ),
    "name": EntryKind(
        _("Correct a name"),
        f.NameForm,
        _finder(PersonName),
        lambda row: {"full_name": row.full_name, "kind": row.kind},
        _name_save,
        _name_delete,
    ),
    "document_held": EntryKind(
        _("Correct a document he holds"),
        f.DocumentHeldForm,
        _held_find,
        _held_load,
        _held_save,
        _held_delete,
        s.DocumentHeld,
    ),
    "note": EntryKind(
        _("Correct a note"),
        NoteForm,
        _finder(Note),
        lambda row: {"text": row.text},
        _note_save,
        _drop,
    ),
    "document": EntryKind(
        _("Correct a document's title"),
        DocumentTitleForm,
        _finder(Document),
        lambda row: {"title": row.title},
        _document_save,
        _document_delete,
    ),
}


def _unreadable(row: Any) -> bool:
    return bool(getattr(row, "unreadable", False))


def load_entry(
    case: Case, kind: str, entry_id: str, *, actor_id: int
) -> tuple[Any, dict[str, Any] | None] | None:
    """The entry's row and its values for the form; None when there is no such entry.

    The values are None for a row that does not open: it can be removed, not corrected.
    """
    entry = ENTRIES[kind]
    row = entry.find(case, entry_id, False)
    if row is None:
        return None
    opened_one(row.identity if isinstance(row, HeldDocument) else row, actor_id=actor_id)
    if _unreadable(row.identity if isinstance(row, HeldDocument) else row):
        return row, None
    return row, entry.load(row)


def may_change(kind: str, row: Any, *, actor_id: int, coordinator: bool) -> bool:
    """A note is corrected or removed by its author or a coordinator; other entries by
    whoever may edit the case (the policy row)."""
    if kind == "note":
        return coordinator or row.author_id == actor_id
    return True


def correct_entry(
    case: Case, kind: str, entry_id: str, cleaned: dict[str, Any], *, actor_id: int
) -> bool:
    """Save a corrected entry; False when it no longer exists. Raises ``EntryRefused``,
    ``DatesRefused`` or pydantic's ``ValidationError`` (nothing saved)."""
    entry = ENTRIES[kind]
    data = entry.validated(cleaned)
    check_dates(case, kind, data)
    with transaction.atomic():
        row = entry.find(case, entry_id, True)
        if row is None:
            return False
        entry.save(row, data)
        record_case("case.edit_entry", case, actor_id=actor_id, detail=_ids(kind, entry_id))
        record_changed(case, kind)
    return True


def remove_entry(case: Case, kind: str, entry_id: str, reason: str, *, actor_id: int) -> bool:
    """Remove an entry for one of ``REMOVAL_REASONS``; False when it no longer exists."""
    if reason not in dict(REMOVAL_REASONS):
        raise EntryRefused(gettext("Choose why this entry is removed."))
    entry = ENTRIES[kind]
    with transaction.atomic():
        row = entry.find(case, entry_id, True)
        if row is None:
            return False
        entry.delete(case, row)
        detail = _ids(kind, entry_id) | {"reason": reason}
        record_case("case.remove_entry", case, actor_id=actor_id, detail=detail)
        record_changed(case, kind)
    return True


def _ids(kind: str, entry_id: str) -> dict[str, Any]:
    return {"section": kind, "entry": entry_id}
