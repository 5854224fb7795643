"""Flags that apps above cases raise on a case for the vetting queue.

Linkage flags a case that shares a contact handle, document number or photo with a case under
another name (a possible impostor); vetting lists flagged cases on its queue. The two apps are
peers and may not import each other, so the flag is registered here, below both, in the
flagging app's ``AppConfig.ready``. A flag is a label (in the reader's language) and an
``Exists`` subquery over ``OuterRef("pk")`` of a case: it is both a filter and an annotation,
and it says only that a case is flagged, never about which other case.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Exists
from django.utils.functional import Promise


@dataclass(frozen=True)
class CaseFlag:
    code: str  # an identifier, also the annotation's name: flag_<code>
    label: str | Promise
    condition: Callable[[], Exists]

    @property
    def annotation(self) -> str:
        return f"flag_{self.code}"


_FLAGS: dict[str, CaseFlag] = {}


def register_case_flag(flag: CaseFlag) -> CaseFlag:
    _FLAGS.setdefault(flag.code, flag)
    return _FLAGS[flag.code]


def unregister_case_flag(code: str) -> None:
    _FLAGS.pop(code, None)


def case_flags() -> list[CaseFlag]:
    """Every registered flag, in the order registered."""
    return list(_FLAGS.values())
