"""Fail closed, visibly: sealed keys and unopenable ciphertext get clear pages, not tracebacks."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable

from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from safepassage.apps.audit.actions import record
from safepassage.apps.vault.keystore import ServerSealed
from safepassage.cores.crypto import CryptoError

_log = logging.getLogger("safepassage.errors")

# Answers Django's own handlers give (404, 403, 400 pages): expected, never an ERROR line.
ANSWERED = (Http404, PermissionDenied, BadRequest, SuspiciousOperation)


class _Counter:
    """A per-process count that threads can bump (``next`` on ``itertools.count`` is atomic)."""

    def __init__(self) -> None:
        self._ticks = itertools.count(1)
        self.value = 0

    def tick(self) -> int:
        self.value = next(self._ticks)
        return self.value


_not_found = _Counter()


def not_found_count() -> int:
    """How many 404s this process has answered from a view (a scoped lookup or a missing row)."""
    return _not_found.value


def _count_not_found(request: HttpRequest) -> None:
    # Counted, and at DEBUG only, by route name: never the path, which holds the reference.
    match = getattr(request, "resolver_match", None)
    where = match.view_name if match else "unrouted"
    _log.debug("not found in %s (%d so far)", where, _not_found.tick())


class VaultErrorsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, ANSWERED):
            # Forbidden and missing records answer the same 404; anyone can ask for any
            # reference, so logging these at ERROR would let them flood out real errors.
            if isinstance(exception, Http404):
                _count_not_found(request)
            return None
        api = request.path.startswith("/api/")
        if isinstance(exception, ServerSealed):
            if api:
                return JsonResponse({"detail": "server sealed"}, status=503)
            return render(request, "shell/503_sealed.html", status=503)
        if isinstance(exception, CryptoError):
            match = getattr(request, "resolver_match", None)
            _log.error(
                "sealed data could not be opened in %s (%s)",
                match.view_name if match else "unrouted",
                type(exception).__name__,
            )
            user = getattr(request, "user", None)
            record(
                "crypto.open_failed",
                actor_id=getattr(user, "pk", None),
                outcome="error",
                detail={"error": type(exception).__name__},
            )
            if api:
                return JsonResponse({"detail": "encrypted data could not be opened"}, status=500)
            return render(request, "vault/unreadable.html", status=500)
        # Anything else becomes the plain 500 page. Log only the error's class and the
        # route: messages and tracebacks can carry values (a database error quotes rows).
        match = getattr(request, "resolver_match", None)
        _log.error(
            "unhandled %s in %s", type(exception).__name__, match.view_name if match else "unrouted"
        )
        return None
