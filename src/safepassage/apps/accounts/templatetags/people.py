"""``who``: a user id as the name colleagues know (``{{ people|who:note.author_id }}``).

``people`` is the id -> name map a view built with ``accounts.people.names_of``.
"""

from __future__ import annotations

from django import template

from safepassage.apps.accounts.people import shown

register = template.Library()


@register.filter
def who(people: dict[int, str] | None, user_id: int | str | None) -> str:
    """Also takes an audit entry's ``target_ref`` (a user id as text)."""
    if isinstance(user_id, str):
        user_id = int(user_id) if user_id.isascii() and user_id.isdigit() else None
    return shown(people or {}, user_id)
