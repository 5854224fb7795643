"""Every operator command fails with one line and a non-zero exit code, never a traceback.

Each failure path runs through the real command line (``safepassage.cli.main`` in this
process, or a subprocess for an unmigrated database). A traceback would show here as an
exception escaping ``main``, or as "Traceback" in a subprocess's output.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from safepassage.apps.cases.models import CaseKey
from safepassage.apps.cases.registry.actions import NewCase, create_case
from safepassage.apps.vault import keystore
from safepassage.cli import main
from safepassage.cores.crypto import Keyring

from .conftest import World

pytestmark = pytest.mark.django_db
MISSING = "/nonexistent/share.txt"


@pytest.fixture
def shares(world: World, settings: object, tmp_path: Path) -> Iterator[list[str]]:
    """Share files of a real key ceremony for this test's keyring state."""
    settings.KEYRING_STATE_PATH = str(tmp_path / "keyring.state")  # type: ignore[attr-defined]
    settings.DATA_DIR = str(tmp_path)  # type: ignore[attr-defined]
    keystore.drop()
    files = []
    for index, text in enumerate(keystore.initialise(3, 2)[:2], start=1):
        path = tmp_path / f"share-{index}.txt"
        path.write_text(text + "\n")
        files += ["--share-file", str(path)]
    yield files
    keystore.drop()


def _fails_in_one_line(capsys: pytest.CaptureFixture[str], argv: list[str], expected: str) -> None:
    code = main(argv)
    err = capsys.readouterr().err
    assert code != 0, argv
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert expected in err, err


@pytest.mark.parametrize(
    "argv",
    [
        ["keys", "rotate"],
        ["serve"],
        ["worker"],
        ["backup", "create", "/tmp/never-written.spb"],  # noqa: S108 - never written
        ["audit", "checkpoint", "--out-dir", "/tmp/never-written"],  # noqa: S108
        ["audit", "public-key"],
        ["cases", "export", "--organisation", "org-a", "--fields", "reference", "--out", "x"],
        ["cases", "duplicates", "--out", "/tmp/never-written.jsonl"],  # noqa: S108
    ],
)
def test_a_missing_share_file_is_one_line(
    world: World, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    _fails_in_one_line(capsys, [*argv, "--share-file", MISSING], "cannot read the share file")


def _forget_the_epoch_of_one_case(world: World, shares: list[str]) -> str:
    """A case whose key is under an epoch the keyring no longer holds (an old copy)."""
    texts = [Path(path).read_text().strip() for path in shares[1::2]]
    keystore.install(keystore.open_with_shares(texts))
    case = create_case(world.org, NewCase(legal_name="Старая копия", country="AM"), actor=None)
    keystore.drop()
    ring: Keyring = keystore.open_with_shares(texts)  # a rotation made after the copy
    ring.new_epoch()
    ring.forget_epoch(1)
    keystore.write_state(ring.sealed_state())
    ring.wipe()
    assert CaseKey.objects.get(case=case).epoch == 1
    return case.reference


def test_opening_a_forgotten_epoch_is_one_line(
    world: World, shares: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    reference = _forget_the_epoch_of_one_case(world, shares)
    out = tmp_path / "export.jsonl"
    export = ["cases", "export", "--organisation", "org-a", "--fields", "reference,legal_name"]
    _fails_in_one_line(
        capsys, [*export, "--cases", reference, "--out", str(out), *shares], "key epoch"
    )
    keystore.drop()
    _fails_in_one_line(capsys, ["keys", "rotate", *shares], "key epoch")
    assert not out.exists()


def test_a_missing_keyring_state_is_one_line(
    shares: list[str], capsys: pytest.CaptureFixture[str], settings: object
) -> None:
    os.unlink(settings.KEYRING_STATE_PATH)  # type: ignore[attr-defined]
    _fails_in_one_line(capsys, ["keys", "rotate", *shares], "no keyring state")


def test_an_output_path_that_cannot_be_written_is_one_line(
    shares: list[str], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    under = str(blocker / "inside")
    export = ["cases", "export", "--organisation", "org-a", "--fields", "reference"]
    _fails_in_one_line(capsys, [*export, "--out", under, *shares], "cannot write")
    keystore.drop()
    _fails_in_one_line(capsys, ["backup", "create", under, *shares], "cannot write")
    keystore.drop()
    _fails_in_one_line(capsys, ["audit", "checkpoint", "--out-dir", under, *shares], "cannot")


def test_keys_init_checks_its_share_folder_before_making_keys(
    db: None, capsys: pytest.CaptureFixture[str], tmp_path: Path, settings: object
) -> None:
    settings.KEYRING_STATE_PATH = str(tmp_path / "state")  # type: ignore[attr-defined]
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    argv = ["keys", "init", "--shares", "3", "--threshold", "2", "--out-dir", str(blocker)]
    _fails_in_one_line(capsys, argv, "cannot write the share files")
    assert not (tmp_path / "state").exists()


def test_an_unreadable_import_file_is_one_line(
    world: World, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["cases", "import", "/nonexistent.jsonl", "--organisation", "org-a"]
    _fails_in_one_line(capsys, argv, "cannot read that file")


UNMIGRATED = [
    ["seal"],
    ["audit", "verify"],
    ["keys", "status"],
    ["keys", "rotate", "--share-file", MISSING],
    ["createadmin", "--organisation", "some-org", "--username", "coord"],
    ["worker"],
    ["cases", "export", "--organisation", "o", "--fields", "reference", "--out", "x"],
    ["cases", "duplicates", "--out", "/tmp/never-written.jsonl"],  # noqa: S108
    ["backup", "verify", "x.spb", "--share-file", MISSING],
]
LOOP = """
import sys
from safepassage.cli import main
for argv in {commands!r}:
    try:
        code = main(argv)
    except SystemExit as stop:
        code = stop.code
    print("CODE", argv[0], code, flush=True)
    print("----", file=sys.stderr, flush=True)
"""


def test_commands_on_an_unmigrated_database_are_one_line(tmp_path: Path) -> None:
    dropped = {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    env = {k: v for k, v in os.environ.items() if k not in dropped and "SAFEPASSAGE" not in k}
    result = subprocess.run(
        [sys.executable, "-c", LOOP.format(commands=UNMIGRATED)],
        capture_output=True,
        text=True,
        env={**env, "SAFEPASSAGE_DATA_DIR": str(tmp_path)},
        check=False,
        timeout=120,
    )
    assert "Traceback" not in result.stderr, result.stderr
    codes = [line.split() for line in result.stdout.splitlines() if line.startswith("CODE")]
    assert len(codes) == len(UNMIGRATED), result.stdout + result.stderr
    assert all(code[2] not in {"0", "None"} for code in codes), codes
    for message in result.stderr.split("----\n")[:-1]:
        assert len(message.strip().splitlines()) == 1, message
