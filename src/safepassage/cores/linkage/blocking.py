"""Blocking keys: the few keys under which two records that might be one person meet.

Only records sharing a key are ever compared, so the work grows with the number of records
times the (capped) size of their blocks, never with all pairs. The keys come from the names
core: each token's skeleton readings under every convention (cut to their first four letters,
where conventions agree) or its given-name group (Sasha and Aleksandr meet), taken two by
two within a name form; a token key with the birth date (also with day and month swapped),
for a mistyped surname;
and every normalised contact handle, document number and photo hash.
"""

from __future__ import annotations

from itertools import combinations

from safepassage.cores.names import groups_for_skeletons

from .namematch import parsed
from .records import PersonRecord

__all__ = ["MAX_BLOCK", "blocking_keys", "token_keys"]

PREFIX = 4
MAX_BLOCK = 80  # a key shared by more records than this says nothing (Ivanov Ivan)
MAX_TOKENS = 4


def token_keys(raw_skeletons: frozenset[str]) -> frozenset[str]:
    """Keys of one token: skeleton prefixes and given-name groups."""
    keys = {skeleton[:PREFIX] for skeleton in raw_skeletons if skeleton}
    keys.update("g=" + group for group in groups_for_skeletons(raw_skeletons))
    return frozenset(keys)


def _name_keys(name: str, dated: list[str]) -> set[str]:
    tokens = list(parsed(name).full_tokens)[:MAX_TOKENS]
    per_token = [token_keys(t.forms.skeletons) for t in tokens]
    keys: set[str] = set()
    for first, second in combinations(per_token, 2):
        for a in first:
            for b in second:
                keys.add("n:" + "|".join(sorted((a, b))))
    for one in per_token:
        for key in one:
            keys.update(f"d:{when}|{key}" for when in dated)
    return keys


def blocking_keys(record: PersonRecord) -> frozenset[str]:
    """Every key of a record."""
    dated: list[str] = []
    when = record.birth_date
    if when is not None:
        dated.append(when.isoformat())
        if when.day <= 12 and when.day != when.month:  # the same date, day and month swapped
            dated.append(when.replace(month=when.day, day=when.month).isoformat())
    keys: set[str] = set()
    for name in record.names:
        keys |= _name_keys(name, dated)
    for kind, values in record.identifiers().items():
        keys.update(f"{kind}:{value}" for value in values)
    return frozenset(keys)
