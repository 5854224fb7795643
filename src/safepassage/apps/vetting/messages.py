"""Translations of the screening core's message ids (it stays free of Django).

The core explains a match and reports a file's problems with stable English ids; these
tables give the reader's language. An id missing here (a newer engine) shows as it is.
"""

from __future__ import annotations

import re

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

ROLES: dict[str, Promise] = {
    "surname": _("surname"),
    "given": _("given name"),
    "patronymic": _("patronymic"),
    "unknown": _("name part"),
    "initial": _("initial"),
}

HOW: dict[str, Promise] = {
    "same_name": _("the same name in another spelling"),
    "similar_spelling": _("a similar spelling"),
    "given_name_equivalent": _("forms of the same given name"),
    "patronymic_equivalent": _("forms of the same patronymic"),
    "gendered_form_differs": _("male and female forms of one name"),
    "different_given_names": _("two different given names"),
    "different_surname_suffix": _("surnames with different endings"),
    "different": _("different"),
}

BIRTH_OUTCOMES: dict[str, Promise] = {
    "same": _("same birth date"),
    "year_only": _("same birth year (one side gives only the year or month)"),
    "same_year_differs": _("same birth year, different day or month"),
    "conflict": _("different birth year"),
    "unknown": _("no birth date to compare"),
}

PENALTIES: dict[str, Promise] = {
    "name part missing from list entry": _("a name part is missing from the list entry"),
    "name part does not match": _("a name part does not match"),
    "initial does not match": _("an initial does not match"),
    "list entry has a part the query lacks": _("the list entry has a name part the case lacks"),
    "given name known only by its initial": _("the given name is known only by its initial"),
    "surname matched only approximately": _("the surname matched only approximately"),
    "patronymics differ": _("the patronymics differ"),
    "birth date conflict": _("different birth year"),
    "birth date same year differs": _("same birth year, different day or month"),
    "gender differs": _("the gender differs"),
}

FILE_PROBLEMS: dict[str, Promise] = {
    "unreadable CSV header": _("the CSV header cannot be read"),
    "CSV header lacks an 'id' or 'name' column": _("the CSV header has no 'id' or 'name' column"),
    "unreadable CSV line": _("the CSV line cannot be read"),
    "not valid JSON": _("not valid JSON (a truncated or broken record)"),
    "not a JSON object": _("not a JSON object"),
    "contains a NUL byte": _("contains a NUL byte"),
    "not a FollowTheMoney entity (no properties object)": _(
        "not a FollowTheMoney entity (no properties object)"
    ),
    "person without an id or a name": _("a person without an id or a name"),
    "row without an id or a name": _("a row without an id or a name"),
    "no persons found (empty list)": _("no persons found (the list is empty)"),
    "entity id appears twice": _("this entity id appears twice in the file"),
}

_COLUMNS = re.compile(r"^expected (\d+) columns, found (\d+)$")


def translated(table: dict[str, Promise], message_id: str) -> str:
    found = table.get(message_id)
    return str(found) if found is not None else message_id


def file_problem(problem: str) -> str:
    """A load problem in the reader's language (numbers kept, never a line's content)."""
    columns = _COLUMNS.match(problem)
    if columns:
        return str(_("expected %(expected)s columns, found %(found)s")) % {
            "expected": columns.group(1),
            "found": columns.group(2),
        }
    if problem.endswith("date ignored, entry kept"):
        return str(_("a birth date that cannot be read"))
    if problem.startswith("not valid ") and problem.endswith(" text"):
        return str(_("the line is not valid text in the file's encoding"))
    return translated(FILE_PROBLEMS, problem)
