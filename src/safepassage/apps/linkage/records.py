"""From a case's sealed record to the linkage core's ``PersonRecord`` (worker side only).

Opens the names, identity (birth date, document numbers), contact handle, military unit
and the content hash of each uploaded photo. Photo hashes are computed in the worker's
memory from the decrypted blob and cached there by document id; they are never stored.
A case closed by a merge is not linked (its names live on in the case that kept them).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any, TypeVar

from safepassage.apps.cases.models import Case, Contact, Document, Identity, PersonName
from safepassage.apps.cases.models.service import ServiceRecord
from safepassage.apps.cases.record.opening import opened
from safepassage.apps.linkage.models import Merge
from safepassage.apps.vault import blobs
from safepassage.cores.linkage import PersonRecord

Row = TypeVar("Row")
PHOTO_TYPES = ("image/jpeg", "image/png")
_PHOTO_HASHES: dict[str, str] = {}


def forget_photo_hashes() -> None:
    _PHOTO_HASHES.clear()


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _photo_hash(document: Document) -> str:
    key = str(document.pk)
    if key not in _PHOTO_HASHES:
        meta = document.meta if isinstance(document.meta, dict) else {}
        if meta.get("content_type") not in PHOTO_TYPES:
            _PHOTO_HASHES[key] = ""
        else:
            _PHOTO_HASHES[key] = hashlib.sha256(blobs.read_blob(document)).hexdigest()
    return _PHOTO_HASHES[key]


def _held_numbers(identity: Identity | None) -> tuple[str, ...]:
    held = identity.documents if identity is not None and not identity.unreadable else []
    if not isinstance(held, list):
        return ()
    return tuple(_text(d.get("number")) for d in held if isinstance(d, dict) and d.get("number"))


def _unit(service: ServiceRecord | None) -> str:
    if service is None or service.unreadable or not isinstance(service.service, dict):
        return ""
    return _text(service.service.get("unit_number"))


def _of(rows: Iterable[Row], case: Case) -> list[Row]:
    """The case's rows, opened with the one case instance (its key unwrapped once)."""
    found = list(rows)
    for row in found:
        row.case = case  # type: ignore[attr-defined]
    return opened(found)


def person_record(case: Case) -> PersonRecord | None:
    """The case's person, or ``None`` for a case merged into another."""
    if Merge.objects.filter(merged=case, undone_at__isnull=True).exists():
        return None
    names = [n for n in _of(PersonName.objects.filter(case=case), case) if not n.unreadable]
    identity = next(iter(_of(Identity.objects.filter(case=case), case)), None)
    contact = next(iter(_of(Contact.objects.filter(case=case), case)), None)
    service = next(iter(_of(ServiceRecord.objects.filter(case=case), case)), None)
    documents = [d for d in _of(Document.objects.filter(case=case), case) if not d.unreadable]
    birth = identity.birth_date if identity is not None and not identity.unreadable else None
    handle = _text(contact.handle) if contact is not None and not contact.unreadable else ""
    photos = tuple(h for h in (_photo_hash(d) for d in documents) if h)
    return PersonRecord(
        key=case.reference,
        names=tuple(_text(n.full_name) for n in names if _text(n.full_name)),
        birth_date=birth if hasattr(birth, "isoformat") else None,
        unit_number=_unit(service),
        handles=(handle,) if handle else (),
        documents=_held_numbers(identity),
        photos=photos,
        group=str(case.organisation_id),
    )


def person_records(cases: Iterable[Case]) -> list[PersonRecord]:
    return [r for r in (person_record(c) for c in cases) if r is not None]
