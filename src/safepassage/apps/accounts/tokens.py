"""Bearer tokens: issuing (shown once), checking, revoking."""

from __future__ import annotations

from datetime import timedelta

from django.http import HttpRequest
from django.utils import timezone

from safepassage.apps.accounts.models import ApiToken, Membership
from safepassage.apps.accounts.secrets_util import digest, new_api_token, same_digest

TOKEN_LIFETIME = timedelta(days=90)


def issue_token(membership: Membership, label: str) -> str:
    """Create a token and return it; only its digest is kept, so this is the only showing."""
    prefix, token = new_api_token()
    ApiToken.objects.create(
        membership=membership,
        prefix=prefix,
        digest=digest(token),
        label=label[:60],
        expires_at=timezone.now() + TOKEN_LIFETIME,
    )
    return token


def authenticate_bearer(request: HttpRequest) -> Membership | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer":
        return None
    parts = token.strip().split("_")
    if len(parts) < 3 or parts[0] != "sp":
        return None
    row = (
        ApiToken.objects.select_related("membership__user", "membership__organisation")
        .filter(prefix=parts[1], revoked_at__isnull=True, expires_at__gt=timezone.now())
        .first()
    )
    if row is None or not same_digest(row.digest, digest(token.strip())):
        return None
    if not row.membership.user.is_active:
        return None
    return row.membership
