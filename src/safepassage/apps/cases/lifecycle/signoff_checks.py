"""Conditions from apps above cases that a vetting sign-off must meet.

Vetting refuses a "recommended" sign-off while a screening hit is undecided; later apps may add
their own conditions. Each check returns the reasons it refuses (already in the reader's
language) or an empty list. Cases cannot import those apps, so they register here in their
``AppConfig.ready``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from safepassage.apps.cases.models import Case

SignOffCheck = Callable[["Case", str], list[str]]

_CHECKS: list[SignOffCheck] = []


class SignOffRefused(ValueError):
    """A registered condition refuses this outcome; ``reasons`` says why, for the reader."""

    def __init__(self, reasons: list[str]) -> None:
        super().__init__("sign-off refused")
        self.reasons = reasons


def register_signoff_check(check: SignOffCheck) -> SignOffCheck:
    if check not in _CHECKS:
        _CHECKS.append(check)
    return check


def unregister_signoff_check(check: SignOffCheck) -> None:
    if check in _CHECKS:
        _CHECKS.remove(check)


def signoff_refusals(case: Case, outcome: str) -> list[str]:
    """Every reason a registered check gives against this outcome on this case."""
    reasons: list[str] = []
    for check in list(_CHECKS):
        reasons.extend(check(case, outcome))
    return reasons
