"""The case list's filters: stage, pathway, caseworker and overdue in SQL, country in memory."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from safepassage.apps.accounts import clock
from safepassage.apps.accounts.models import Organisation
from safepassage.apps.cases.countries import CountrySelect, any_country_choices
from safepassage.apps.cases.lifecycle.stages import Pathway, Stage
from safepassage.apps.cases.models import Case, PersonName
from safepassage.apps.cases.record.opening import opened
from safepassage.apps.cases.registry.country_index import countries_of
from safepassage.apps.cases.registry.name_index import matching_cases, query_skeletons
from safepassage.apps.cases.registry.overdue import overdue_q

PAGE_SIZE = 50
SQL_IDS = 2000  # up to this many search hits are filtered in SQL, more in memory


class CaseFilterForm(forms.Form):
    stage = forms.ChoiceField(
        label=_("Stage"), required=False, choices=[("", _("All stages")), *Stage.choices]
    )
    pathway = forms.ChoiceField(
        label=_("Pathway"), required=False, choices=[("", _("All pathways")), *Pathway.choices]
    )
    country = forms.ChoiceField(
        label=_("Country"), required=False, choices=any_country_choices, widget=CountrySelect
    )
    caseworker = forms.ChoiceField(label=_("Caseworker"), required=False)
    overdue = forms.BooleanField(label=_("Only overdue"), required=False)

    def __init__(self, *args: Any, caseworkers: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["caseworker"]).choices = [  # declared above
            ("", _("Anyone")),
            *[(str(pk), name) for pk, name in caseworkers],
        ]


@dataclass(frozen=True)
class CasePage:
    cases: list[Case]
    number: int
    pages: int
    total: int

    def legal_names(self, *, actor_id: int | None = None) -> dict[int, str]:
        """The legal name of each case on this page (opened here: 50 cases at most).

        A name that does not open reads as the "could not be opened" notice, alone.
        """
        rows = PersonName.objects.filter(case__in=self.cases, kind="legal").select_related("case")
        return {row.case_id: row.full_name for row in opened(rows, actor_id=actor_id)}


def filtered(
    cases: QuerySet[Case], data: dict[str, Any], organisation: Organisation | None
) -> QuerySet[Case]:
    """The filters of the case list, for pages and the API alike ("overdue" by the
    organisation's own today)."""
    if data.get("stage"):
        cases = cases.filter(stage=data["stage"])
    if data.get("pathway"):
        cases = cases.filter(pathway=data["pathway"])
    if data.get("caseworker"):
        cases = cases.filter(assignees__pk=int(data["caseworker"]))
    if data.get("overdue"):
        # Joins through deadlines can repeat a case; only then is DISTINCT needed (it is
        # costly on a large list).
        now = clock.now()
        cases = cases.filter(overdue_q(now, clock.today_for(organisation, now))).distinct()
    return cases


REFERENCE = re.compile(r"^(?:SP)?([2-9A-HJ-NP-Z]{4})([2-9A-HJ-NP-Z]{4})$")


def as_reference(query: str) -> str | None:
    """``sp-7k3q-9xwd``, ``SP7K3Q9XWD`` or ``7K3Q-9XWD`` as a reference; else None."""
    compact = re.sub(r"[\s\-]", "", query).upper()
    match = REFERENCE.match(compact)
    return f"SP-{match.group(1)}-{match.group(2)}" if match else None


def searched(
    cases: QuerySet[Case], query: str, organisation: Organisation | None
) -> tuple[QuerySet[Case], set[int] | None]:
    """The search box: a reference narrows in SQL; a name, through the in-memory name
    index (``name_index``), to the ids it returns (applied by ``page_of``). Either way only
    within ``cases``, the reader's visible cases."""
    query = query.strip()
    if not query or organisation is None:
        return cases, None
    reference = as_reference(query)
    if reference is not None:
        return cases.filter(reference=reference), None
    skeletons = query_skeletons(query)
    return cases, matching_cases(organisation.pk, skeletons) if skeletons else set()


def page_of(
    cases: QuerySet[Case], country: str, number: int, only: set[int] | None = None
) -> CasePage:
    """One page, newest first; the country filter opens sealed countries in memory, and
    ``only`` (the name search's ids) keeps just those cases."""
    ordered = cases.order_by("-updated_at", "reference")
    if only is not None and len(only) <= SQL_IDS:  # a few hits: let the database page them
        ordered, only = ordered.filter(pk__in=sorted(only)), None
    if not country and only is None:
        total = ordered.count()
        pages = max(1, -(-total // PAGE_SIZE))
        number = min(max(1, number), pages)
        start = (number - 1) * PAGE_SIZE
        return CasePage(list(ordered[start : start + PAGE_SIZE]), number, pages, total)
    ids = list(ordered.values_list("pk", flat=True))
    if only is not None:
        ids = [pk for pk in ids if pk in only]
    if country:
        found = countries_of(ids)
        ids = [pk for pk in ids if found.get(pk) == country]
    matching = ids
    pages = max(1, -(-len(matching) // PAGE_SIZE))
    number = min(max(1, number), pages)
    chunk = matching[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
    by_pk = Case.objects.in_bulk(chunk)
    return CasePage([by_pk[pk] for pk in chunk], number, pages, len(matching))
