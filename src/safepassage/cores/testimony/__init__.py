"""Testimony consistency engine: claims from interviews, and where the interviews disagree.

A destination state wants a consistent account across at least two interviews, and
time-and-place facts that rule out a part in war crimes. Interviews are long transcripts
in Russian and notes in English or French, taken weeks apart. This core reads each of
them, pulls out the claims a vetting officer compares (unit number and name, rank, kind
of service, places, and the key events with their dates), each with its quote and
character span, and reports:

- **contradictions**: the same field stated incompatibly by two sources (interviews or
  the structured case record), with the quotes side by side;
- **timeline** findings: an order that cannot be true within one source (crossed the
  border before leaving the unit, an event after the interview, a mobilisation before
  the decree of 21 September 2022);
- **omissions**: a key fact stated in one interview and absent from another.

Paraphrases, other date formats, other languages and other spellings of the same fact
are not contradictions: values are normalised (``в/ч 41278`` = ``military unit 41278``,
``старший матрос`` = ``ефрейтор``, ``12.08.2023`` = ``12 августа 2023 года``) and dates
are compared with a tolerance that depends on their precision.

The engine never decides anything: every finding carries its reasons and the rule
version (``facts-v1``, ``dates-v1``, ...) so a reviewer can explain and reproduce it.
Pure Python, no Django. See ``docs/testimony.md``.
"""

from __future__ import annotations

from .engine import check, check_document
from .errors import InputError
from .evaluation import Evaluation, Score, evaluate
from .extract import FACT_EXTRACTORS, extract
from .io import loads, parse_document
from .model import (
    CLAIM_KINDS,
    ENGINE_VERSION,
    EVENTS,
    FACTS,
    FIELDS,
    FINDING_KINDS,
    LANGUAGES,
    SEVERITIES,
    Claim,
    DateValue,
    Evidence,
    Finding,
    Interview,
    Report,
    Source,
)
from .record import parse_partial_date, record_source

__all__ = [
    "CLAIM_KINDS",
    "ENGINE_VERSION",
    "EVENTS",
    "FACTS",
    "FACT_EXTRACTORS",
    "FIELDS",
    "FINDING_KINDS",
    "LANGUAGES",
    "SEVERITIES",
    "Claim",
    "DateValue",
    "Evaluation",
    "Evidence",
    "Finding",
    "InputError",
    "Interview",
    "Report",
    "Score",
    "Source",
    "check",
    "check_document",
    "evaluate",
    "extract",
    "loads",
    "parse_document",
    "parse_partial_date",
    "record_source",
]
