"""Starting and ending sessions: rotation at sign-in, and sign-out everywhere."""

from __future__ import annotations

from django.contrib.auth import login, logout
from django.db.models import F
from django.http import HttpRequest

from safepassage.apps.accounts import clock
from safepassage.apps.accounts.models import Membership, User

SESSION_STARTED = "sp_started"
SESSION_LAST_SEEN = "sp_last_seen"
SESSION_GENERATION = "sp_generation"
SESSION_ORGANISATION = "sp_organisation"


def start_session(request: HttpRequest, user: User) -> None:
    """Sign the user in on a fresh session id and choose their first organisation."""
    request.session.flush()
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    now = int(clock.now().timestamp())
    request.session[SESSION_STARTED] = now
    request.session[SESSION_LAST_SEEN] = now
    request.session[SESSION_GENERATION] = user.session_generation
    first = Membership.objects.filter(user=user).order_by("organisation__slug", "role").first()
    request.session[SESSION_ORGANISATION] = first.organisation_id if first else None


def end_all_sessions(user: User) -> None:
    """Invalidate every session of this user (they carry the old generation number)."""
    User.objects.filter(pk=user.pk).update(session_generation=F("session_generation") + 1)
    user.refresh_from_db(fields=["session_generation"])


def sign_out_everywhere(request: HttpRequest) -> None:
    user = request.user
    if isinstance(user, User):
        end_all_sessions(user)
    logout(request)
