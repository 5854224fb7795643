"""An in-memory index of listed names, built for a few million names on one small server.

Names are split into tokens; each distinct token is stored once with the keys
it can be found by: its skeletons (one per convention reading), one-letter
deletions of its main skeletons (for typos), and the given-name and patronymic
groups it belongs to. A name record is a tuple of token ids; postings map a
token to the records that use it. Candidate search looks up the query's tokens
by the same keys and seeds candidates from its rarest tokens only.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from safepassage.cores.names import (
    TokenForms,
    groups_for_skeletons,
    parse_name,
    patronymic_groups,
)

from .model import WatchlistEntity

__all__ = ["IndexStats", "NameRecord", "WatchlistIndex", "lookup_keys", "token_keys"]

# Skeletons shorter than this get no typo keys: too many short names are one letter apart.
MIN_TYPO_LENGTH = 4
# Typo keys are made from this many readings of a listed token (queries use all readings).
TYPO_READINGS = 3
PROGRESS_EVERY = 50_000
# Names longer than this (rare) are paired on their first tokens only.
MAX_PAIR_TOKENS = 6
ROLE_CODES = {"surname": "s", "given": "g", "patronymic": "p", "initial": "i", "unknown": "u"}


def _deletions(skeleton: str) -> set[str]:
    return {skeleton[:i] + skeleton[i + 1 :] for i in range(len(skeleton))}


def _group_keys(forms: TokenForms) -> list[str]:
    keys = ["g:" + g for g in groups_for_skeletons(forms.skeletons)]
    keys += ["p:" + g + gender for g, gender in patronymic_groups(forms.skeletons).items()]
    return keys


SOUND_CLASSES = "ptkslmn"


def _sound_variants(key: str) -> set[str]:
    """A sound key and every key one class inserted, deleted or replaced away."""
    found = {key} | _deletions(key)
    for i in range(len(key) + 1):
        for c in SOUND_CLASSES:
            found.add(key[:i] + c + key[i:])
            if i < len(key):
                found.add(key[:i] + c + key[i + 1 :])
    return {"k:" + k for k in found if len(k) >= 2}


def token_keys(forms: TokenForms) -> set[str]:
    """Keys under which a listed token is stored."""
    keys = {"s:" + skeleton for skeleton, _ in forms.readings}
    if len(forms.sound) >= 2:
        keys.add("k:" + forms.sound)
    for skeleton, _ in forms.readings[:TYPO_READINGS]:
        if len(skeleton) >= MIN_TYPO_LENGTH:
            keys.update("d:" + d for d in _deletions(skeleton))
    keys.update(_group_keys(forms))
    return keys


def lookup_keys(forms: TokenForms) -> set[str]:
    """Keys a query token looks up: exact, and one insertion/deletion/substitution away."""
    keys: set[str] = set()
    for skeleton, _ in forms.readings:
        keys.add("s:" + skeleton)
        if len(skeleton) >= MIN_TYPO_LENGTH:
            keys.add("d:" + skeleton)
            for deleted in _deletions(skeleton):
                keys.add("s:" + deleted)
                keys.add("d:" + deleted)
    keys.update(_group_keys(forms))
    if forms.script == "other" and len(forms.sound) >= 2:
        keys.update(_sound_variants(forms.sound))
    return keys


@dataclass(frozen=True, slots=True)
class NameRecord:
    """One listed name of one entity, as token texts and role codes."""

    entity: WatchlistEntity
    name: str
    tokens: tuple[str, ...]
    roles: str


@dataclass(frozen=True, slots=True)
class IndexStats:
    entities: int
    names: int
    distinct_tokens: int
    keys: int
    token_pairs: int


class WatchlistIndex:
    """Listed persons, searchable by any spelling of their names."""

    def __init__(self) -> None:
        self.entities: list[WatchlistEntity] = []
        self._token_ids: dict[str, int] = {}
        self._token_texts: list[str] = []
        self._postings: list[array[int]] = []
        # Records with a single full token (e.g. "President Putin", "Путин В. В."), by token:
        # candidate search seeds from rare tokens only, and must not lose these.
        self._single: dict[int, list[int]] = {}
        self._keys: dict[str, int | list[int]] = {}
        self._record_entity = array("I")
        self._record_name: list[str] = []
        self._record_tokens: list[tuple[int, ...]] = []
        self._record_roles: list[str] = []
        self._record_full = array("B")  # number of non-initial tokens, capped at 255
        # Records by pairs of their full tokens: a name worth scoring shares two tokens
        # with a multi-token query, so candidates come from a few small pair postings.
        self._pairs: dict[int, int | list[int]] = {}

    @classmethod
    def build(
        cls,
        entities: Iterable[WatchlistEntity],
        progress: Callable[[int], None] | None = None,
    ) -> WatchlistIndex:
        """Index entities; ``progress`` is called with the count every 50,000 entities."""
        index = cls()
        for count, entity in enumerate(entities, start=1):
            index.add(entity)
            if progress is not None and count % PROGRESS_EVERY == 0:
                progress(count)
        return index

    def _token_id(self, raw: str, forms: TokenForms) -> int:
        found = self._token_ids.get(forms.text)
        if found is not None:
            return found
        token_id = len(self._token_texts)
        self._token_ids[forms.text] = token_id
        self._token_texts.append(raw)
        self._postings.append(array("I"))
        keys = self._keys
        for key in token_keys(forms):
            held = keys.get(key)
            if held is None:
                keys[key] = token_id
            elif isinstance(held, int):
                keys[key] = [held, token_id]
            else:
                held.append(token_id)
        return token_id

    def add(self, entity: WatchlistEntity) -> None:
        """Index every name of one entity."""
        entity_number = len(self.entities)
        self.entities.append(entity)
        seen: set[tuple[int, ...]] = set()
        for name in entity.names:
            parsed = parse_name(name)
            if not parsed.tokens:
                continue
            ids = tuple(self._token_id(t.raw, t.forms) for t in parsed.tokens)
            if ids in seen:
                continue
            seen.add(ids)
            record = len(self._record_tokens)
            self._record_entity.append(entity_number)
            self._record_name.append(name)
            self._record_tokens.append(ids)
            self._record_roles.append("".join(ROLE_CODES[t.role] for t in parsed.tokens))
            for token_id in set(ids):
                self._postings[token_id].append(record)
            full = [i for i, t in zip(ids, parsed.tokens, strict=True) if not t.is_initial]
            self._record_full.append(min(len(full), 255))
            self._add_pairs(sorted(set(full)), record)
            if len(full) == 1:
                self._single.setdefault(full[0], []).append(record)

    def _add_pairs(self, full: list[int], record: int) -> None:
        pairs = self._pairs
        for i, first in enumerate(full[:MAX_PAIR_TOKENS]):
            for second in full[i + 1 : MAX_PAIR_TOKENS]:
                key = first << 32 | second
                held = pairs.get(key)
                if held is None:
                    pairs[key] = record
                elif isinstance(held, int):
                    pairs[key] = [held, record]
                else:
                    held.append(record)

    def records_with_pair(self, first: int, second: int) -> list[int]:
        """Records holding both tokens."""
        if first > second:
            first, second = second, first
        held = self._pairs.get(first << 32 | second)
        if held is None:
            return []
        return [held] if isinstance(held, int) else held

    def tokens_for(self, keys: Iterable[str]) -> set[int]:
        """Ids of listed tokens stored under any of the keys."""
        found: set[int] = set()
        for key in keys:
            held = self._keys.get(key)
            if held is None:
                continue
            if isinstance(held, int):
                found.add(held)
            else:
                found.update(held)
        return found

    def token_text(self, token_id: int) -> str:
        return self._token_texts[token_id]

    def posting(self, token_id: int) -> array[int]:
        return self._postings[token_id]

    def single_token_records(self, token_id: int) -> list[int]:
        """Records whose only full token is this one."""
        return self._single.get(token_id, [])

    def full_token_count(self, record: int) -> int:
        return self._record_full[record]

    def record_token_ids(self, record: int) -> tuple[int, ...]:
        return self._record_tokens[record]

    def record(self, record: int) -> NameRecord:
        entity = self.entities[self._record_entity[record]]
        tokens = tuple(self._token_texts[t] for t in self._record_tokens[record])
        return NameRecord(entity, self._record_name[record], tokens, self._record_roles[record])

    def record_entity_number(self, record: int) -> int:
        return self._record_entity[record]

    def iter_records(self) -> Iterator[int]:
        return iter(range(len(self._record_tokens)))

    def stats(self) -> IndexStats:
        return IndexStats(
            entities=len(self.entities),
            names=len(self._record_tokens),
            distinct_tokens=len(self._token_texts),
            keys=len(self._keys),
            token_pairs=len(self._pairs),
        )
