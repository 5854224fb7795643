"""Pages and API answers that open many sealed rows: a row that does not open fails alone.

A ciphertext moved to another row, or damaged, does not open (docs/crypto.md: envelopes
are bound to their table, column and row). One such row must not take a whole case list
or case page down with it. ``opened`` opens each row; a row that fails is marked
unreadable (its values show "this entry could not be opened", and it can never be saved)
and the failure is reported by ``report_unreadable``:

- audit ``crypto.open_failed`` on the row's case, with the table and row id only;
- one ERROR log line with the table and row id only (the operator's alert:
  docs/operator-guide.md), never the case reference, a value or the ciphertext;
- a ``record_unreadable`` notification to the organisation's coordinators, once until read.

A single-record page that fails to open still answers the generic 500 "could not be
opened" page (``vault.middleware``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any, TypeVar

from safepassage.apps.audit.actions import record_case
from safepassage.apps.cases.models import Case
from safepassage.apps.cases.notifications import coordinators_of, notify_once
from safepassage.apps.vault.fields import open_or_mark
from safepassage.cores.crypto import CryptoError

__all__ = ["opened", "opened_one", "report_unreadable"]

_log = logging.getLogger("safepassage.errors")

Row = TypeVar("Row")


def opened(rows: Iterable[Row], *, actor_id: int | None = None) -> list[Row]:
    """Every row, with its sealed fields opened; the ones that fail are marked unreadable."""
    out = list(rows)
    for row in out:
        error = open_or_mark(row)
        if error is not None:
            model: Any = row
            report_unreadable(
                model._meta.db_table, model.pk, model.sealing_case(), error, actor_id=actor_id
            )
    return out


def opened_one(row: Row | None, *, actor_id: int | None = None) -> Row | None:
    return opened([row], actor_id=actor_id)[0] if row is not None else None


def report_unreadable(
    table: str, row_id: object, case: Case, error: CryptoError, *, actor_id: int | None = None
) -> None:
    """Record, log and notify one row that did not open: ids only, never a value."""
    _log.error("sealed row could not be opened: %s %s", table, row_id)
    record_case(
        "crypto.open_failed",
        case,
        actor_id=actor_id,
        outcome="error",
        detail={"table": table, "row": str(row_id), "error": type(error).__name__},
    )
    notify_once(coordinators_of(case.organisation_id), "record_unreadable", case)
