"""The impostor signal on the vetting queue: a case sharing an identifier (contact handle,
document number, photo) with a case under another name, in an open pair. Only the fact is
flagged; which other case, and in which organisation, stays with the coordinators."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from safepassage.apps.cases.registry.flags import CaseFlag
from safepassage.apps.linkage.models import LinkPair, PairStatus


def impostor_pairs() -> Exists:
    case = OuterRef("pk")
    return Exists(
        LinkPair.objects.filter(impostor=True, status=PairStatus.OPEN).filter(
            Q(case_a=case) | Q(case_b=case)
        )
    )


IMPOSTOR_FLAG = CaseFlag("impostor", _("possible impostor"), impostor_pairs)
