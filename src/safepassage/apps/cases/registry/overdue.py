"""What makes a case overdue, for the case list and the API: one rule, written once.

A case is overdue when one of its deadlines passed unmet, or when a condition that an
app above ``cases`` contributed holds (safety: a missed check-in). Those apps register
their condition from ``ready()`` with :func:`counts_as_overdue`, so this app never
imports them.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.db.models import Q

OverdueCondition = Callable[[datetime.datetime], Q]

_CONDITIONS: list[OverdueCondition] = []


def counts_as_overdue(condition: OverdueCondition) -> None:
    """Add a condition (a ``Q`` on cases, given the instant); idempotent."""
    if condition not in _CONDITIONS:
        _CONDITIONS.append(condition)


def overdue_q(now: datetime.datetime, today: datetime.date) -> Q:
    """Cases with a deadline passed unmet by ``today``, or any registered condition at ``now``.

    The joins through deadlines can repeat a case: callers add ``distinct()``.
    """
    late = Q(deadlines__met_at__isnull=True, deadlines__act_by__lt=today)
    for condition in _CONDITIONS:
        late |= condition(now)
    return late
