"""Screening queries against an index: candidate search, scoring, decisions.

Candidate search must stay fast when a query holds a common name (there are
tens of thousands of Aleksandrs in a big list): candidates come from postings
of *pairs* of tokens (a name worth scoring shares two tokens with the query),
a cheap upper bound discards those that cannot reach the threshold, and the
name part of the score is computed once per distinct name (namesakes share it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from safepassage.cores.names import NameToken, ParsedName, compare_tokens, parse_name

from .index import WatchlistIndex, lookup_keys
from .model import Decision, Match, Query
from .scoring import (
    ABSENT_PART_SHARE,
    DATE_ADJUSTMENTS,
    TOKEN_MATCH,
    Thresholds,
    final_score,
    name_evidence,
    part_weights,
    role_code,
    score_name,
)

__all__ = ["ALGORITHM", "Screener"]

ALGORITHM = "sp-translit-v1"
"""Name of the scoring algorithm; change it whenever a verdict could change."""

DEFAULT_LIMIT = 25


_BEST_DATE = max(DATE_ADJUSTMENTS.values())


class _ScoreBound:
    """An upper bound on a record's score from which query tokens it shares (a bit mask).

    Shared tokens count as perfect matches at the highest weight they could
    take, and query initials as matched at full weight; a query token not
    shared costs its weight when the record has tokens left over (a conflict),
    else the small share of a missing part. Only ever too generous.
    """

    def __init__(self, roles: list[str], initials: int) -> None:
        self.missing_weights = part_weights(roles)
        self.matched_weights = [
            1.0 if role == "u" else w for role, w in zip(roles, self.missing_weights, strict=True)
        ]
        self.initials = initials
        self.cache: dict[tuple[int, bool], float] = {}

    def best(self, mask: int, record_tokens: int) -> float:
        shared = mask.bit_count()
        key = (mask, record_tokens - shared - self.initials > 0)
        found = self.cache.get(key)
        if found is None:
            matched = float(self.initials)
            missing = 0.0
            for i, weight in enumerate(self.matched_weights):
                if mask >> i & 1:
                    matched += weight
                else:
                    missing += self.missing_weights[i]
            share = 1.0 if key[1] else ABSENT_PART_SHARE
            total = matched + missing * share
            found = (matched / total if total else 0.0) + _BEST_DATE
            self.cache[key] = found
        return found


@dataclass(frozen=True, slots=True)
class _TokenHits:
    token: NameToken
    token_ids: frozenset[int]
    posting_size: int


class Screener:
    """Screens queries against one index with fixed thresholds (reproducible verdicts)."""

    algorithm = ALGORITHM

    def __init__(
        self,
        index: WatchlistIndex,
        thresholds: Thresholds | None = None,
        limit: int = DEFAULT_LIMIT,
    ) -> None:
        self.index = index
        self.thresholds = thresholds or Thresholds()
        self.limit = limit

    def _hits(self, token: NameToken) -> _TokenHits:
        candidates = self.index.tokens_for(lookup_keys(token.forms))
        kept = frozenset(
            t
            for t in candidates
            if compare_tokens(token.raw, self.index.token_text(t)).similarity >= TOKEN_MATCH
        )
        size = sum(len(self.index.posting(t)) for t in kept)
        return _TokenHits(token, kept, size)

    def _candidate_records(self, hits: list[_TokenHits], initials: int) -> Iterable[int]:
        """Records that could reach the 'possible' threshold, from cheap token evidence.

        A multi-token query is worth scoring only against names sharing two of
        its tokens (one shared token leaves a conflict the score cannot
        recover from), which the index answers from pair postings; names with
        a single full token ("President Putin") have postings of their own. A
        one-token query reads that token's postings. Each record's best
        achievable score is then bounded from which query tokens it shares;
        only records whose bound reaches the threshold are scored in full.
        """
        if not hits:
            return ()
        token_mask: dict[int, int] = {}
        for bit, hit in enumerate(hits):
            for token_id in hit.token_ids:
                token_mask[token_id] = token_mask.get(token_id, 0) | (1 << bit)
        found: set[int] = set()
        for hit in hits:
            for token_id in hit.token_ids:
                found.update(self.index.single_token_records(token_id))
        if len(hits) == 1:
            for token_id in hits[0].token_ids:
                found.update(self.index.posting(token_id))
        for i, first in enumerate(hits):
            for second in hits[i + 1 :]:
                for a in first.token_ids:
                    for b in second.token_ids:
                        if a != b:
                            found.update(self.index.records_with_pair(a, b))
        bound = _ScoreBound([role_code(h.token) for h in hits], initials)
        threshold = self.thresholds.possible
        record_ids = self.index.record_token_ids
        full_count = self.index.full_token_count
        chosen = []
        for record in sorted(found):
            mask = 0
            for listed in record_ids(record):
                mask |= token_mask.get(listed, 0)
            if bound.best(mask, full_count(record)) >= threshold:
                chosen.append(record)
        return chosen

    def screen(self, query: Query) -> list[Match]:
        """Listed persons the query may be, best first; only 'match' and 'possible'."""
        return self.screen_counted(query)[0]

    def screen_counted(self, query: Query) -> tuple[list[Match], int]:
        """Like :meth:`screen`, with how many persons reached 'possible' before ``limit``."""
        parsed = parse_name(query.name)
        hits = [self._hits(t) for t in parsed.tokens if not t.is_initial]
        initials = sum(1 for t in parsed.tokens if t.is_initial)
        best: dict[int, tuple[float, int]] = {}
        evidence: dict[tuple[int, ...], tuple[float, bool]] = {}  # namesakes share it
        for record in self._candidate_records(hits, initials):
            named = self.index.record(record)
            key = self.index.record_token_ids(record)
            found = evidence.get(key)
            if found is None:
                found = evidence[key] = name_evidence(parsed, named)
            score = final_score(*found, query.birth_date, named, query.gender)
            entity_number = self.index.record_entity_number(record)
            held = best.get(entity_number)
            if held is None or score > held[0]:
                best[entity_number] = (score, record)
        listed = sorted(
            (-score, self.index.entities[number].id, record)
            for number, (score, record) in best.items()
            if score >= self.thresholds.possible
        )
        shown = [self._match(record, parsed, query) for _, _, record in listed[: self.limit]]
        return shown, len(listed)

    def _match(self, record: int, parsed: ParsedName, query: Query) -> Match:
        named = self.index.record(record)
        scored = score_name(parsed, named, query.birth_date, query.gender)
        decision: Decision = "match" if scored.score >= self.thresholds.match else "possible"
        explanation = {
            "algorithm": ALGORITHM,
            "list_name": named.name,
            "name_score": scored.name_score,
            "parts": scored.parts,
            "birth_date": scored.birth_date,
            "penalties": scored.penalties,
            "nationality": {  # shown to the reviewer, not scored
                "query": query.nationality,
                "list": list(named.entity.nationalities),
            },
            "source": named.entity.source,
        }
        return Match(named.entity.id, scored.score, decision, explanation)
