"""TOTP (RFC 6238) over pyotp, with single use per time step."""

from __future__ import annotations

import time

import pyotp

STEP_SECONDS = 30
ISSUER = "SafePassage"


def new_secret() -> str:
    return pyotp.random_base32(length=32)


def provisioning_uri(secret: str, account_label: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=account_label, issuer_name=ISSUER)


def matching_step(secret: str, code: str, *, now: float | None = None) -> int | None:
    """Return the time step the code belongs to (allowing one step of clock drift), or None."""
    if not secret or len(code) != 6 or not code.isdigit():
        return None
    totp = pyotp.TOTP(secret)
    moment = time.time() if now is None else now
    current = int(moment // STEP_SECONDS)
    for step in (current, current - 1, current + 1):
        if totp.verify(code, for_time=step * STEP_SECONDS, valid_window=0):
            return step
    return None


def code_at(secret: str, moment: float) -> str:
    """The code for a moment; used by tests and by enrolment's confirmation hint."""
    return pyotp.TOTP(secret).at(moment)
