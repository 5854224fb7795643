"""Linkage core: the same person entered twice, and strangers who share an identifier.

Pure Python on the names core, no Django. Given person records (every name form in any
script, birth date or year, gender, unit number, contact handles, document numbers, photo
hashes), it finds candidate pairs through blocking keys (linear in the number of records)
and scores each (rule version ``sp-link-v1``) with reasons a reader understands.

>>> from safepassage.cores.linkage import PersonRecord, link_all
>>> one = PersonRecord("SP-1", ("Чувиляев Александр Петрович",), birth_date=None)
>>> two = PersonRecord("SP-2", ("Aleksandr Czuwiliajew",))
>>> [(c.a, c.b, c.decision) for c in link_all([one, two])]
[('SP-1', 'SP-2', 'possible')]
"""

from __future__ import annotations

from .blocking import MAX_BLOCK, blocking_keys
from .dates import DateAgreement, compare_dates
from .index import LinkageIndex, link_all
from .namematch import NameMatch, compare_names
from .records import PersonRecord, normalise_document, normalise_handle
from .scoring import RULE_VERSION, Candidate, Reason, inferred_gender, score_pair

__all__ = [
    "MAX_BLOCK",
    "RULE_VERSION",
    "Candidate",
    "DateAgreement",
    "LinkageIndex",
    "NameMatch",
    "PersonRecord",
    "Reason",
    "blocking_keys",
    "compare_dates",
    "compare_names",
    "inferred_gender",
    "link_all",
    "normalise_document",
    "normalise_handle",
    "score_pair",
]
