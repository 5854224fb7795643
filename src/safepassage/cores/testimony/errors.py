"""Named exceptions of the testimony core."""

from __future__ import annotations


class InputError(ValueError):
    """The input document is malformed. The message names the field and the problem,
    never the text of an interview."""
