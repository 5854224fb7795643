"""Writing imported rows, and exporting selected fields of a set of cases (audited)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from typing import Any

from django.db import transaction

from safepassage.apps.accounts.models import Organisation, User
from safepassage.apps.audit.actions import record, record_case
from safepassage.apps.cases.lifecycle.stages import Stage
from safepassage.apps.cases.models import (
    Case,
    Identity,
    Location,
    ServiceRecord,
    StageTransition,
)
from safepassage.apps.cases.record.dates import DatesRefused, check_new_case_dates
from safepassage.apps.cases.registry.actions import NewCase, create_case
from safepassage.apps.cases.transfer.importer import ImportRow, ParseReport

NEW_CASE_FIELDS = set(NewCase.__dataclass_fields__)


def check_assignees(organisation: Organisation, report: ParseReport) -> None:
    """Report each row whose assignee is not an active caseworker (by line, never the name)."""
    known = set(User.objects.caseworkers_of(organisation).values_list("username", flat=True))
    for line, row in report.rows:
        if row.assignee and row.assignee not in known:
            report.problem(
                line, "assignee: no active caseworker with that username in the organisation"
            )


def check_dates(organisation: Organisation, report: ParseReport) -> None:
    """Report each row whose dates make no sense (``record.dates``, as for the form and API)."""
    for line, row in report.rows:
        try:
            check_new_case_dates(row.birth_date, organisation)
        except DatesRefused as refusal:
            for message in refusal.messages:
                report.problem(line, message)


def write_rows(organisation: Organisation, rows: list[tuple[int, ImportRow]]) -> list[str]:
    """Create every case in one transaction; returns the new references in file order."""
    users = {u.username: u for u in User.objects.filter(memberships__organisation=organisation)}
    references = []
    with transaction.atomic():
        for _, row in rows:
            data = row.model_dump()
            new = NewCase(**{k: v for k, v in data.items() if k in NEW_CASE_FIELDS})
            assign = [users[row.assignee]] if row.assignee else []
            case = create_case(organisation, new, actor=None, assign_to=assign)
            if row.unit_name or row.unit_number or row.rank or row.service_kind != "unknown":
                ServiceRecord.objects.create(
                    case=case,
                    desertion={},
                    exposure={},
                    service={
                        "kind": row.service_kind,
                        "unit_name": row.unit_name,
                        "unit_number": row.unit_number,
                        "rank": row.rank,
                    },
                )
            if row.stage != Stage.INTAKE:
                # A spreadsheet's case arrives mid-way: the history says so, and who imported.
                StageTransition.objects.create(
                    case=case,
                    from_stage=Stage.INTAKE,
                    to_stage=row.stage,
                    actor_id=None,
                    reason="Imported at this stage",
                )
            references.append(case.reference)
        record("case.import", organisation_id=organisation.pk, detail={"cases": len(rows)})
    return references


EXPORTABLE: dict[str, Callable[[Case], Any]] = {
    "reference": lambda c: c.reference,
    "stage": lambda c: c.stage,
    "pathway": lambda c: c.pathway,
    "legal_name": lambda c: next((n.full_name for n in c.names.all() if n.kind == "legal"), ""),
    "other_names": lambda c: [n.full_name for n in c.names.all() if n.kind != "legal"],
    "birth_date": lambda c: _identity(c, "birth_date"),
    "country": lambda c: _location(c, "country"),
    "coarse_place": lambda c: _location(c, "coarse_place"),
}


def _identity(case: Case, attr: str) -> Any:
    row = Identity.objects.filter(case=case).first()
    value: Any = getattr(row, attr, None) if row else None
    return value.isoformat() if hasattr(value, "isoformat") else value


def _location(case: Case, attr: str) -> Any:
    row = Location.objects.filter(case=case).first()
    return getattr(row, attr, "") if row else ""


def export_cases(
    cases: Iterable[Case],
    fields: list[str],
    *,
    kind: str,
    actor_id: int | None,
    organisation_id: int,
) -> str:
    """Selected fields as JSON lines or CSV. The export itself is audited, per case."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields) if kind == "csv" else None
    if writer:
        writer.writeheader()
    for case in cases:
        row = {name: EXPORTABLE[name](case) for name in fields}
        if writer:
            writer.writerow({k: "|".join(v) if isinstance(v, list) else v for k, v in row.items()})
        else:
            out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        record_case("case.export", case, actor_id=actor_id, detail={"fields": len(fields)})
    return out.getvalue()
