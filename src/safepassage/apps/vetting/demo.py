"""Demo vetting data: a small fictional watchlist whose entries resemble three demo cases.

Called by the demo loader after the demo cases exist: ``load_vetting_demo()``. Every name is
fictional (the demo people are generated); no real list is shipped. The list holds spellings
of three open demo cases' names (one with the same birth date, one with another birth year,
one by its Latin spelling only) and a few entries that resemble nobody, then the worker's
job runs once so the hits are on the case pages at once.
"""

from __future__ import annotations

from django.utils import timezone

from safepassage.apps.cases.lifecycle.stages import Stage
from safepassage.apps.cases.models import Case
from safepassage.apps.vetting.lists import ListImport, import_entities
from safepassage.apps.vetting.rescreen import screen_everything
from safepassage.apps.vetting.screening import NOT_OPEN
from safepassage.cores.screening import BirthDate, WatchlistEntity

DEMO_LIST = "demo-fictional"
_LATIN = str.maketrans(
    dict(
        zip(
            "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯ",
            ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o",
             "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e",
             "yu", "ya", "A", "B", "V", "G", "D", "E", "E", "Zh", "Z", "I", "Y", "K", "L", "M",
             "N", "O", "P", "R", "S", "T", "U", "F", "Kh", "Ts", "Ch", "Sh", "Shch", "E", "Yu",
             "Ya"],
            strict=True,
        )
    )
)  # fmt: skip
UNRELATED = [
    WatchlistEntity("DEMO-90", ("Zaytsev Arkady Borisovich",), (BirthDate(1961),), "m"),
    WatchlistEntity("DEMO-91", ("Кравец Олеся Игоревна",), (BirthDate(1988, 3, 9),), "f"),
    WatchlistEntity("DEMO-92", ("Hollis Grant",), (), "m"),
]


def _resembling(case: Case, number: int) -> WatchlistEntity | None:
    names = [row.full_name for row in case.names.all() if row.kind == "legal"]
    if not names:
        return None
    born = case.identity.birth_date
    name = names[0]
    if number == 0 and born:
        dates: tuple[BirthDate, ...] = (BirthDate(born.year, born.month, born.day),)
    elif number == 1 and born:
        dates = (BirthDate(born.year - 9),)
    else:
        dates = ()
    listed = (name, name.translate(_LATIN)) if number < 2 else (name.translate(_LATIN),)
    return WatchlistEntity(f"DEMO-{number + 1:02d}", listed, dates, source="demo")


def load_vetting_demo() -> int:
    """Import the fictional list and screen every demo case; returns the hits found."""
    open_cases = (
        Case.objects.filter(organisation__slug="northern-route")
        .exclude(stage__in=NOT_OPEN)
        .select_related("identity")
        .order_by("created_at")
    )
    # Cases in vetting first: that is where a vetting officer meets the hits.
    cases = sorted(open_cases, key=lambda c: c.stage != Stage.VETTING)[:3]
    entities = [e for n, c in enumerate(cases) if (e := _resembling(c, n)) is not None]
    about = ListImport(
        DEMO_LIST, source="https://example.org/fictional-list", licence="fictional demo data"
    )
    import_entities([*entities, *UNRELATED], about, actor_id=None)
    return screen_everything(timezone.now())
