"""Loading and validating rule data files; the ``RuleSet`` that selects versions.

A data file is JSON: ``{"jurisdiction": "FR", "data_version": "...", "pathways":
{name: description}, "rules": [record, ...]}``. Every record is checked; the first
problem raises :class:`RuleDataError` naming the file and the record id (or its index
when the id itself is missing). The recipe for adding a rule is in
``docs/procedures.md``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from itertools import pairwise
from pathlib import Path
from typing import Any

from .calendars import SUPPORTED
from .errors import NoVersionInForceError, RuleDataError, UnknownRuleError
from .model import Counting, Kind, NonWorkingDays, Rule, SuspensionRule, Track, Unit
from .notice import NoticeManner
from .seats import SEATS

DATA_FILES = ("fr.json", "de.json")
_ID = re.compile(r"^[a-z]{2}\.[a-z0-9_]+$")
_REQUIRED = (
    "id", "title", "kind", "trigger", "length", "unit", "counting", "non_working",
    "effective_from", "legal_basis", "sources", "note", "pathways", "stage",
)  # fmt: skip


@dataclass(frozen=True)
class RuleFile:
    """One parsed data file."""

    source: str
    jurisdiction: str
    data_version: str
    pathways: Mapping[str, str]
    rules: tuple[Rule, ...]
    manners: Mapping[str, NoticeManner] = field(default_factory=dict)


class _Checker:
    """Field readers that raise ``RuleDataError`` with the file and record named."""

    def __init__(self, source: str, record: str, data: Mapping[str, Any]) -> None:
        self.source, self.record, self.data = source, record, data

    def fail(self, problem: str) -> RuleDataError:
        return RuleDataError(self.source, self.record, problem)

    def get(self, key: str, kind: type, *, optional: bool = False) -> Any:
        if key not in self.data or (optional and self.data[key] is None):
            if optional:
                return None
            raise self.fail(f"missing field {key!r}")
        value = self.data[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            raise self.fail(f"field {key!r} must be {kind.__name__}, got {value!r}")
        return value

    def text(self, key: str) -> str:
        return str(self.get(key, str))

    def day(self, key: str, *, optional: bool = False) -> date | None:
        raw = self.get(key, str, optional=optional)
        if raw is None:
            return None
        try:
            return date.fromisoformat(raw)
        except ValueError:
            raise self.fail(f"field {key!r} is not an ISO date: {raw!r}") from None

    def choice(self, key: str, enum: Any, data: Mapping[str, Any] | None = None) -> Any:
        raw = (data or self.data).get(key)
        try:
            return enum(raw)
        except ValueError:
            allowed = ", ".join(member.value for member in enum)
            raise self.fail(f"field {key!r} is {raw!r}; allowed: {allowed}") from None

    def convention(self, key: str, enum: Any) -> tuple[Any, bool, str]:
        block = self.get(key, dict)
        value = self.choice("method", enum, block)
        verified = block.get("verified")
        if not isinstance(verified, bool):
            raise self.fail(f"field {key!r} needs a boolean 'verified'")
        note = block.get("note", "")
        if not verified and "[unverified]" not in note:
            raise self.fail(f"field {key!r} is unverified but its note lacks '[unverified]'")
        return value, verified, note

    def sources(self, data: Mapping[str, Any]) -> tuple[str, ...]:
        urls = data.get("sources")
        if not isinstance(urls, list) or not urls:
            raise self.fail("'sources' must be a non-empty list of URLs")
        for url in urls:
            if not isinstance(url, str) or not url.startswith("https://"):
                raise self.fail(f"source {url!r} is not an https URL")
        return tuple(urls)


def _suspension(check: _Checker) -> SuspensionRule | None:
    block = check.get("suspension", dict, optional=True)
    if block is None:
        return None
    window = block.get("window_days")
    if not isinstance(window, int) or isinstance(window, bool) or window <= 0:
        raise check.fail("suspension 'window_days' must be a positive integer")
    verified = block.get("verified")
    if not isinstance(verified, bool):
        raise check.fail("suspension needs a boolean 'verified'")
    basis = block.get("legal_basis")
    if not isinstance(basis, str) or not basis:
        raise check.fail("suspension needs a 'legal_basis'")
    return SuspensionRule(
        kind=str(block.get("kind", "legal_aid")),
        window_days=window,
        verified=verified,
        legal_basis=basis,
        sources=check.sources(block),
        note=str(block.get("note", "")),
    )


def _flag(check: _Checker, data: Mapping[str, Any], key: str = "text_verified") -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise check.fail(f"{key!r} must be a boolean")
    return value


def _track(check: _Checker, name: str, data: Any) -> Track:
    if not isinstance(data, dict):
        raise check.fail(f"track {name!r} must be an object")
    length = data.get("length")
    if not isinstance(length, int) or isinstance(length, bool) or length <= 0:
        raise check.fail(f"track {name!r} needs a positive 'length'")
    unit = check.choice("unit", Unit, data)
    counting = check.choice("counting", Counting, data)
    if (unit is Unit.HOURS) != (counting is Counting.HOURS):
        raise check.fail(f"track {name!r}: unit 'hours' goes with counting 'hours' only")
    basis = data.get("legal_basis")
    if not isinstance(basis, str) or not basis:
        raise check.fail(f"track {name!r} needs a 'legal_basis'")
    return Track(
        name=name,
        length=length,
        unit=unit,
        counting=counting,
        legal_basis=basis,
        sources=check.sources(data),
        quote=str(data.get("quote", "")),
        text_verified=_flag(check, data),
    )


def _tracks(check: _Checker) -> tuple[tuple[Track, ...], str | None]:
    block = check.get("tracks", dict, optional=True) or {}
    tracks = tuple(_track(check, str(name), body) for name, body in block.items())
    default = check.get("default_track", str, optional=True)
    if default is not None and default not in block:
        raise check.fail(f"default_track {default!r} is not one of the tracks")
    return tracks, default


def _extras(check: _Checker) -> dict[str, Any]:
    """The optional fields added with the 2026 review: quote, verification, tracks,
    regime and a fixed court seat."""
    regime = check.get("regime", str, optional=True)
    if regime not in (None, "pact"):
        raise check.fail(f"regime must be 'pact' or absent, got {regime!r}")
    seat = check.get("fixed_seat", str, optional=True)
    if seat is not None and seat not in SEATS:
        raise check.fail(f"fixed_seat {seat!r} is not a known court seat")
    tracks, default = _tracks(check)
    return {
        "quote": str(check.get("quote", str, optional=True) or ""),
        "text_verified": _flag(check, check.data),
        "tracks": tracks,
        "default_track": default,
        "regime": regime,
        "fixed_seat": seat,
    }


def _manners(source: str, jurisdiction: str, block: Any) -> dict[str, NoticeManner]:
    if not isinstance(block, dict):
        raise RuleDataError(source, "notice", "'notice' must be an object")
    manners = {}
    for code, data in block.items():
        check = _Checker(source, f"notice.{code}", data if isinstance(data, dict) else {})
        offset = check.get("offset_days", int)
        if offset < 0:
            raise check.fail("'offset_days' must not be negative")
        manners[str(code)] = NoticeManner(
            code=str(code),
            jurisdiction=jurisdiction,
            offset_days=offset,
            legal_basis=check.text("legal_basis"),
            sources=check.sources(check.data),
            quote=str(check.data.get("quote", "")),
            text_verified=_flag(check, check.data),
            note=str(check.data.get("note", "")),
        )
    return manners


def _rule(source: str, index: int, data: Any, jurisdiction: str, version: str) -> Rule:
    if not isinstance(data, dict):
        raise RuleDataError(source, f"#{index}", "a record must be a JSON object")
    raw_id = data.get("id")
    rid = raw_id if isinstance(raw_id, str) else f"#{index}"
    check = _Checker(source, rid, data)
    for key in _REQUIRED:
        if key not in data:
            raise check.fail(f"missing field {key!r}")
    if not _ID.match(check.text("id")) or not rid.startswith(jurisdiction.lower() + "."):
        raise check.fail(f"id must look like '{jurisdiction.lower()}.snake_case'")
    length = check.get("length", int)
    if length <= 0:
        raise check.fail("'length' must be positive")
    unit = check.choice("unit", Unit)
    counting, counting_ok, counting_note = check.convention("counting", Counting)
    non_working, non_working_ok, non_working_note = check.convention("non_working", NonWorkingDays)
    if (unit is Unit.HOURS) != (counting is Counting.HOURS):
        raise check.fail("unit 'hours' goes with counting 'hours' and only with it")
    start, end = check.day("effective_from"), check.day("effective_to", optional=True)
    if start is None:
        raise check.fail("missing 'effective_from'")
    if end is not None and end < start:
        raise check.fail(f"effective_to {end} is before effective_from {start}")
    pathways = check.get("pathways", list)
    note = " ".join(part for part in (check.text("note"), counting_note, non_working_note) if part)
    return Rule(
        id=rid,
        jurisdiction=jurisdiction,
        title=check.text("title"),
        kind=check.choice("kind", Kind),
        trigger=check.text("trigger"),
        length=length,
        unit=unit,
        counting=counting,
        counting_verified=counting_ok,
        non_working=non_working,
        non_working_verified=non_working_ok,
        effective_from=start,
        effective_to=end,
        legal_basis=check.text("legal_basis"),
        sources=check.sources(data),
        note=note,
        pathways=tuple(str(p) for p in pathways),
        stage=check.text("stage"),
        data_version=version,
        source_file=source,
        suspension=_suspension(check),
        **_extras(check),
    )


def parse_rules(text: str, source: str) -> RuleFile:
    """Parse and validate one data file's text; ``source`` names it in errors."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RuleDataError(source, "-", f"not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise RuleDataError(source, "-", "the file must hold a JSON object")
    jurisdiction = data.get("jurisdiction")
    if jurisdiction not in SUPPORTED:
        raise RuleDataError(source, "-", f"jurisdiction must be one of {SUPPORTED}")
    version = data.get("data_version")
    if not isinstance(version, str) or not version:
        raise RuleDataError(source, "-", "missing 'data_version'")
    pathways = data.get("pathways", {})
    records = data.get("rules")
    if not isinstance(pathways, dict) or not isinstance(records, list):
        raise RuleDataError(source, "-", "'pathways' must be an object and 'rules' a list")
    rules = tuple(_rule(source, i, r, jurisdiction, version) for i, r in enumerate(records))
    for rule in rules:
        unknown = set(rule.pathways) - set(pathways)
        if unknown:
            raise RuleDataError(source, rule.id, f"undeclared pathways {sorted(unknown)}")
    manners = _manners(source, jurisdiction, data.get("notice", {}))
    return RuleFile(source, jurisdiction, version, dict(pathways), rules, manners)


class RuleSet:
    """All versions of all rules, with the version-in-force lookup."""

    def __init__(self, files: Iterable[RuleFile]) -> None:
        self.files = tuple(files)
        versions: dict[str, list[Rule]] = {}
        self.pathways: dict[str, str] = {}
        self.manners: dict[str, dict[str, NoticeManner]] = {}
        for file in self.files:
            self.pathways.update(file.pathways)
            self.manners.setdefault(file.jurisdiction, {}).update(file.manners)
            for rule in file.rules:
                versions.setdefault(rule.id, []).append(rule)
        self._versions = {
            k: tuple(sorted(v, key=lambda r: r.effective_from)) for k, v in versions.items()
        }
        for rid, rules in self._versions.items():
            for earlier, later in pairwise(rules):
                if earlier.effective_to is None or earlier.effective_to >= later.effective_from:
                    raise RuleDataError(
                        later.source_file,
                        rid,
                        f"version from {later.effective_from} overlaps an earlier one",
                    )

    def ids(self) -> tuple[str, ...]:
        """Every rule id, sorted."""
        return tuple(sorted(self._versions))

    def versions(self, rule_id: str) -> tuple[Rule, ...]:
        """All versions of a rule, oldest first."""
        try:
            return self._versions[rule_id]
        except KeyError:
            raise UnknownRuleError(rule_id) from None

    def version(self, rule_id: str, on: date) -> Rule:
        """The version in force on ``on`` (for deadlines: the trigger date)."""
        for rule in self.versions(rule_id):
            if rule.in_force(on):
                return rule
        raise NoVersionInForceError(f"no version of {rule_id!r} was in force on {on.isoformat()}")

    def previous(self, rule: Rule) -> Rule | None:
        """The version in force the day before ``rule`` starts, if there is one."""
        for earlier in self.versions(rule.id):
            if earlier.in_force(rule.effective_from - timedelta(days=1)):
                return earlier
        return None

    def manner(self, jurisdiction: str, code: str) -> NoticeManner:
        """A manner of notice of ``jurisdiction``; ``KeyError`` naming the known ones."""
        known = self.manners.get(jurisdiction, {})
        if code not in known:
            raise KeyError(f"unknown manner of notice {code!r}; known: {', '.join(sorted(known))}")
        return known[code]

    def rules_for(self, key: str, on: date) -> list[Rule]:
        """The versions in force on ``on`` for a country ("FR") or a pathway key."""
        country = key.upper()
        if country in {f.jurisdiction for f in self.files}:
            match = [r for v in self._versions.values() for r in v if r.jurisdiction == country]
        elif key in self.pathways:
            match = [r for v in self._versions.values() for r in v if key in r.pathways]
        else:
            raise KeyError(f"unknown country or pathway {key!r}; known: {sorted(self.pathways)}")
        return sorted((r for r in match if r.in_force(on)), key=lambda r: (r.stage, r.id))


def load_ruleset(*files: Path | Traversable) -> RuleSet:
    """A rule set from data files on disk or in a package."""
    return RuleSet(parse_rules(f.read_text(encoding="utf-8"), f.name) for f in files)


@cache
def default_ruleset() -> RuleSet:
    """The rules shipped in this package's ``data/`` folder, loaded once."""
    folder = resources.files(__package__ or __name__).joinpath("data")
    return load_ruleset(*(folder.joinpath(name) for name in DATA_FILES))
