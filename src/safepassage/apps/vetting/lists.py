"""Watchlists as managed data: import a file as a new version of a list, remove a version.

A file is read by the screening core (every format it knows); a file with any problem (a
malformed line, a truncated last record, a duplicated id) imports nothing, and the refusal
names each line and what is wrong with it, never the line's content. Each entity gets a
content fingerprint (its names, dates, gender and nationalities; not its line number), so
the next version knows which entities are new or changed and the worker compares only those
with the open cases (``screening.rescreen_version``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from safepassage.apps.audit.actions import record
from safepassage.apps.vetting.fingerprints import entity_data, fingerprint
from safepassage.apps.vetting.models import ListedEntity, ListVersion, Watchlist
from safepassage.cores.screening import LoadIssue, WatchlistEntity, load_watchlist

_BATCH = 2000
LIST_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-_.")


class ListFileRefused(ValueError):
    """The file has problems; ``issues`` names each line (numbers and problems only)."""

    def __init__(self, issues: list[LoadIssue]) -> None:
        super().__init__("list file refused")
        self.issues = issues


def valid_list_name(name: str) -> bool:
    return 0 < len(name) <= 64 and set(name) <= LIST_NAME_CHARS


def read_list_file(path: Path) -> list[WatchlistEntity]:
    """The entities of a file, or ListFileRefused with every problem found."""
    loaded = load_watchlist(path)
    issues = list(loaded.issues)
    seen: set[str] = set()
    for entity in loaded.entities:
        if entity.id in seen:
            line = int(entity.source.rsplit(":", 1)[-1] or 0)
            issues.append(LoadIssue(str(path), line, "entity id appears twice"))
        seen.add(entity.id)
    if issues:
        raise ListFileRefused(issues)
    return loaded.entities


@dataclass(frozen=True)
class ListImport:
    name: str
    source: str = ""
    licence: str = ""


def import_entities(
    entities: Iterable[WatchlistEntity], about: ListImport, *, actor_id: int | None
) -> ListVersion:
    """A new version of the named list holding these entities; the worker rescreens."""
    rows = [(e.id, entity_data(e)) for e in entities]
    prints = [(entity_id, fingerprint(data)) for entity_id, data in rows]
    whole = hashlib.blake2b(digest_size=32)
    for entity_id, print_ in sorted(prints):
        whole.update(f"{entity_id}\x00{print_}\n".encode())
    with transaction.atomic():
        watchlist, _ = Watchlist.objects.get_or_create(name=about.name)
        previous = (
            ListVersion.objects.kept().filter(watchlist=watchlist).order_by("-number").first()
        )
        known = _previous_prints(previous)
        last = ListVersion.objects.filter(watchlist=watchlist).order_by("-number").first()
        version = ListVersion.objects.create(
            watchlist=watchlist,
            number=(last.number + 1) if last else 1,
            imported_by_id=actor_id,
            source=about.source[:500],
            licence=about.licence[:500],
            entity_count=len(rows),
            changed_count=sum(1 for pair in prints if known.get(pair[0]) != pair[1]),
            removed_count=len(known.keys() - {entity_id for entity_id, _ in prints}),
            fingerprint=whole.hexdigest(),
            previous=previous,
        )
        for start in range(0, len(rows), _BATCH):
            ListedEntity.objects.bulk_create(
                ListedEntity(version=version, entity_id=entity_id, fingerprint=print_, data=data)
                for (entity_id, data), (_, print_) in zip(
                    rows[start : start + _BATCH], prints[start : start + _BATCH], strict=True
                )
            )
        record(
            "vetting.list_import",
            actor_id=actor_id,
            target_type="list_version",
            target_ref=str(version.pk),
            detail={"entities": len(rows), "changed": version.changed_count},
        )
    return version


def import_list_file(path: Path, about: ListImport, *, actor_id: int | None) -> ListVersion:
    return import_entities(read_list_file(path), about, actor_id=actor_id)


def _previous_prints(previous: ListVersion | None) -> dict[str, str]:
    if previous is None:
        return {}
    return dict(
        ListedEntity.objects.filter(version=previous).values_list("entity_id", "fingerprint")
    )


def remove_version(version: ListVersion, *, actor_id: int | None) -> None:
    """Take a version out of screening (the rows stay, marked removed), audited.

    The list's current version falls back to the previous kept one, so every open case
    is out of date until the worker has screened it again.
    """
    with transaction.atomic():
        version.removed_at = timezone.now()
        version.removed_by_id = actor_id
        version.save(update_fields=["removed_at", "removed_by_id"])
        record(
            "vetting.list_remove",
            actor_id=actor_id,
            target_type="list_version",
            target_ref=str(version.pk),
        )
