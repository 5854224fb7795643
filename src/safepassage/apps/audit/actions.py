"""Writing to the audit trail. Every feature records its events through :func:`record`.

Entries must never hold personal data: actors and objects are named by pseudonymous ids,
and ``detail`` accepts only short identifiers, numbers and booleans.
"""

from __future__ import annotations

import re
from typing import Any, Protocol

from django.db import transaction
from django.utils import timezone

from safepassage.apps.audit.chain import GENESIS, canonical, entry_hash, verify
from safepassage.apps.audit.models import AuditEntry, AuditHead

_ACTION = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
_SAFE_TEXT = re.compile(r"^[A-Za-z0-9_.:\-]{0,64}$")


class AuditDetailError(ValueError):
    """A caller tried to put something that is not a short identifier into an entry."""


def _check_detail(detail: dict[str, Any]) -> None:
    for key, value in detail.items():
        if not _SAFE_TEXT.match(key):
            raise AuditDetailError("audit detail keys must be short identifiers")
        if isinstance(value, bool | int) or value is None:
            continue
        if isinstance(value, str) and _SAFE_TEXT.match(value):
            continue
        raise AuditDetailError("audit detail values must be ids, numbers or booleans")


def record(
    action: str,
    *,
    actor_id: int | None = None,
    organisation_id: int | None = None,
    target_type: str = "",
    target_ref: str = "",
    outcome: str = "ok",
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry, chained to the previous one, inside the caller's transaction."""
    detail = dict(detail or {})
    if not _ACTION.match(action):
        raise AuditDetailError("audit actions look like 'area.verb'")
    if not _SAFE_TEXT.match(target_type) or not _SAFE_TEXT.match(target_ref):
        raise AuditDetailError("audit targets must be pseudonymous ids")
    _check_detail(detail)
    with transaction.atomic():
        head, _ = AuditHead.objects.select_for_update().get_or_create(id=1)
        seq = head.last_seq + 1
        created_at = timezone.now()
        form = canonical(
            seq=seq,
            created_at=created_at,
            actor_id=actor_id,
            organisation_id=organisation_id,
            action=action,
            target_type=target_type,
            target_ref=target_ref,
            outcome=outcome,
            detail=detail,
        )
        digest = entry_hash(head.last_hash, form)
        entry = AuditEntry.objects.create(
            seq=seq,
            created_at=created_at,
            actor_id=actor_id,
            organisation_id=organisation_id,
            action=action,
            target_type=target_type,
            target_ref=target_ref,
            outcome=outcome,
            detail=detail,
            prev_hash=head.last_hash,
            entry_hash=digest,
        )
        head.last_seq, head.last_hash, head.count = seq, digest, head.count + 1
        head.save()
    return entry


class CaseLike(Protocol):
    """What an entry about a case needs of it (the trail sits below the cases app)."""

    @property
    def reference(self) -> str: ...

    @property
    def organisation_id(self) -> int: ...


def record_case(
    action: str,
    case: CaseLike,
    *,
    actor_id: int | None = None,
    outcome: str = "ok",
    detail: dict[str, Any] | None = None,
) -> AuditEntry:
    """The common entry: ``action`` on one case, in the case's organisation."""
    return record(
        action,
        actor_id=actor_id,
        organisation_id=case.organisation_id,
        target_type="case",
        target_ref=case.reference,
        outcome=outcome,
        detail=detail,
    )


def verify_trail() -> list[Any]:
    """Verify the whole stored trail against its head; returns the problems found.

    The head and the rows are two reads, and the trail grows while a live server is
    checked: rows are read only up to the head as it was first read, and rows beyond it
    are a problem only if a head read after them still does not cover them (an entry and
    its head commit together, so a legitimate append is always covered).
    """
    head = AuditHead.objects.filter(id=1).first()
    head_seq, head_hash, head_count = (
        (head.last_seq, head.last_hash, head.count) if head else (0, GENESIS, 0)
    )
    beyond = AuditEntry.objects.filter(seq__gt=head_seq).order_by("-seq").first()
    if beyond is not None:
        later = AuditHead.objects.filter(id=1).first()
        if later is None or later.last_seq < beyond.seq:
            rows = AuditEntry.objects.order_by("seq").iterator(chunk_size=2000)
            return verify(rows, head_seq=head_seq, head_hash=head_hash, head_count=head_count)
    rows = AuditEntry.objects.filter(seq__lte=head_seq).order_by("seq").iterator(chunk_size=2000)
    return verify(rows, head_seq=head_seq, head_hash=head_hash, head_count=head_count)
