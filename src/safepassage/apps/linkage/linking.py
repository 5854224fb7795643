"""The worker's linkage index and the pair rows it keeps current.

The index (names in memory) lives in the worker process only, built on the first run of
``relink_cases`` and dropped with the keys. Each run then relinks only the cases noted as
due (claimed by a conditional delete, so two workers never do one case twice) and rebuilds
from scratch every ``REBUILD_EVERY``, which also picks up what another worker relinked.
"""

from __future__ import annotations

import datetime

from django.db import transaction

from safepassage.apps.accounts import clock
from safepassage.apps.audit.actions import record_case
from safepassage.apps.cases.models import Case
from safepassage.apps.cases.notifications import coordinators_of, notify_once
from safepassage.apps.linkage.models import LinkPair, PairStatus, RelinkDue
from safepassage.apps.linkage.records import person_record, person_records
from safepassage.cores.linkage import RULE_VERSION, Candidate, LinkageIndex

REBUILD_EVERY = datetime.timedelta(hours=6)
_STATE: dict[str, object] = {}


def forget() -> None:
    index = _STATE.pop("index", None)
    if isinstance(index, LinkageIndex):
        index.clear()
    _STATE.clear()


def _index(now: datetime.datetime) -> tuple[LinkageIndex, bool]:
    index = _STATE.get("index")
    built = _STATE.get("built_at")
    fresh_enough = isinstance(built, datetime.datetime) and now - built < REBUILD_EVERY
    if isinstance(index, LinkageIndex) and fresh_enough:
        return index, False
    fresh = LinkageIndex()
    for record in person_records(Case.objects.order_by("pk").iterator(chunk_size=500)):
        fresh.put(record)
    _STATE.update(index=fresh, built_at=now)
    return fresh, True


def _store(candidate: Candidate, cases: dict[str, Case], now: datetime.datetime) -> bool:
    """Create or update one pair row; True when it is new."""
    first, second = sorted((cases[candidate.a], cases[candidate.b]), key=lambda c: c.pk)
    cross = first.organisation_id != second.organisation_id
    reasons = [] if cross else [{"code": r.code, "text": r.text} for r in candidate.reasons]
    values = {
        "score": candidate.score,
        "decision": candidate.decision,
        "kinds": ",".join(sorted(candidate.kinds)),
        "impostor": candidate.impostor,
        "cross_organisation": cross,
        "rule_version": RULE_VERSION,
    }
    pair = LinkPair.objects.filter(case_a=first, case_b=second).first()
    if pair is None:
        LinkPair.objects.create(
            case_a=first, case_b=second, found_at=now, reasons=reasons, **values
        )
        for case in (first, second):
            notify_once(coordinators_of(case.organisation_id), "possible_duplicate", case)
            record_case("linkage.pair_found", case, detail={"cross": cross})
        return True
    for field, value in values.items():
        setattr(pair, field, value)
    pair.reasons = reasons
    pair.save()
    return False


def _sync(case_ids: set[int] | None, candidates: list[Candidate], now: datetime.datetime) -> int:
    """Store ``candidates``; drop open pairs of ``case_ids`` (None: all) no longer found."""
    references = {c.a for c in candidates} | {c.b for c in candidates}
    cases = {c.reference: c for c in Case.objects.filter(reference__in=references)}
    found = 0
    kept: set[tuple[int, int]] = set()
    with transaction.atomic():
        for candidate in candidates:
            if candidate.a in cases and candidate.b in cases:
                found += _store(candidate, cases, now)
                pks = sorted((cases[candidate.a].pk, cases[candidate.b].pk))
                kept.add((pks[0], pks[1]))
        stale = LinkPair.objects.filter(status=PairStatus.OPEN)
        if case_ids is not None:
            stale = stale.filter(case_a__in=case_ids) | stale.filter(case_b__in=case_ids)
        for pair in stale.only("pk", "case_a_id", "case_b_id"):
            if (pair.case_a_id, pair.case_b_id) not in kept:
                pair.delete()
    return found


def _claim(limit: int) -> list[int]:
    claimed = []
    for row in RelinkDue.objects.order_by("noted_at")[:limit]:
        if RelinkDue.objects.filter(pk=row.pk, noted_at=row.noted_at).delete()[0]:
            claimed.append(row.case_id)
    return claimed


def relink(now: datetime.datetime | None = None, *, limit: int = 500) -> int:
    """One worker pass: rebuild if due, else relink the claimed cases. Returns new pairs."""
    now = now or clock.now()
    index, rebuilt = _index(now)
    if rebuilt:
        RelinkDue.objects.filter(noted_at__lte=now).delete()
        return _sync(None, list(index.all_candidates()), now)
    case_ids = _claim(limit)
    candidates: list[Candidate] = []
    for case in Case.objects.filter(pk__in=case_ids):
        record = person_record(case)
        index.drop(case.reference)
        if record is not None:
            index.put(record)
            candidates += index.candidates_for(case.reference)
    return _sync(set(case_ids), candidates, now) if case_ids else 0


def link_from_scratch() -> list[Candidate]:
    """Every candidate pair of every case (the ``cases duplicates`` command)."""
    index = LinkageIndex()
    for record in person_records(Case.objects.order_by("pk").iterator(chunk_size=500)):
        index.put(record)
    return sorted(index.all_candidates(), key=lambda c: (c.decision != "same", c.a, c.b))
