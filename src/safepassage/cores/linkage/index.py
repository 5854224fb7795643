"""The linkage index: records by blocking key, kept current one record at a time.

``put`` adds or replaces a record, ``drop`` removes one, ``candidates_for`` scores one
record against the records it shares a block with, and ``all_candidates`` gives every pair
once. The index holds names in memory only: whoever holds it must drop it when the keys go.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .blocking import MAX_BLOCK, blocking_keys
from .records import PersonRecord
from .scoring import Candidate, score_pair

__all__ = ["LinkageIndex", "link_all"]


class LinkageIndex:
    """Records by key and by blocking key."""

    def __init__(self, max_block: int = MAX_BLOCK) -> None:
        self.max_block = max_block
        self._records: dict[str, PersonRecord] = {}
        self._keys: dict[str, frozenset[str]] = {}
        self._blocks: dict[str, set[str]] = {}

    def __len__(self) -> int:
        return len(self._records)

    def __contains__(self, key: object) -> bool:
        return key in self._records

    def put(self, record: PersonRecord) -> None:
        self.drop(record.key)
        keys = blocking_keys(record)
        self._records[record.key] = record
        self._keys[record.key] = keys
        for block in keys:
            self._blocks.setdefault(block, set()).add(record.key)

    def drop(self, key: str) -> None:
        for block in self._keys.pop(key, frozenset()):
            members = self._blocks.get(block)
            if members is not None:
                members.discard(key)
                if not members:
                    del self._blocks[block]
        self._records.pop(key, None)

    def clear(self) -> None:
        self._records.clear()
        self._keys.clear()
        self._blocks.clear()

    def neighbours(self, key: str) -> set[str]:
        """Records sharing at least one block (of at most ``max_block`` members) with ``key``."""
        found: set[str] = set()
        for block in self._keys.get(key, frozenset()):
            members = self._blocks[block]
            if len(members) <= self.max_block:
                found |= members
        found.discard(key)
        return found

    def candidates_for(self, key: str) -> list[Candidate]:
        """Every candidate pair of one record, best first."""
        record = self._records.get(key)
        if record is None:
            return []
        found = (score_pair(record, self._records[other]) for other in self.neighbours(key))
        return sorted((c for c in found if c is not None), key=_order)

    def all_candidates(self) -> Iterator[Candidate]:
        """Every candidate pair once (unordered)."""
        for key in self._records:
            for other in self.neighbours(key):
                if other > key:
                    found = score_pair(self._records[key], self._records[other])
                    if found is not None:
                        yield found


def _order(candidate: Candidate) -> tuple[int, float, str, str]:
    return (candidate.decision != "same", -candidate.score, candidate.a, candidate.b)


def link_all(records: Iterable[PersonRecord]) -> list[Candidate]:
    """Link a set of records from scratch: every pair once, ``same`` first, then by score."""
    index = LinkageIndex()
    for record in records:
        index.put(record)
    return sorted(index.all_candidates(), key=_order)
