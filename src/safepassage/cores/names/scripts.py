"""Which writing system a piece of text is in.

Screening treats Cyrillic and Latin differently (Cyrillic is the pivot all
spellings are decoded into), and must say plainly when a name is in a script
it does not handle (Korean, Arabic, ...), instead of silently scoring it.
"""

from __future__ import annotations

import unicodedata
from typing import Literal

Script = Literal["cyrillic", "latin", "mixed", "other", "empty"]

__all__ = ["Script", "char_script", "detect_script"]


def char_script(char: str) -> str | None:
    """The script of one letter ("cyrillic", "latin", "other"), None for non-letters."""
    if not char.isalpha():
        return None
    code = ord(char)
    if 0x0400 <= code <= 0x052F or 0x1C80 <= code <= 0x1C8F or 0xA640 <= code <= 0xA69F:
        return "cyrillic"
    if code < 0x0250 or 0x1E00 <= code <= 0x1EFF:
        return "latin"
    name = unicodedata.name(char, "")
    if name.startswith("LATIN"):
        return "latin"
    return "other"


def detect_script(text: str) -> Script:
    """Classify text by the scripts of its letters; digits and punctuation are ignored."""
    seen = {script for script in map(char_script, text) if script is not None}
    if not seen:
        return "empty"
    if len(seen) > 1:
        return "mixed"
    only = seen.pop()
    if only == "cyrillic":
        return "cyrillic"
    if only == "latin":
        return "latin"
    return "other"
