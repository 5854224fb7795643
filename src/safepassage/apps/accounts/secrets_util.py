"""Random secrets handed to people once, and the digests we keep instead of them."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from django.conf import settings

_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i look-alikes


def digest(value: str) -> str:
    """SHA-256 hex digest; enough for high-entropy random secrets (not for passwords)."""
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def same_digest(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode("ascii"), b.encode("ascii"))


def new_recovery_code() -> str:
    """12 characters from a 31-letter alphabet (~59 bits), shown as xxxx-xxxx-xxxx."""
    raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def normalise_recovery_code(value: str) -> str:
    compact = "".join(ch for ch in value.lower() if ch.isalnum())
    if len(compact) != 12:
        return ""
    return f"{compact[:4]}-{compact[4:8]}-{compact[8:]}"


def new_url_token() -> str:
    return secrets.token_urlsafe(32)


def new_api_token() -> tuple[str, str]:
    """Return (prefix, full token). The prefix identifies the token without revealing it."""
    prefix = secrets.token_hex(4)
    return prefix, f"sp_{prefix}_{secrets.token_urlsafe(32)}"


def signin_key() -> bytes:
    """The server secret of the throttle and the device cookie (settings.SIGNIN_KEY).

    Read when used, not at import time. It is not a keyring key: sign-in works sealed.
    """
    return str(settings.SIGNIN_KEY).encode("utf-8")


def keyed_digest(domain: str, value: str) -> str:
    """HMAC-SHA-256 under the sign-in key, with a domain string per use."""
    message = domain.encode("ascii") + b"\0" + value.encode("utf-8")
    return hmac.new(signin_key(), message, hashlib.sha256).hexdigest()


def account_digest(username: str) -> str:
    """Key for per-account throttling; computed the same way for names that do not exist.

    Keyed, so a copy of the table does not let anyone test guesses of what was typed (a
    password typed into the name field, say) without the server's sign-in key.
    """
    return keyed_digest("safepassage/signin-throttle/v1", username.strip().casefold())


def account_bucket_digest(bucket: str, user_id: int) -> str:
    """Key of a known account's throttle bucket ("any" or "device"), by its id.

    A domain of its own, so that no typed name (``account_digest``) can land in it.
    """
    return keyed_digest("safepassage/signin-throttle/account/v1", f"{bucket}:{user_id}")
