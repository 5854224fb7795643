"""A long-running process reopens the stored keyring after another process rotated."""

from __future__ import annotations

import pytest

from safepassage.cores.crypto import (
    DecryptionError,
    Keyring,
    Purpose,
    SealedError,
    UnknownKeyError,
    new_root_key,
)


def test_reopen_picks_up_a_new_epoch_and_drops_forgotten_ones() -> None:
    root = new_root_key()
    running = Keyring.create(root)
    rotating = Keyring.open(root, running.sealed_state())
    rotating.new_epoch()
    rotating.forget_epoch(1)
    fresh = running.reopen(rotating.sealed_state())
    assert fresh.epochs == (2,)
    assert fresh.key_for(Purpose.FIELD) == rotating.key_for(Purpose.FIELD)
    with pytest.raises(UnknownKeyError):
        fresh.key_for(Purpose.FIELD, 1)


def test_reopen_refuses_another_roots_state_and_a_wiped_keyring() -> None:
    running = Keyring.create(new_root_key())
    other = Keyring.create(new_root_key())
    with pytest.raises(DecryptionError):
        running.reopen(other.sealed_state())
    running.wipe()
    with pytest.raises(SealedError):
        running.reopen(other.sealed_state())
