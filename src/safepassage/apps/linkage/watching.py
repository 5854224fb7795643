"""The watcher cases calls inside its writing transaction, and the index's lifetime.

``note_due`` only writes a row ("this case is due for relinking"); the worker's
``relink_cases`` job does the work. ``forget_index`` runs when the keys are dropped
(a seal): the in-memory index holds names, so it goes with them.
"""

from __future__ import annotations

from safepassage.apps.accounts import clock
from safepassage.apps.cases.models import Case
from safepassage.apps.linkage import linking
from safepassage.apps.linkage.models import RelinkDue
from safepassage.apps.linkage.records import forget_photo_hashes


def note_due(case: Case, what: str) -> None:
    RelinkDue.objects.update_or_create(case=case, defaults={"noted_at": clock.now()})


def forget_index() -> None:
    linking.forget()
    forget_photo_hashes()
