"""Per-case data keys: created with the case, wrapped under the keyring, shredded with it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from safepassage.apps.vault import keystore
from safepassage.cores.crypto import new_data_key, unwrap_data_key, wrap_data_key

if TYPE_CHECKING:
    from safepassage.apps.cases.models import Case


def create_case_key(case: Case) -> None:
    from safepassage.apps.cases.models import CaseKey

    ring = keystore.keyring()
    key = new_data_key()
    CaseKey.objects.create(
        case=case,
        wrapped=wrap_data_key(ring, key, str(case.uid)),
        epoch=ring.current_epoch,
    )
    case.__dict__["_data_key"] = (key, 1)


def unwrap_case_key(case: Case) -> tuple[bytes, int]:
    from safepassage.apps.cases.models import CaseKey

    ring = keystore.keyring()
    row = CaseKey.objects.get(case_id=case.pk)
    return unwrap_data_key(ring, bytes(row.wrapped), str(case.uid)), row.version
