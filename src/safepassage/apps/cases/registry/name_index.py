"""Finding cases by any spelling of a name, without a stored plaintext or blind index.

Names are sealed like the rest of the record. To search them, this process opens each
name of the organisation's cases once and keeps, in memory only, the set of Cyrillic
skeletons every name token can stand for (``cores.names.token_forms``: Czuwiliajew,
Chuvilyaev and Чувиляев share one). A query's tokens are reduced the same way; a case
matches when every query token shares a skeleton with one of its names.

Freshness: every write to a case's record touches ``Case.updated_at``
(``watchers.record_changed``); a search first reads the organisation's newest
``updated_at`` and its case count (one indexed query) and reopens only the names of cases
changed since. The index is emptied when the process seals (``keystore.on_drop``), like
the country filter (``country_index``). What this gives away: see docs/architecture.md,
"what each compromise surrenders" (the index lives in the web process's memory while
unsealed, as the opened pages do).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Max

from safepassage.apps.cases.models import Case, PersonName
from safepassage.apps.cases.record.opening import report_unreadable
from safepassage.apps.vault import keystore
from safepassage.apps.vault.fields import open_column
from safepassage.cores.crypto import CryptoError, SealedError, unwrap_data_key
from safepassage.cores.names import split_tokens, token_forms

__all__ = ["discard", "forget", "matching_cases", "query_skeletons"]

CHUNK = 2000


@dataclass
class _Index:
    ring: object
    stamp: tuple[Any, int] = (None, -1)
    of_case: dict[int, frozenset[str]] = field(default_factory=dict)
    by_skeleton: dict[str, set[int]] = field(default_factory=dict)

    def put(self, case_id: int, skeletons: frozenset[str]) -> None:
        for skeleton in self.of_case.pop(case_id, frozenset()):
            holders = self.by_skeleton.get(skeleton)
            if holders is not None:
                holders.discard(case_id)
        self.of_case[case_id] = skeletons
        for skeleton in skeletons:
            self.by_skeleton.setdefault(skeleton, set()).add(case_id)


_lock = threading.Lock()
_indexes: dict[int, _Index] = {}


def skeletons_of(text: str) -> frozenset[str]:
    """Every skeleton any token of ``text`` can stand for."""
    found: set[str] = set()
    for token in split_tokens(text):
        found |= token_forms(token).skeletons
    return frozenset(found)


def query_skeletons(query: str) -> list[frozenset[str]]:
    """One set of skeletons per query token (empty list: nothing to search by name)."""
    return [s for s in (token_forms(t).skeletons for t in split_tokens(query)) if s]


def matching_cases(organisation_id: int, query: list[frozenset[str]]) -> set[int]:
    """Ids of the organisation's cases whose names match every query token."""
    with _lock:
        index = _fresh(organisation_id)
        result: set[int] | None = None
        for alternatives in query:
            hits: set[int] = set()
            for skeleton in alternatives:
                hits |= index.by_skeleton.get(skeleton, set())
            result = hits if result is None else result & hits
            if not result:
                return set()
        return result or set()


def _fresh(organisation_id: int) -> _Index:
    ring = keystore.keyring()
    cases = Case.objects.filter(organisation_id=organisation_id)
    summary = cases.aggregate(newest=Max("updated_at"), count=Count("id"))
    stamp = (summary["newest"], summary["count"])
    index = _indexes.get(organisation_id)
    if index is None or index.ring is not ring:
        index = _indexes[organisation_id] = _Index(ring)
    if index.stamp == stamp:
        return index
    changed = cases if index.stamp[0] is None else cases.filter(updated_at__gte=index.stamp[0])
    _reopen(index, list(changed.values_list("pk", flat=True)), ring)
    if not getattr(ring, "is_wiped", False):
        index.stamp = stamp
    return index


def _reopen(index: _Index, case_ids: list[int], ring: Any) -> None:
    for start in range(0, len(case_ids), CHUNK):
        chunk = case_ids[start : start + CHUNK]
        keys = {
            pk: (uid, wrapped)
            for pk, uid, wrapped in Case.objects.filter(pk__in=chunk).values_list(
                "pk", "uid", "key__wrapped"
            )
        }
        names: dict[int, set[str]] = {pk: set() for pk in chunk}
        opened_keys: dict[int, bytes] = {}
        rows = PersonName.objects.filter(case_id__in=chunk).values_list(
            "id", "case_id", "full_name"
        )
        for row_id, case_id, envelope in rows:
            if envelope is None or case_id not in keys:
                continue
            try:
                if case_id not in opened_keys:
                    uid, wrapped = keys[case_id]
                    opened_keys[case_id] = unwrap_data_key(ring, bytes(wrapped), str(uid))
                text = open_column(
                    PersonName, "full_name", row_id, bytes(envelope), opened_keys[case_id], 1
                )
            except SealedError:
                raise
            except CryptoError as error:  # that name matches nothing; the rest still do
                report_unreadable("cases_personname", row_id, Case.objects.get(pk=case_id), error)
                continue
            names[case_id] |= skeletons_of(str(text))
        for case_id, skeletons in names.items():
            index.put(case_id, frozenset(skeletons))


def discard(case_ids: Iterable[int]) -> None:
    """Shredded cases leave the index with them."""
    with _lock:
        for index in _indexes.values():
            for case_id in case_ids:
                index.put(case_id, frozenset())
                index.of_case.pop(case_id, None)


def forget() -> None:
    with _lock:
        _indexes.clear()


keystore.on_drop(forget)
