"""The hash chain: canonical form of an entry, its hash, and verification of a sequence."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils.translation import gettext as _

GENESIS = "0" * 64


def canonical(
    *,
    seq: int,
    created_at: datetime,
    actor_id: int | None,
    organisation_id: int | None,
    action: str,
    target_type: str,
    target_ref: str,
    outcome: str,
    detail: dict[str, Any],
) -> bytes:
    document = [
        seq,
        created_at.isoformat(timespec="microseconds"),
        actor_id,
        organisation_id,
        action,
        target_type,
        target_ref,
        outcome,
        detail,
    ]
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def entry_hash(prev_hash: str, canonical_form: bytes) -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + b"\n" + canonical_form).hexdigest()


@dataclass(frozen=True)
class Problem:
    seq: int
    kind: str  # "altered", "broken_link", "missing_tail"
    message: str


def verify(rows: Iterable[Any], *, head_seq: int, head_hash: str, head_count: int) -> list[Problem]:
    """Check every row (in seq order) and the head; return the problems found, first first."""
    problems: list[Problem] = []
    expected_prev = GENESIS
    count = 0
    last_seq = 0
    last_hash = GENESIS
    for row in rows:
        count += 1
        if row.prev_hash != expected_prev:
            problems.append(
                Problem(
                    row.seq,
                    "broken_link",
                    _(
                        "entry %(seq)s does not follow the entry before it: an entry before it "
                        "was deleted or altered, or entries were reordered"
                    )
                    % {"seq": row.seq},
                )
            )
        recomputed = entry_hash(row.prev_hash, canonical_of(row))
        if recomputed != row.entry_hash:
            problems.append(
                Problem(row.seq, "altered", _("entry %(seq)s was altered") % {"seq": row.seq})
            )
        expected_prev = row.entry_hash
        last_seq, last_hash = row.seq, row.entry_hash
    if count != head_count or last_seq != head_seq or last_hash != head_hash:
        problems.append(
            Problem(
                last_seq,
                "missing_tail",
                _(
                    "the chain ends at entry %(last)s (%(count)s entries) but the head names "
                    "entry %(head)s (%(head_count)s entries): entries were removed from the end "
                    "or added around the application"
                )
                % {"last": last_seq, "count": count, "head": head_seq, "head_count": head_count},
            )
        )
    return problems


def canonical_of(row: Any) -> bytes:
    return canonical(
        seq=row.seq,
        created_at=row.created_at,
        actor_id=row.actor_id,
        organisation_id=row.organisation_id,
        action=row.action,
        target_type=row.target_type,
        target_ref=row.target_ref,
        outcome=row.outcome,
        detail=row.detail,
    )
