"""Parsing a full name into surname, given name and patronymic, in any order.

Lists and people write "Путин Владимир Владимирович", "PUTIN, Vladimir",
"Vladimir V. Putin" and "В. В. Путин". Roles are guessed from evidence, in
this order: a comma (surname first), upper case in a mixed-case name, a
patronymic ending, the given-name lexicon, a surname ending, then position.
Roles only weigh evidence in scoring; tokens are still compared across roles,
so a wrong guess costs little.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Literal

from .forms import TokenForms, token_forms
from .gender import surname_gender
from .givennames import groups_for_skeletons, patronymic_groups
from .normalise import normalise_name, split_tokens

__all__ = ["NameToken", "ParsedName", "Role", "parse_name"]

Role = Literal["surname", "given", "patronymic", "initial", "unknown"]

_INITIALS = re.compile(r"^(?:[^\W\d_]{1,2}\.)+[^\W\d_]{0,2}$")
_SURNAME_ENDINGS = ("ов", "ев", "ин", "ски", "цки", "енко", "ук", "иук", "ова", "ева", "ина")


@dataclass(frozen=True, slots=True)
class NameToken:
    """One word of a name with its guessed role and its readings."""

    raw: str
    role: Role
    forms: TokenForms

    @property
    def is_initial(self) -> bool:
        return self.role == "initial"


@dataclass(frozen=True, slots=True)
class ParsedName:
    """A name split into role-tagged tokens."""

    original: str
    tokens: tuple[NameToken, ...]

    def by_role(self, role: Role) -> tuple[NameToken, ...]:
        return tuple(t for t in self.tokens if t.role == role)

    @property
    def full_tokens(self) -> tuple[NameToken, ...]:
        """Tokens that are not initials."""
        return tuple(t for t in self.tokens if t.role != "initial")


@cache
def _titles() -> frozenset[str]:
    text = resources.files(__package__).joinpath("data/titles.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def _split_initials(word: str) -> list[str]:
    """'В.В.' -> ['В.', 'В.']; other words unchanged."""
    if _INITIALS.match(word):
        return [part + "." for part in word.split(".") if part]
    return [word]


def _words(text: str) -> tuple[list[str], int | None]:
    """Words of a name and how many came before the first comma (None without comma)."""
    before_comma: int | None = None
    words: list[str] = []
    for index, chunk in enumerate(text.split(",")):
        if index == 1:
            before_comma = len(words)
        for word in split_tokens(chunk):
            for piece in word.split("-"):
                if piece.strip(".'\""):
                    words.extend(_split_initials(piece))
    return words, before_comma


def _is_initial(word: str) -> bool:
    letters = word.strip(".")
    return len(letters) == 1 or (word.endswith(".") and len(letters) <= 2)


_FEMALE_PATRONYMIC = ("овна", "евна", "ична", "ивна")


@lru_cache(maxsize=500_000)
def _word_role(word: str) -> Role:
    return _lexical_role(token_forms(word))


def _lexical_role(forms: TokenForms) -> Role:
    if patronymic_groups(forms.skeletons):
        return "patronymic"
    if any(s.endswith(_FEMALE_PATRONYMIC) and len(s) > 6 for s in forms.skeletons):
        return "patronymic"
    if groups_for_skeletons(forms.skeletons):
        return "given"
    if any(surname_gender(s) for s in forms.skeletons) or any(
        s.endswith(_SURNAME_ENDINGS) for s in forms.skeletons
    ):
        return "surname"
    return "unknown"


def _assign_roles(words: list[str], before_comma: int | None) -> list[Role]:
    roles: list[Role] = []
    mixed_case = any(w != w.upper() for w in words) and any(
        w == w.upper() and len(w.strip(".")) > 1 for w in words
    )
    for index, word in enumerate(words):
        if _is_initial(word):
            roles.append("initial")
        elif (before_comma is not None and index < before_comma) or (
            mixed_case and word == word.upper()
        ):
            roles.append("surname")
        else:
            roles.append(_word_role(word))
    if "surname" not in roles and roles.count("unknown") == 1:
        roles[roles.index("unknown")] = "surname"
    if "surname" not in roles and "unknown" not in roles:
        # e.g. "Roman Ivan": no surname evidence; the last non-patronymic given word.
        for index in range(len(roles) - 1, -1, -1):
            if roles[index] == "given" and roles.count("given") > 1:
                roles[index] = "surname"
                break
    return roles


def parse_name(text: str) -> ParsedName:
    """Split a name into role-tagged tokens; titles ("President", "полковник") are dropped."""
    words, before_comma = _words(text)
    titles = _titles()
    kept = [(i, w) for i, w in enumerate(words) if normalise_name(w).strip(".") not in titles]
    if before_comma is not None:
        before_comma = sum(1 for i, _ in kept if i < before_comma)
    words = [w for _, w in kept]
    roles = _assign_roles(words, before_comma)
    tokens = tuple(
        NameToken(raw=word, role=role, forms=token_forms(word))
        for word, role in zip(words, roles, strict=True)
        if token_forms(word).readings
    )
    return ParsedName(original=text, tokens=tokens)
