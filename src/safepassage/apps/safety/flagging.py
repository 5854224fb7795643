"""Finding the open cases in a country whose risk rose.

The country is sealed, so there is no query for it: the worker opens each open case's
coarse location in batches, while unsealed, and keeps the matches in memory only. This
is a system job across every organisation (not a user's view); it is audited as one
scan entry per assessment plus one entry per flag, with references and counts only.
"""

from __future__ import annotations

import datetime
import logging

from django.db.models import QuerySet
from django.utils import timezone

from safepassage.apps.audit.actions import record
from safepassage.apps.cases.lifecycle.stages import Stage
from safepassage.apps.cases.models import Case, Location
from safepassage.apps.cases.record.opening import report_unreadable
from safepassage.apps.safety.actions import raise_flag
from safepassage.apps.safety.models import CountryRisk, Flagging
from safepassage.cores.crypto.errors import CryptoError

_log = logging.getLogger(__name__)

NOT_OPEN = (Stage.CLOSED, Stage.PROTECTED, Stage.EXCLUDED)
BATCH_SIZE = 200


def open_cases_unrestricted() -> QuerySet[Case]:
    """Every open case of every organisation: for the worker only, never for a view."""
    return Case.objects.exclude(stage__in=NOT_OPEN)


def _country_of(case: Case) -> str | None:
    try:
        return str(case.location.country or "")
    except Location.DoesNotExist:
        return None


def flag_cases_for_risk_rise(
    country: str, assessment: CountryRisk, *, batch_size: int = BATCH_SIZE
) -> int:
    """Flag every open case located in ``country``; returns how many were newly flagged.

    Needs the keys (raises ServerSealed otherwise). A case whose location cannot be
    opened is counted and skipped, never guessed.
    """
    last_pk, scanned, flagged, unreadable = 0, 0, 0, 0
    while True:
        batch = list(
            open_cases_unrestricted()
            .filter(pk__gt=last_pk)
            .select_related("location")
            .order_by("pk")[:batch_size]
        )
        if not batch:
            break
        last_pk = batch[-1].pk
        for case in batch:
            scanned += 1
            try:
                here = _country_of(case)
            except CryptoError as error:  # skipped, and reported like any unreadable row
                unreadable += 1
                report_unreadable(Location._meta.db_table, case.location.pk, case, error)
                continue
            if here == country and raise_flag(case, assessment):
                flagged += 1
    record(
        "safety.risk_scan",
        target_type="country_risk",
        target_ref=str(assessment.pk),
        detail={"scanned": scanned, "flagged": flagged, "unreadable": unreadable},
    )
    if unreadable:
        _log.warning(
            "risk scan %s: %d case locations could not be opened", assessment.pk, unreadable
        )
    return flagged


def flag_pending_assessments(now: datetime.datetime | None = None) -> int:
    """Run the flagging of every assessment marked pending; returns cases flagged."""
    now = now or timezone.now()
    total = 0
    for assessment in CountryRisk.objects.filter(flagging=Flagging.PENDING).order_by("pk"):
        flagged = flag_cases_for_risk_rise(assessment.country, assessment)
        CountryRisk.objects.filter(pk=assessment.pk).update(
            flagging=Flagging.DONE, flagged_cases=flagged, flagged_at=now
        )
        total += flagged
    return total
