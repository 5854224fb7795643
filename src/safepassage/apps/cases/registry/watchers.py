"""Apps above cases learn here that a case's record changed.

Vetting rescreens a case whose names changed; linkage relinks it. Cases cannot import those
apps (they sit above it), so they register a callback in their ``AppConfig.ready``. Callbacks
run inside the writing transaction: whatever they note (typically a row saying "this case is
due") commits or rolls back with the change itself, and the worker does the heavy work later.
A callback must be quick and must not open sealed fields it does not need.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.utils import timezone

if TYPE_CHECKING:
    from safepassage.apps.cases.models import Case

# (case, what) where what is "created", "merged" or the name of the edited record section.
RecordWatcher = Callable[["Case", str], None]

_WATCHERS: list[RecordWatcher] = []


def watch_records(callback: RecordWatcher) -> RecordWatcher:
    """Register ``callback`` (once) to hear of every change to a case's record."""
    if callback not in _WATCHERS:
        _WATCHERS.append(callback)
    return callback


def unwatch_records(callback: RecordWatcher) -> None:
    if callback in _WATCHERS:
        _WATCHERS.remove(callback)


def record_changed(case: Case, what: str) -> None:
    """Tell every watcher; called by cases inside the transaction that made the change.

    It also touches the case's ``updated_at``: the case list's order says what changed
    last, and the name search (``name_index``) reopens only the names of changed cases.
    """
    type(case).objects.filter(pk=case.pk).update(updated_at=timezone.now())
    for callback in list(_WATCHERS):
        callback(case, what)
