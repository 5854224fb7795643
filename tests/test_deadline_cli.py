"""``safepassage deadline compute|rules``: a lawyer checks a date without a case."""

from __future__ import annotations

import subprocess
import sys

import pytest

from safepassage.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["deadline", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_dublin_acceptance_example(capsys: pytest.CaptureFixture[str]) -> None:
    """Notified Friday 6 March 2026: act by 13 March 2026, with the working and source."""
    code, out, err = run(capsys, "compute", "--rule", "fr.dublin_appeal", "--event", "2026-03-06")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:2] == ["Challenge a Dublin transfer decision", "Act by 13 March 2026"]
    assert "  5. 7 days → 13 March 2026" in lines
    assert "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000049050149" in out
    assert "dans le délai de sept jours" in out


def test_old_rule_before_the_reform(capsys: pytest.CaptureFixture[str]) -> None:
    """Notified 5 July 2024: the 15-day rule, act by Saturday 20 July."""
    code, out, _ = run(capsys, "compute", "--rule", "fr.dublin_appeal", "--event", "2024-07-05")
    assert code == 0
    assert out.splitlines()[1] == "Act by 20 July 2024"
    assert "15 days → 20 July 2024" in out


@pytest.mark.parametrize(
    ("lang", "title", "summary"),
    [
        ("fr", "Recours devant la CNDA contre la décision de l'OFPRA",
         "Agir au plus tard le 13 mai 2026"),
        ("ru", "Жалоба в CNDA на решение OFPRA", "Действовать до 13 мая 2026 г."),
    ],
)  # fmt: skip
def test_suspension_with_lawyer_in_each_language(
    capsys: pytest.CaptureFixture[str], lang: str, title: str, summary: str
) -> None:
    """Legal aid asked 10 March, decided 20 April, lawyer told 22 April; French and Russian."""
    code, out, _ = run(
        capsys, "compute", "--rule", "fr.cnda_appeal", "--event", "2026-03-02",
        "--suspension", "2026-03-10:2026-04-20:2026-04-22", "--on", "2026-06-01", "--lang", lang,
    )  # fmt: skip
    assert code == 0
    assert out.splitlines()[:2] == [title, summary]
    assert "fr.cnda_appeal" not in out
    assert "ofpra_decision_notified" not in out


def test_court_seat_track_and_notice(capsys: pytest.CaptureFixture[str]) -> None:
    """Options reach the calculator: a Bavarian court, and a registered letter's third day."""
    code, out, _ = run(
        capsys, "compute", "--rule", "de.asylum_appeal", "--event", "2026-05-18",
        "--notified-by", "registered_letter_posted", "--court-seat", "DE-BY",
    )  # fmt: skip
    assert code == 0
    assert "deemed notified on 21 May 2026" in out
    assert "(5 June 2026 only if the unverified parts hold)" in out
    code, out, _ = run(
        capsys, "compute", "--rule", "fr.oqtf_challenge", "--event", "2026-03-02",
        "--track", "l911_1",
    )  # fmt: skip
    assert out.splitlines()[1] == "Act by 2 April 2026"


def test_claim_date_selects_the_regime(capsys: pytest.CaptureFixture[str]) -> None:
    """A claim before 12 June 2026 keeps Dublin III's 18 months after absconding."""
    code, out, _ = run(
        capsys, "compute", "--rule", "fr.dublin_transfer_period_absconded",
        "--event", "2026-07-01", "--claim-date", "2026-05-01",
    )  # fmt: skip
    assert code == 0
    assert out.splitlines()[1] == "Act by 1 January 2028"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--rule", "fr.nope", "--event", "2026-03-06"], "unknown rule 'fr.nope'"),
        (["--rule", "fr.dublin_appeal", "--event", "6/3/2026"], "--event is not a date"),
        (["--rule", "fr.dublin_appeal", "--event", "2026-03-06", "--court-seat", "DE-XX"],
         "unknown court seat 'DE-XX'"),
        (["--rule", "fr.oqtf_challenge", "--event", "2026-03-06", "--track", "fast"],
         "no track 'fast'"),
        (["--rule", "fr.cnda_appeal", "--event", "2026-03-06", "--notified-by", "pigeon"],
         "unknown manner of notice 'pigeon'"),
        (["--rule", "fr.cnda_appeal", "--event", "2026-03-06", "--suspension", "2026-03-10:x"],
         "--suspension is not a date"),
        (["--rule", "fr.cnda_appeal", "--event", "2026-03-06", "--suspension",
          "2026-03-10:2026-03-01"], "before it starts"),
        (["--rule", "fr.cnda_appeal", "--event", "2018-03-06"], "no version"),
        (["--rule", "fr.apr_lodging", "--event", "2026-07-06", "--claim-date", "2026-05-01"],
         "earlier law"),
    ],
)  # fmt: skip
def test_bad_input_is_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    """Every mistake gets one line on standard error naming it, exit code 2, no output."""
    code, out, err = run(capsys, "compute", *argv)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("safepassage deadline: ")
    assert message in err


def test_rules_lists_every_rule_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    """The listing names each rule, its event and its dated versions."""
    from safepassage.cores.procedures import default_ruleset

    code, out, _ = run(capsys, "rules")
    assert code == 0
    for rule_id in default_ruleset().ids():
        assert f"{rule_id}  " in out
    assert "2024-07-15 → 2026-06-11  7 days  Not fully verified" in out
    assert "2021-05-01 → 2024-07-14  15 days  Text verified; a counting convention is not" in out
    code, out, _ = run(capsys, "rules", "--country", "DE", "--lang", "fr")
    assert "fr." not in out.split()[0]
    assert "Recours contre une décision du BAMF" in out


def test_runs_as_a_process_without_django() -> None:
    """The installed command works in a fresh process and never loads Django."""
    script = (
        "import sys\nfrom safepassage.cli import main\n"
        "code = main(['deadline', 'compute', '--rule', 'fr.dublin_appeal', '--event', "
        "'2026-03-06'])\nassert 'django' not in sys.modules, 'django imported'\nsys.exit(code)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "Act by 13 March 2026" in done.stdout
