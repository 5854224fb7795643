"""Deemed notification: the date the law treats a notice as received.

A period runs from notification, but the law often deems a date rather than taking
the day the person actually read the letter: a registered letter left uncollected in
France counts from its first presentation; OFPRA's portal counts from the first view
or fifteen days after posting; in Germany a registered letter counts from the third
day after posting (VwZG § 4(2)) and an applicant who must accept service at his last
known address is served when the letter would have reached him (AsylG § 10). The
caseworker records *how* notice was given (``notified_by``) and the date of the
fact that manner starts from (posting, presentation); the calculator starts from the
deemed date and its working says so. Manners are data (``"notice"`` in each rule
file), each with its source and a verified flag: an unverified manner's act-by
starts from the recorded date itself, the earliest reading.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class NoticeManner:
    """One manner of notice in one jurisdiction and the offset it deems."""

    code: str
    jurisdiction: str
    offset_days: int
    legal_basis: str
    sources: tuple[str, ...]
    quote: str
    text_verified: bool
    note: str = ""

    def deemed(self, recorded: date) -> date:
        """The deemed notification date for a fact recorded on ``recorded``."""
        return recorded + timedelta(days=self.offset_days)
