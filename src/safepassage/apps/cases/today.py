"""What needs me today: the items of each user's start page, contributed by the apps.

The start page (``shell``) sits above every domain app and cannot know what each one has
waiting (vetting's hits and findings, intake's new first contacts...). Each app registers a
provider here in its ``AppConfig.ready``: a function given the reader's access context and
the time, returning the items this reader should act on, already scoped to what they may
see (an empty list when none, or when the role has nothing of that kind). Cases registers
the deadlines due within a week; safety the reader's missed check-ins.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils.functional import Promise

if TYPE_CHECKING:
    from safepassage.apps.access.context import AccessContext


@dataclass(frozen=True)
class TodayItem:
    """One thing to act on: a case (by reference, with the person's name when it opens),
    what is due, and when."""

    reference: str
    what: str
    when: datetime.date | datetime.datetime | None = None
    name: str = ""
    urgent: bool = False


Provider = Callable[["AccessContext", datetime.datetime], list[TodayItem]]


@dataclass(frozen=True)
class TodaySection:
    name: str
    title: Promise
    provider: Provider
    order: int = 100


_SECTIONS: dict[str, TodaySection] = {}


def register_today(name: str, title: Promise, provider: Provider, *, order: int = 100) -> None:
    """Add a section to every start page (once per name)."""
    _SECTIONS.setdefault(name, TodaySection(name, title, provider, order))


def unregister_today(name: str) -> None:
    _SECTIONS.pop(name, None)


def today_for(access: AccessContext, now: datetime.datetime) -> list[tuple[str, list[TodayItem]]]:
    """(title, items) of every section that has something for this reader, in order."""
    found = []
    for section in sorted(_SECTIONS.values(), key=lambda s: (s.order, s.name)):
        items = section.provider(access, now)
        if items:
            found.append((str(section.title), items))
    return found
