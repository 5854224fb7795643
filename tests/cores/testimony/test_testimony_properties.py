"""Properties over arbitrary text: extraction never crashes and every span is exact."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from safepassage.cores.testimony import Interview, check, extract

# Text biased toward the characters and words the extractors look for.
FRAGMENTS = st.sampled_from(
    [
        "в/ч ",
        "в\\ч ",
        "41278",
        " 3 марта ",
        "2023",
        " года",
        "-го",
        ".",
        "12.08.",
        " ушёл из части ",
        " пересёк границу ",
        "Казахстан",
        "ом",
        " сержант",
        " March ",
        "mid-",
        " deserted on ",
        " le 1er ",
        " mars ",
        " 155e brigade ",
        " через две недели ",
        "?\n— ",
        "İ",
        "ё",
        "’",
        ", а ",
        "с ",
        " по ",
    ]
)
TEXT = st.one_of(st.text(max_size=300), st.lists(FRAGMENTS | st.text(max_size=5)).map("".join))


@given(TEXT)
def test_spans_index_the_quote_exactly(text: str) -> None:
    for claim in extract(Interview("i", dt.date(2024, 6, 1), "ru", text)):
        start, end = claim.span
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == claim.quote
        if claim.kind != "date":
            assert claim.quote


@given(TEXT, TEXT, st.sampled_from(["ru", "en", "fr"]))
def test_check_never_crashes_and_findings_are_well_formed(a: str, b: str, lang: str) -> None:
    report = check(
        [
            Interview("a", dt.date(2024, 6, 1), lang, a),
            Interview("b", dt.date(2024, 7, 1), "ru", b),
        ]
    )
    for finding in report.findings:
        assert finding.kind in {"contradiction", "timeline", "omission"}
        assert finding.severity in {"high", "medium", "low"}
        assert finding.message
        assert finding.evidence


@given(TEXT)
def test_a_text_never_contradicts_itself(text: str) -> None:
    same = [
        Interview("a", dt.date(2030, 1, 1), "ru", text),
        Interview("b", dt.date(2030, 1, 1), "ru", text),
    ]
    report = check(same)
    assert [f for f in report.findings if f.kind in {"contradiction", "omission"}] == []
