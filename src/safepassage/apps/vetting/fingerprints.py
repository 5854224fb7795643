"""Content fingerprints of listed entities (no Django: the bench and the importer share it).

A decision on a hit is remembered for the entity's fingerprint: its names, birth dates,
gender and nationalities, never its place in the file (a line number changes whenever
the list provider reorders the file, the person does not).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from safepassage.cores.screening import WatchlistEntity


def entity_data(entity: WatchlistEntity) -> dict[str, Any]:
    return {
        "names": list(entity.names),
        "birth_dates": [str(d) for d in entity.birth_dates],
        "gender": entity.gender,
        "nationalities": list(entity.nationalities),
        "source": entity.source,
    }


def fingerprint(data: dict[str, Any]) -> str:
    """What a decision was made on: everything but the entity's place in the file."""
    content = {key: value for key, value in data.items() if key != "source"}
    canonical = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.blake2b(canonical.encode("utf-8"), digest_size=16).hexdigest()
