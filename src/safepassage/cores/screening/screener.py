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

from .dates import compare_birth_dates
from .index import WatchlistIndex, lookup_keys
from .model import Decision, Match, Query, ScreenResult
from .rules import DEFAULT_RULES, Rules, rules_for
from .scoring import (
    ABSENT_PART_SHARE,
    TOKEN_MATCH,
    NameEvidence,
    Thresholds,
    final_score,
    name_evidence_detail,
    part_weights,
    role_code,
    score_name,
)

__all__ = ["ALGORITHM", "Screener"]

ALGORITHM = DEFAULT_RULES
"""Name of the default rule version (see ``rules``); a new one whenever a verdict could change."""

DEFAULT_LIMIT = 25


class _ScoreBound:
    """An upper bound on a record's score from which query tokens it shares (a bit mask).

    Shared tokens count as perfect matches at the highest weight they could
    take, and query initials as matched at full weight; a query token not
    shared costs its weight when the record has tokens left over (a conflict),
    else the small share of a missing part. Only ever too generous.
    """

    def __init__(self, roles: list[str], initials: int, best_date: float) -> None:
        self.best_date = best_date
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
            found = (matched / total if total else 0.0) + self.best_date
            self.cache[key] = found
        return found


@dataclass(frozen=True, slots=True)
class _TokenHits:
    token: NameToken
    token_ids: frozenset[int]
    posting_size: int
    exact_size: int = 0  # records holding the token itself (under some convention)
    exact_ids: frozenset[int] = frozenset()


class Screener:
    """Screens queries against one index with fixed thresholds and rules (reproducible
    verdicts). ``limit`` (at least 1) caps the persons listed per query; ``rules`` names a
    rule version (default :data:`ALGORITHM`; ``"sp-translit-v1"`` stays selectable)."""

    def __init__(
        self,
        index: WatchlistIndex,
        thresholds: Thresholds | None = None,
        limit: int = DEFAULT_LIMIT,
        rules: str | Rules = DEFAULT_RULES,
    ) -> None:
        if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
            raise ValueError("limit must be a whole number of at least 1")
        self.index = index
        self.thresholds = thresholds or Thresholds()
        self.limit = limit
        self.rules = rules_for(rules)
        self.algorithm = self.rules.version

    def _hits(self, token: NameToken) -> _TokenHits:
        candidates = self.index.tokens_for(lookup_keys(token.forms))
        kept = []
        exact = []
        for t in candidates:
            found = compare_tokens(token.raw, self.index.token_text(t))
            if found.similarity >= TOKEN_MATCH:
                kept.append(t)
                if found.how in ("same_name", "given_name_equivalent"):
                    exact.append(t)
        size = sum(len(self.index.posting(t)) for t in kept)
        exact_size = sum(len(self.index.posting(t)) for t in exact)
        return _TokenHits(token, frozenset(kept), size, exact_size, frozenset(exact))

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
        best_date = max(self.rules.date_adjustments.values())
        bound = _ScoreBound([role_code(h.token) for h in hits], initials, best_date)
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
        return self.screen_result(query).matches

    def screen_counted(self, query: Query) -> tuple[list[Match], int]:
        """Like :meth:`screen`, with how many persons reached 'possible' before ``limit``."""
        result = self.screen_result(query)
        return result.matches, result.total

    def screen_result(self, query: Query) -> ScreenResult:
        """The listed matches, how many more fitted than ``limit`` shows, and namesakes."""
        parsed = parse_name(query.name)
        hits = [self._hits(t) for t in parsed.tokens if not t.is_initial]
        initials = sum(1 for t in parsed.tokens if t.is_initial)
        judge = _Judge(self, parsed, query, hits)
        best: dict[int, tuple[float, int]] = {}
        # v2: an entity one of whose names gives a patronymic other than the query's has
        # that patronymic, even where another of its names leaves it out.
        conflicted: dict[int, tuple[float, int] | None] = {}
        for record in self._candidate_records(hits, initials):
            score, conflict = judge.score(record)
            entity_number = self.index.record_entity_number(record)
            if conflict and self.rules.entity_patronymic:
                held_conflict = conflicted.get(entity_number)
                if score is not None and (held_conflict is None or score > held_conflict[0]):
                    conflicted[entity_number] = (score, record)
                else:
                    conflicted.setdefault(entity_number, None)
            if score is None:
                continue
            held = best.get(entity_number)
            if held is None or score > held[0]:
                best[entity_number] = (score, record)
        for entity_number, found in conflicted.items():
            if found is None:
                best.pop(entity_number, None)
            else:
                best[entity_number] = found
        listed = sorted(
            (-score, self.index.entities[number].id, record)
            for number, (score, record) in best.items()
            if score >= self.thresholds.possible
        )
        shown, namesakes = judge.namesakes(listed, self.limit)
        matches = [self._match(record, parsed, query, -neg) for neg, _, record in shown]
        total = len(listed)
        more = total - len(shown) - len(namesakes)
        return ScreenResult(matches, total, more, len(namesakes), tuple(namesakes))

    def _match(self, record: int, parsed: ParsedName, query: Query, score: float) -> Match:
        named = self.index.record(record)
        scored = score_name(
            parsed, named, query.birth_date, query.gender, self.rules.date_adjustments
        )
        decision: Decision = "match" if score >= self.thresholds.match else "possible"
        if score < scored.score:
            scored.penalties.append(
                {"reason": "weak name evidence: listed as possible only", "cap": score}
            )
        explanation = {
            "algorithm": self.rules.version,
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
        return Match(named.entity.id, score, decision, explanation)


class _Judge:
    """Scores one query's candidates under the screener's rule version.

    Name evidence depends only on the two names, so it is computed once per distinct
    listed name (namesakes share it).
    """

    def __init__(
        self, screener: Screener, parsed: ParsedName, query: Query, hits: list[_TokenHits]
    ) -> None:
        self.index = screener.index
        self.rules = screener.rules
        self.match = screener.thresholds.match
        self.parsed = parsed
        self.query = query
        self.evidence: dict[tuple[int, ...], NameEvidence] = {}
        self.unknown_date: set[int] = set()
        surnames = [h for h in hits if h.token.role == "surname"] or hits
        # How many listed names hold the query's surname as written: when some do, an
        # approximate surname agreement is another family, not a typo.
        self.surname_holders = max((h.exact_size for h in surnames), default=0)
        self.name_holders = self._name_holders(hits) if self.rules.common_name_holders else 0

    def _name_holders(self, hits: list[_TokenHits]) -> int:
        """How many listed names hold the query's surname and given name (rarity of the
        full name, whatever the birth dates): 0 unless the query has both parts."""
        surnames = [h for h in hits if h.token.role == "surname"]
        givens = [h for h in hits if h.token.role == "given"]
        if not surnames or not givens:
            return 0
        records: set[int] = set()
        for surname in surnames:
            for given in givens:
                for a in surname.exact_ids:
                    for b in given.exact_ids:
                        if a != b:
                            records.update(self.index.records_with_pair(a, b))
        return len({self.index.record_entity_number(r) for r in records})

    def score(self, record: int) -> tuple[float | None, bool]:
        """The record's score (None when the rules drop it) and whether patronymics differ."""
        rules = self.rules
        named = self.index.record(record)
        key = self.index.record_token_ids(record)
        found = self.evidence.get(key)
        if found is None:
            found = self.evidence[key] = name_evidence_detail(self.parsed, named)
        outcome = compare_birth_dates(self.query.birth_date, named.entity.birth_dates)
        if rules.drop_year_conflicts and outcome == "conflict":
            return None, found.patronymic_conflict
        weak = rules.weak_needs_date and (
            (found.surname_only and self.surname_holders > rules.common_surname_holders)
            or (found.approximate_surname and not found.by_sound and self.surname_holders > 0)
        )
        if weak and outcome != "same":
            return None, found.patronymic_conflict
        score = final_score(
            found.score,
            found.patronymic_conflict,
            self.query.birth_date,
            named,
            self.query.gender,
            rules.date_adjustments,
        )
        if outcome == "unknown":
            self.unknown_date.add(record)
        if weak or found.by_sound:
            score = min(score, round(self.match - 0.01, 4))
        return score, found.patronymic_conflict

    def namesakes(
        self, listed: list[tuple[float, str, int]], limit: int
    ) -> tuple[list[tuple[float, str, int]], list[str]]:
        """The persons to list, and the ids of the namesakes counted instead.

        Persons whose birth date cannot be compared with the query's (missing on one
        side) are counted, not listed, when more than the rules allow fit, or when the
        query's full name is common on the list: a reviewer can do nothing with the
        tenth identical Ivan Ivanov, nor with one undated Ivan Ivanov among a hundred
        dated ones, but ask for a birth date.
        """
        keep = self.rules.namesakes_listed
        if keep:
            unknown = [item for item in listed if item[2] in self.unknown_date]
            common = self.name_holders > self.rules.common_name_holders
            if unknown and (len(unknown) > keep or common):
                counted = {item[2] for item in unknown}
                listed = [item for item in listed if item[2] not in counted]
                return listed[:limit], [item[1] for item in unknown]
        return listed[:limit], []
