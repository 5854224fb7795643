"""Given-name equivalences: Russian ⇄ Ukrainian forms, English exonyms, diminutives.

Александр, Олександр, Alexander and Саша are one name for screening purposes;
Александр and Александра are not. The groups are data
(``data/given_names.csv``); this module indexes them by skeleton, and also by
the stem patronymics are built on (Александр-ович, Олександр-івна).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from .forms import token_forms

__all__ = [
    "GivenNameGroup",
    "given_name_groups",
    "groups_for_skeletons",
    "patronymic_groups",
    "patronymic_stem_key",
    "patronymic_stems",
    "stem_is_known",
]

KIND_LABELS = {
    "russian": "Russian form",
    "ukrainian": "Ukrainian/Belarusian form",
    "diminutive": "diminutive",
    "exonym": "foreign (exonym) form",
}

# Suffixes of patronymics in skeleton form, longest first; value is the gender.
PATRONYMIC_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("инична", "f"),
    ("ивна", "f"),
    ("овна", "f"),
    ("евна", "f"),
    ("ична", "f"),
    ("ович", "m"),
    ("евич", "m"),
    ("ич", "m"),
)


@dataclass(frozen=True, slots=True)
class GivenNameGroup:
    """One given name in all its forms."""

    id: str
    gender: str
    forms: dict[str, str]  # form text -> kind


@dataclass(frozen=True, slots=True)
class _Lexicon:
    groups: dict[str, GivenNameGroup]
    by_skeleton: dict[str, dict[str, str]]  # skeleton -> {group id: kind}
    by_patronymic_stem: dict[str, frozenset[str]]


def _stem_key(skeleton: str) -> str:
    return skeleton.rstrip("иеао")


@lru_cache(maxsize=200_000)
def patronymic_stem_key(skeleton: str) -> tuple[str, str] | None:
    """(stem key, gender) when a skeleton ends like a patronymic, else None."""
    for suffix, gender in PATRONYMIC_SUFFIXES:
        if skeleton.endswith(suffix) and len(skeleton) >= len(suffix) + 2:
            stem = skeleton[: -len(suffix)]
            # Яковлевич, Яковлевна keep the л of the old form of Яков.
            stem = stem[:-1] if stem.endswith("вл") else stem
            return _stem_key(stem), gender
    return None


@cache
def _lexicon() -> _Lexicon:
    text = resources.files(__package__).joinpath("data/given_names.csv").read_text("utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    groups: dict[str, GivenNameGroup] = {}
    by_skeleton: dict[str, dict[str, str]] = {}
    by_stem: dict[str, set[str]] = {}
    for row in rows:
        forms: dict[str, str] = {}
        for kind in KIND_LABELS:
            for form in (row[kind] or "").split():
                forms.setdefault(form, kind)
        group = GivenNameGroup(id=row["group"], gender=row["gender"], forms=forms)
        groups[group.id] = group
        for form, kind in forms.items():
            readings = token_forms(form).readings
            if kind != "exonym":
                readings = readings[:1] if token_forms(form).script == "cyrillic" else readings
            for skeleton, _ in readings:
                by_skeleton.setdefault(skeleton, {}).setdefault(group.id, kind)
                if (
                    kind in ("russian", "ukrainian")
                    and group.gender == "m"
                    and token_forms(form).script == "cyrillic"
                ):
                    by_stem.setdefault(_stem_key(skeleton), set()).add(group.id)
                    # A fleeting е: Павел -> Павлович, Лев -> Львович.
                    if len(skeleton) >= 3 and skeleton[-2] == "е" and skeleton[-1] in "лв":
                        fleeting = _stem_key(skeleton[:-2] + skeleton[-1])
                        # (patronymic_stem_key reads Павлович like Яковлевич: stem "пав")
                        fleeting = fleeting[:-1] if fleeting.endswith("вл") else fleeting
                        by_stem.setdefault(fleeting, set()).add(group.id)
    return _Lexicon(
        groups=groups,
        by_skeleton=by_skeleton,
        by_patronymic_stem={k: frozenset(v) for k, v in by_stem.items()},
    )


def given_name_groups() -> dict[str, GivenNameGroup]:
    """All groups by id."""
    return _lexicon().groups


@lru_cache(maxsize=200_000)
def groups_for_skeletons(skeletons: frozenset[str]) -> dict[str, str]:
    """Groups any of the skeletons belongs to, with the kind of form it is there."""
    found: dict[str, str] = {}
    table = _lexicon().by_skeleton
    for skeleton in skeletons:
        for group, kind in table.get(skeleton, {}).items():
            found.setdefault(group, kind)
    return found


@lru_cache(maxsize=200_000)
def patronymic_stems(skeletons: frozenset[str]) -> dict[str, str]:
    """Stem key -> gender for every skeleton shaped like a patronymic."""
    found: dict[str, str] = {}
    for skeleton in skeletons:
        stem = patronymic_stem_key(skeleton)
        if stem is not None:
            found.setdefault(stem[0], stem[1])
    return found


def stem_is_known(stem: str) -> bool:
    """Whether a patronymic stem key belongs to a given name in the lexicon."""
    return stem in _lexicon().by_patronymic_stem


@lru_cache(maxsize=200_000)
def patronymic_groups(skeletons: frozenset[str]) -> dict[str, str]:
    """Groups whose name a patronymic is built on -> gender of the patronymic."""
    found: dict[str, str] = {}
    table = _lexicon().by_patronymic_stem
    for skeleton in skeletons:
        stem = patronymic_stem_key(skeleton)
        if stem is None:
            continue
        for group in table.get(stem[0], frozenset()):
            found.setdefault(group, stem[1])
    return found
