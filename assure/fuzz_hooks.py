"""Schemathesis check loaded by ``assure/fuzz.py`` (``SCHEMATHESIS_HOOKS``).

No answer may carry anything of the other organisation: its name (a canary) or the
reference of any of its cases. ``ASSURE_FORBIDDEN`` holds those strings, one a line.
"""

from __future__ import annotations

import os
from typing import Any

import schemathesis

FORBIDDEN = [s for s in os.environ.get("ASSURE_FORBIDDEN", "").splitlines() if s]


@schemathesis.check
def no_other_organisation(ctx: Any, response: Any, case: Any) -> None:
    text = response.content.decode("utf-8", "replace")
    leaked = [s for s in FORBIDDEN if s in text]
    if leaked:
        raise AssertionError(f"an answer holds another organisation's data ({len(leaked)})")
