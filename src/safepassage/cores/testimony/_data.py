"""Loading the data files shipped inside the package (``data/``)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_json(name: str) -> Any:
    """The parsed content of ``data/<name>``, read once per process."""
    ref = resources.files(__package__ or __name__).joinpath("data").joinpath(name)
    return json.loads(ref.read_text(encoding="utf-8"))


@cache
def load_csv_rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of ``data/<name>``, comma-separated; lines starting with ``#`` are comments.

    The last column may itself hold commas-free ``|``-separated lists, so rows are split
    on the first three commas only.
    """
    ref = resources.files(__package__ or __name__).joinpath("data").joinpath(name)
    rows = []
    for line in ref.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(tuple(part.strip() for part in line.split(",", 3)))
    return tuple(rows)
