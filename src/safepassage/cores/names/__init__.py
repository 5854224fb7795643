"""Names core: Russian and Ukrainian personal names across scripts and spellings.

Pure Python (standard library and rapidfuzz), no Django. The pivot is Cyrillic:
a Latin spelling is decoded back into Cyrillic under each romanisation
convention it may have been written in (ICAO 9303, the 1997-2010 passport
style, BGN/PCGN, GOST 7.79 B, ISO 9, Library of Congress, English press,
Ukrainian national, Polish, German, French, Czech), and all readings are
reduced to a *skeleton* that merges the letters conventions disagree on.

>>> from safepassage.cores.names import compare_tokens, parse_name
>>> compare_tokens("Czuwiliajew", "Чувиляев").similarity
1.0
>>> compare_tokens("Czuwiliajew", "Чувиляев").query_convention
'polish'
>>> compare_tokens("Petrova", "Петров").how
'gendered_form_differs'
>>> compare_tokens("Sasha", "Александр").how
'given_name_equivalent'
>>> [(t.raw, t.role) for t in parse_name("PUTIN, Vladimir V.").tokens]
[('PUTIN', 'surname'), ('Vladimir', 'given'), ('V.', 'initial')]
"""

from __future__ import annotations

from .compare import TokenComparison, compare_tokens, initial_matches
from .conventions import Convention, conventions, decode_latin, decode_with
from .forms import TokenForms, token_forms
from .gender import is_gender_pair, surname_gender
from .givennames import GivenNameGroup, given_name_groups, groups_for_skeletons, patronymic_groups
from .normalise import fold_diacritics, normalise_name, split_tokens
from .parse import NameToken, ParsedName, Role, parse_name
from .romanise import romanise_icao
from .scripts import Script, detect_script
from .skeleton import cyrillic_skeleton

__all__ = [
    "Convention",
    "GivenNameGroup",
    "NameToken",
    "ParsedName",
    "Role",
    "Script",
    "TokenComparison",
    "TokenForms",
    "compare_tokens",
    "conventions",
    "cyrillic_skeleton",
    "decode_latin",
    "decode_with",
    "detect_script",
    "fold_diacritics",
    "given_name_groups",
    "groups_for_skeletons",
    "initial_matches",
    "is_gender_pair",
    "normalise_name",
    "parse_name",
    "patronymic_groups",
    "romanise_icao",
    "split_tokens",
    "surname_gender",
    "token_forms",
]
