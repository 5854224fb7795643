"""Session lifetime: idle and absolute timeouts, and revocation by generation number.

Times come from ``accounts.clock.now``, the one clock, so tests move it by hand instead of
sleeping (tests/web/test_session_clock.py).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse

from safepassage.apps.accounts import clock
from safepassage.apps.accounts.models import User
from safepassage.apps.accounts.sessions import (
    SESSION_GENERATION,
    SESSION_LAST_SEEN,
    SESSION_STARTED,
)


class SessionLifetimeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if isinstance(user, User) and not self._still_valid(request, user):
            logout(request)
            # HttpRequest declares no such attribute; the sign-in page reads it with getattr.
            request.session_expired = True  # type: ignore[attr-defined]
        return self.get_response(request)

    @staticmethod
    def _still_valid(request: HttpRequest, user: User) -> bool:
        now = int(clock.now().timestamp())
        session = request.session
        started = session.get(SESSION_STARTED)
        last_seen = session.get(SESSION_LAST_SEEN)
        if not isinstance(started, int) or not isinstance(last_seen, int):
            return False
        if now - started > settings.SESSION_ABSOLUTE_SECONDS:
            return False
        if now - last_seen > settings.SESSION_IDLE_SECONDS:
            return False
        if session.get(SESSION_GENERATION) != user.session_generation or not user.is_active:
            return False
        if now - last_seen >= 15:  # avoid a session write on every request
            session[SESSION_LAST_SEEN] = now
        return True
