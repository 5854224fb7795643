"""Writes on cases, shared by the views, the API, the demo loader and importers."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import IO

from django.db import transaction

from safepassage.apps.access.context import AccessContext
from safepassage.apps.accounts import clock
from safepassage.apps.accounts.models import Organisation, User
from safepassage.apps.accounts.roles import Role
from safepassage.apps.audit.actions import record, record_case
from safepassage.apps.cases.models import (
    Case,
    Contact,
    DeletionRequest,
    Document,
    ExactLocation,
    Identity,
    Location,
    Note,
    PersonName,
)
from safepassage.apps.cases.models.record import NameKind
from safepassage.apps.cases.notifications import tell_other_coordinators
from safepassage.apps.cases.record.dates import check_new_case_dates
from safepassage.apps.cases.registry import name_index
from safepassage.apps.cases.registry.country_index import discard
from safepassage.apps.cases.registry.watchers import record_changed
from safepassage.apps.vault import blobs


@dataclass
class NewCase:
    legal_name: str
    country: str
    other_names: list[str] = field(default_factory=list)
    birth_date: datetime.date | None = None
    birth_place: str = ""
    citizenships: list[str] = field(default_factory=list)
    contact_channel: str = ""
    contact_handle: str = ""
    contact_protocol: str = ""
    coarse_place: str = ""
    exact_address: str = ""
    note: str = ""
    stage: str = "intake"
    pathway: str = "undecided"


def create_case(
    organisation: Organisation,
    data: NewCase,
    *,
    actor: User | None,
    assign_to: list[User] | None = None,
) -> Case:
    """Create a case with all its sealed parts in one transaction.

    Raises ``record.dates.DatesRefused`` (nothing created) for a birth date that makes no
    sense: the form, the API and the importer all come through here."""
    check_new_case_dates(data.birth_date, organisation)
    with transaction.atomic():
        case = Case.objects.create(
            organisation=organisation, stage=data.stage, pathway=data.pathway
        )
        if assign_to:
            case.assignees.add(*assign_to)
        PersonName.objects.create(
            case=case, kind=NameKind.LEGAL, position=0, full_name=data.legal_name
        )
        for position, name in enumerate(data.other_names, start=1):
            PersonName.objects.create(
                case=case, kind=NameKind.TRANSLITERATION, position=position, full_name=name
            )
        Identity.objects.create(
            case=case,
            birth_date=data.birth_date,
            birth_place=data.birth_place,
            citizenships=data.citizenships,
            documents=[],
        )
        Contact.objects.create(
            case=case,
            channel=data.contact_channel,
            handle=data.contact_handle,
            protocol=data.contact_protocol,
        )
        Location.objects.create(case=case, country=data.country, coarse_place=data.coarse_place)
        if data.exact_address:
            ExactLocation.objects.create(case=case, address=data.exact_address)
        if data.note:
            Note.objects.create(case=case, author_id=actor.pk if actor else None, text=data.note)
        record_case(
            "case.create", case, actor_id=actor.pk if actor else None, detail={"stage": data.stage}
        )
        record_changed(case, "created")
    return case


def create_case_as(access: AccessContext, data: NewCase) -> Case:
    """A case opened by a user: a caseworker who opens one works on it (and could not see
    it otherwise); a coordinator assigns it later. Pages and the API both call this."""
    assign = [access.user] if Role.CASEWORKER in access.roles else []
    return create_case(access.require_organisation(), data, actor=access.user, assign_to=assign)


def add_note(case: Case, text: str, *, actor: User) -> Note:
    with transaction.atomic():
        note = Note.objects.create(case=case, author_id=actor.pk, text=text)
        record_case("case.add_note", case, actor_id=actor.pk)
    return note


def add_document(
    case: Case, title: str, source: IO[bytes], *, filename: str, content_type: str, actor: User
) -> Document:
    """Encrypt the upload to disk first, then record it; a failure leaves no row behind."""
    document = Document(
        case=case, title=title, blob_name=blobs.new_blob_name(), uploaded_by_id=actor.pk
    )
    size = blobs.write_blob(document, source)
    document.meta = {"filename": filename[:200], "content_type": content_type, "size": size}
    try:
        with transaction.atomic():
            document.save()
            record_case("case.add_document", case, actor_id=actor.pk)
            record_changed(case, "documents")
    except BaseException:
        blobs.delete_blob(document.blob_name)
        raise
    return document


REQUEST_LIFETIME = datetime.timedelta(days=7)


def request_or_confirm_deletion(case: Case, *, actor: User) -> bool:
    """The two-person rule for deleting a case; True when this call deleted it.

    The first coordinator's call records a request; a call by a different coordinator while
    the request is fresh deletes the case. The requester calling again changes nothing.
    """
    now = clock.now()
    with transaction.atomic():
        pending = (
            DeletionRequest.objects.select_for_update()
            .filter(case=case, requested_at__gt=now - REQUEST_LIFETIME)
            .first()
        )
        if pending is None:
            DeletionRequest.objects.update_or_create(
                case=case, defaults={"requested_by": actor, "requested_at": now}
            )
            record_case("case.request_delete", case, actor_id=actor.pk)
            tell_other_coordinators(case.organisation_id, actor, "deletion_requested", case)
            return False
        if pending.requested_by_id == actor.pk:  # refused, and audited: one person twice
            record_case("case.request_delete", case, actor_id=actor.pk, outcome="denied")
            return False
        # Claim the request, so that two approvers at once shred only once.
        if DeletionRequest.objects.filter(pk=pending.pk).delete()[0] != 1:
            return False
    delete_case(case, actor=actor, requested_by=pending.requested_by_id)
    return True


def delete_case(case: Case, *, actor: User | None, requested_by: int | None = None) -> None:
    """Crypto-shred: the case key goes with the case; blobs are unlinked afterwards.

    Staff reach this only through :func:`request_or_confirm_deletion`; code calls it
    directly (tests, a retention purge to come).
    """
    names = list(case.documents.values_list("blob_name", flat=True))
    reference, organisation_id, case_pk = case.reference, case.organisation_id, case.pk
    with transaction.atomic():
        case.delete()
        record(
            "case.shred",
            actor_id=actor.pk if actor else None,
            organisation_id=organisation_id,
            target_type="case",
            target_ref=reference,
            detail={"requested_by": requested_by},
        )
    for name in names:
        blobs.delete_blob(name)
    discard(case_pk)
    name_index.discard([case_pk])
