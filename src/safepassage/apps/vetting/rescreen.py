"""The worker's screening runs: new list versions (incremental), due cases, stale cases.

``screen_everything`` is the one job body, in this order: every new list version is compared
incrementally with the open cases that were up to date before it; then every case noted as
due is screened in full; then, if no version is waiting, open cases still not screened
against the current versions (a removed version, a case never screened) are screened in
full. Rows are claimed with a conditional update, so two workers never screen one case at
once, and running it twice does nothing the second time.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Exists, OuterRef, Q, prefetch_related_objects
from django.utils import timezone

from safepassage.apps.cases.models import Case
from safepassage.apps.cases.models.case import preload_data_keys
from safepassage.apps.vetting.hits import apply_found, everything, mark_screened
from safepassage.apps.vetting.models import (
    CaseScreening,
    Hit,
    ListedEntity,
    ListVersion,
    ScreeningDue,
)
from safepassage.apps.vetting.screening import (
    HeldIndex,
    case_queries,
    entity_from_row,
    held_index,
    open_cases_unrestricted,
    screen_queries,
    version_key,
)
from safepassage.cores.screening import Screener, WatchlistIndex

CLAIM_TIMEOUT = datetime.timedelta(minutes=10)
BATCH = 500


def screen_case(case: Case, held: HeldIndex) -> int:
    """Screen one case in full against the held index; returns its new hits."""
    found = screen_queries(Screener(held.index), case_queries(case))
    new = apply_found(case, found, everything)
    mark_screened(case, held.key)
    return new


def _changed_entities(version: ListVersion) -> tuple[WatchlistIndex, set[str], set[str]]:
    """An index of the entities new or changed since the previous version, their ids,
    and the ids that left the list. The diff runs in the database (on the version and
    entity id index): only the changed rows are read, not the whole list."""
    rows = ListedEntity.objects.filter(version=version)
    removed: set[str] = set()
    if version.previous_id is not None:
        same = ListedEntity.objects.filter(
            version_id=version.previous_id,
            entity_id=OuterRef("entity_id"),
            fingerprint=OuterRef("fingerprint"),
        )
        rows = rows.exclude(Exists(same))
        kept = ListedEntity.objects.filter(version=version, entity_id=OuterRef("entity_id"))
        gone = ListedEntity.objects.filter(version_id=version.previous_id).exclude(Exists(kept))
        removed = set(gone.values_list("entity_id", flat=True))
    changed = list(rows.values_list("entity_id", "data").iterator(chunk_size=5000))
    index = WatchlistIndex.build(entity_from_row(version.pk, i, d) for i, d in changed)
    return index, {i for i, _ in changed}, removed


def prepare(cases: list[Case]) -> list[Case]:
    """Names, identity and data keys of a batch of cases in a few queries, not per case."""
    prefetch_related_objects(cases, "names")
    preload_data_keys(cases)
    return cases


def rescreen_version(version: ListVersion) -> int:
    """Compare a new version's new and changed entities with every up-to-date open case."""
    index, changed, removed = _changed_entities(version)
    list_name = version.watchlist.name
    screener = Screener(index)
    previous = version.previous_id
    with_hits = set(Hit.objects.filter(active=True).values_list("case_id", flat=True))
    new = 0
    screenings = CaseScreening.objects.filter(case__in=open_cases_unrestricted())
    batch: list[CaseScreening] = []
    for screening in screenings.select_related("case__identity").iterator(chunk_size=BATCH):
        ids = set(screening.version_ids())
        if version.pk in ids or (previous is not None and previous not in ids):
            continue  # already seen, or stale: the full screen takes it
        screening.version_key = version_key((ids - {previous}) | {version.pk})
        batch.append(screening)
        if len(batch) == BATCH:
            new += _rescreen_batch(batch, screener, changed, removed, with_hits, list_name)
            batch = []
    new += _rescreen_batch(batch, screener, changed, removed, with_hits, list_name)
    return new


def _rescreen_batch(
    batch: list[CaseScreening],
    screener: Screener,
    changed: set[str],
    removed: set[str],
    with_hits: set[int],
    list_name: str,
) -> int:
    touched = changed | removed
    new = 0
    if changed:
        prepare([s.case for s in batch])
    for screening in batch:
        case = screening.case
        found = screen_queries(screener, case_queries(case)) if changed else {}
        if found or (removed and case.pk in with_hits):
            new += apply_found(case, found, lambda name, eid: name == list_name and eid in touched)
    by_key: dict[str, list[int]] = {}
    for screening in batch:
        by_key.setdefault(screening.version_key, []).append(screening.pk)
    now = timezone.now()
    for key, ids in by_key.items():  # nearly always one key for the whole batch
        CaseScreening.objects.filter(pk__in=ids).update(version_key=key, screened_at=now)
    return new


def rescreen_new_versions(now: datetime.datetime) -> int:
    done = 0
    pending = ListVersion.objects.filter(rescreened_at__isnull=True).select_related("watchlist")
    for version in pending.order_by("pk"):
        with transaction.atomic():
            claimed = ListVersion.objects.select_for_update(skip_locked=True).filter(
                pk=version.pk, rescreened_at__isnull=True
            )
            if not claimed.exists():
                continue
            if version.removed_at is None:
                done += rescreen_version(version)
            claimed.update(rescreened_at=now)
    return done


def screen_due_cases(now: datetime.datetime) -> int:
    done = 0
    ready = Q(claimed_at__isnull=True) | Q(claimed_at__lt=now - CLAIM_TIMEOUT)
    waiting = list(ScreeningDue.objects.filter(ready).select_related("case")[:BATCH])
    held = held_index() if waiting else None  # built only when a case needs it
    for due in waiting:
        claim = ScreeningDue.objects.filter(pk=due.pk, claimed_at=due.claimed_at)
        if not claim.update(claimed_at=now):
            continue
        screen_case(due.case, held or held_index())
        ScreeningDue.objects.filter(pk=due.pk, since=due.since).delete()
        done += 1
    return done


def screen_stale_cases() -> int:
    key = version_key(ListVersion.objects.current())
    if not key:
        return 0
    fresh = CaseScreening.objects.filter(version_key=key).values("case_id")
    stale = open_cases_unrestricted().exclude(pk__in=fresh).exclude(screening_due__isnull=False)
    waiting = list(stale.order_by("created_at")[:BATCH])
    if not waiting:
        return 0
    held = held_index()
    for case in prepare(waiting):
        screen_case(case, held)
    return len(waiting)


def screen_everything(now: datetime.datetime) -> int:
    done = rescreen_new_versions(now)
    done += screen_due_cases(now)
    if not ListVersion.objects.filter(rescreened_at__isnull=True, removed_at__isnull=True).exists():
        done += screen_stale_cases()
    return done
