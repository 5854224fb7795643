"""Named exceptions of the crypto core.

Every failure the core can report is a ``CryptoError``, so callers can fail
closed with one ``except``. Messages never carry key bytes, plaintext or
share contents: at most a position, an epoch or a key id.
"""

from __future__ import annotations


class CryptoError(Exception):
    """Base class: any decrypt, verify, parse or key failure."""


class DecryptionError(CryptoError):
    """Authentication failed: wrong key, wrong context, or tampered data."""


class EnvelopeFormatError(CryptoError):
    """Input is not a well-formed envelope, stream or wrapped key of a known version."""


class UnknownKeyError(CryptoError):
    """The data names a key id or epoch this keyring or caller does not hold."""


class SealedError(CryptoError):
    """The keyring or temporary file has been wiped; no key is available."""


class SignatureError(CryptoError):
    """An Ed25519 signature or public key did not verify."""


class ShareError(CryptoError):
    """Base class for problems with unseal shares."""


class ShareChecksumError(ShareError):
    """Share number ``position`` (1-based, in the order given) is mistyped or corrupt.

    Raised when its checksum does not match; the subclass ``ShareFormatError``
    when it cannot even be parsed. Either way: ask that trustee to retype it.
    """

    def __init__(self, position: int, reason: str = "checksum mismatch (mistyped?)") -> None:
        super().__init__(f"share {position}: {reason}")
        self.position = position


class ShareFormatError(ShareChecksumError):
    """Share ``position`` is not of the form ``sp1-<k>-<i>-<groups>-<checksum>``."""


class NotEnoughSharesError(ShareError):
    """Fewer distinct shares than the threshold were given."""

    def __init__(self, have: int, need: int) -> None:
        super().__init__(f"{have} distinct share(s) given, {need} needed")
        self.have = have
        self.need = need


class InconsistentSharesError(ShareError):
    """Shares come from different splits, or disagree on threshold or content."""
