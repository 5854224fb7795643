"""Device cookies: a browser that signed in to an account before passes its throttle.

Why: the throttle blocks an account after a few failures, so anyone who knows a username
could keep its owner out for good with one wrong attempt per period. After a successful
sign-in the browser gets a cookie holding a random nonce and an HMAC of (account, nonce)
under the server's sign-in key. A later attempt that presents a valid cookie for the
account being signed in to counts against a separate throttle bucket ("known devices"),
which the attacker's failures never touch. The cookie is no credential: the password and
the second factor are still checked, and failures with it throttle its bucket in turn.
Nothing is stored on the server; changing SAFEPASSAGE_SIGNIN_KEY revokes every cookie.
"""

from __future__ import annotations

import hmac
import secrets

from safepassage.apps.accounts.models import User
from safepassage.apps.accounts.secrets_util import keyed_digest

_DOMAIN = "safepassage/device-cookie/v1"
MAX_ENTRIES = 4  # accounts remembered per browser (a shared office computer)


def _mac(user_id: int, nonce: str) -> str:
    return keyed_digest(_DOMAIN, f"{user_id}:{nonce}")[:32]


def _entries(cookie: str) -> list[tuple[str, str]]:
    found = []
    for part in cookie.split("~")[:MAX_ENTRIES]:
        nonce, _, mac = part.partition(".")
        if nonce and mac:
            found.append((nonce, mac))
    return found


def recognises(user: User | None, cookie: str) -> bool:
    """Whether the cookie was issued to this account (compared in constant time)."""
    if user is None or not cookie:
        return False
    return any(
        hmac.compare_digest(_mac(user.pk, nonce).encode(), mac.encode())
        for nonce, mac in _entries(cookie[:600])
    )


def remember(user: User, cookie: str) -> str:
    """The cookie value after a successful sign-in: this account first, then older ones."""
    kept = [e for e in _entries(cookie[:600]) if not recognises(user, f"{e[0]}.{e[1]}")]
    nonce = secrets.token_urlsafe(16)
    entries = [(nonce, _mac(user.pk, nonce)), *kept][:MAX_ENTRIES]
    return "~".join(f"{n}.{m}" for n, m in entries)
