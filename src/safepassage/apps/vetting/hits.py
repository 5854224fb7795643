"""Keeping a case's sealed hits in step with what a screening found.

A hit is one (list, entity) a case may be. A decided hit stays decided while the listed
entity's content fingerprint is the one decided on; when the entity changes, the hit comes
back undecided and marked "changed since the decision" (the earlier decision kept in its
history). Hits in the screening's scope that were not found again become inactive.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils import timezone

from safepassage.apps.audit.actions import record_case
from safepassage.apps.cases.models import Case
from safepassage.apps.cases.record.opening import opened
from safepassage.apps.vetting.models import CaseScreening, Hit, HitState, ListedEntity, ListVersion
from safepassage.apps.vetting.screening import Found

# Which of a case's existing hits a screening speaks for: (list name, entity id) -> bool.
Scope = Callable[[str, str], bool]


def everything(list_name: str, entity_id: str) -> bool:
    return True


def _details(found: Found, version: ListVersion, row: ListedEntity) -> dict[str, Any]:
    return {
        "list": version.watchlist.name,
        "entity_id": found.entity_id,
        "version_id": version.pk,
        "version_number": version.number,
        "fingerprint": row.fingerprint,
        "score": round(found.match.score, 4),
        "decision": found.match.decision,
        "explanation": found.match.explanation,
        "entity": row.data,
        "more": found.more,
    }


def _listed(found: dict[str, Found]) -> dict[str, tuple[ListVersion, ListedEntity]]:
    """The version and stored row of every found entity (few: the hits of one case)."""
    out: dict[str, tuple[ListVersion, ListedEntity]] = {}
    versions = {v.pk: v for v in ListVersion.objects.select_related("watchlist")}
    for key, hit in found.items():
        row = ListedEntity.objects.filter(version_id=hit.version_id, entity_id=hit.entity_id)
        first = row.first()
        if first is not None:
            out[key] = (versions[hit.version_id], first)
    return out


def apply_found(case: Case, found: dict[str, Found], scope: Scope) -> int:
    """Create, refresh, reopen or retire this case's hits; returns how many are new."""
    listed = _listed(found)
    new = reopened = 0
    with transaction.atomic():
        # A hit that does not open is reported (opened) and left alone, never overwritten.
        readable = [h for h in opened(case.screening_hits.all()) if not h.unreadable]
        existing = {(h.details["list"], h.details["entity_id"]): h for h in readable}
        seen: set[tuple[str, str]] = set()
        for key, hit in found.items():
            if key not in listed:
                continue
            version, row = listed[key]
            details = _details(hit, version, row)
            ident = (details["list"], details["entity_id"])
            seen.add(ident)
            held = existing.get(ident)
            if held is None:
                Hit.objects.create(case=case, details=details, reason="")
                new += 1
                continue
            reopened += _refresh(held, details)
        for ident, held in existing.items():
            if ident not in seen and held.active and scope(*ident):
                held.active = False
                held.save(update_fields=["active"])
        if new or reopened:
            record_case("vetting.hits_found", case, detail={"new": new, "reopened": reopened})
    return new


def _refresh(held: Hit, details: dict[str, Any]) -> int:
    """Update a known hit; 1 if a decision no longer holds because the entity changed."""
    before = held.details
    details["decided_fingerprint"] = before.get("decided_fingerprint")
    details["history"] = before.get("history", [])
    reopened = 0
    if (
        held.state != HitState.UNDECIDED
        and before.get("decided_fingerprint") != details["fingerprint"]
    ):
        details["history"] = [
            *details["history"],
            {
                "state": held.state,
                "fingerprint": before.get("decided_fingerprint"),
                "at": held.decided_at.isoformat() if held.decided_at else None,
                "by": held.decided_by_id,
            },
        ]
        held.state = HitState.UNDECIDED
        held.changed_since_decision = True
        reopened = 1
    held.details = details
    held.active = True
    held.save()
    return reopened


def mark_screened(case: Case, key: str) -> None:
    CaseScreening.objects.update_or_create(
        case=case, defaults={"screened_at": timezone.now(), "version_key": key}
    )
