"""Filtering cases by country without a plaintext or blind index on the country.

The host country is sealed like every location. To filter a list by it, this process
opens the country of each candidate case once and remembers it next to the envelope it
came from: a changed envelope (the location was edited) misses the cache and is opened
again. The cache lives in memory only and is emptied when the process seals.
See docs/architecture.md, "what each compromise surrenders".
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

from safepassage.apps.cases.models import Case, Location
from safepassage.apps.cases.record.opening import report_unreadable
from safepassage.apps.vault import keystore
from safepassage.apps.vault.fields import open_column
from safepassage.cores.crypto import CryptoError, Keyring, SealedError, unwrap_data_key

_lock = threading.Lock()
_cache: dict[int, tuple[bytes, str]] = {}  # case pk -> (country envelope, country)
_cache_ring: list[object] = []  # the keyring the cache was filled under


def _current_cache() -> dict[int, tuple[bytes, str]]:
    ring = keystore.keyring()
    with _lock:
        if not _cache_ring or _cache_ring[0] is not ring:
            _cache.clear()
            _cache_ring[:] = [ring]
        return _cache


def countries_of(case_ids: Iterable[int]) -> dict[int, str]:
    """Country code per case id (cases without a location are left out).

    One light query reads every candidate's envelope; only envelopes not seen before in
    this process are opened (their case keys fetched in a second query).
    """
    wanted = set(case_ids)
    cache = _current_cache()
    rows = Location.objects.filter(case_id__in=wanted) if len(wanted) < 5000 else Location.objects
    found: dict[int, str] = {}
    misses: dict[int, tuple[object, bytes]] = {}
    for row_id, case_id, envelope in rows.values_list("id", "case_id", "country").iterator(
        chunk_size=10000
    ):
        if case_id not in wanted or envelope is None:
            continue
        envelope = bytes(envelope)
        hit = cache.get(case_id)
        if hit is not None and hit[0] == envelope:
            found[case_id] = hit[1]
        else:
            misses[case_id] = (row_id, envelope)
    found.update(_open_missing(misses, cache))
    return found


def _open_missing(
    misses: dict[int, tuple[object, bytes]], cache: dict[int, tuple[bytes, str]]
) -> dict[int, str]:
    ring = keystore.keyring()
    opened: dict[int, str] = {}
    ids = list(misses)
    for start in range(0, len(ids), 2000):
        chunk = ids[start : start + 2000]
        keys = Case.objects.filter(pk__in=chunk).values_list("pk", "uid", "key__wrapped")
        for case_id, uid, wrapped in keys:
            row_id, envelope = misses[case_id]
            try:
                key = unwrap_data_key(ring, bytes(wrapped), str(uid))
                country = open_column(Location, "country", row_id, envelope, key, 1)
            except SealedError:
                raise
            except CryptoError as error:  # that case matches no country; the rest still do
                report_unreadable("cases_location", row_id, Case.objects.get(pk=case_id), error)
                continue
            _remember(cache, ring, case_id, (envelope, country))
            opened[case_id] = country
    return opened


def _remember(
    cache: dict[int, tuple[bytes, str]], ring: Keyring, case_id: int, entry: tuple[bytes, str]
) -> None:
    """Cache an opened country, unless a seal wiped the keyring meanwhile.

    A seal that lands while a request is opening countries has already emptied the cache;
    writing into it afterwards would leave plaintext behind the seal.
    """
    with _lock:
        if _cache_ring and _cache_ring[0] is ring and not ring.is_wiped:
            cache[case_id] = entry


def discard(case_id: int) -> None:
    """A shredded case's country leaves the cache with it."""
    with _lock:
        _cache.pop(case_id, None)


def forget() -> None:
    with _lock:
        _cache.clear()
        _cache_ring.clear()


keystore.on_drop(forget)
