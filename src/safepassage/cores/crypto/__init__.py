"""Sealed storage: the crypto core of SafePassage.

A handful of verbs over ``cryptography`` (AES-256-GCM, HKDF-SHA256, HMAC,
Ed25519); the only algorithm written here is Shamir secret sharing, which is
interpolation, not a cipher.

Threat model. Protects against an adversary who holds a copy of the disk,
database, WAL, backups, media store or a laptop *without k unseal shares*:
every sensitive field and file is AEAD ciphertext under keys that exist only
in the memory of an unsealed server; envelopes are bound to their table,
column, immutable row id and key id, padded to length buckets and carry no
timestamps; a deleted case's wrapped key, once its epoch is forgotten, cannot
be reopened even from an old backup. Does *not* protect against a live
compromise while unsealed: root on the running server can read keys and
plaintext from memory, and :meth:`Keyring.wipe` (the panic seal) only
shortens that window, best effort, because Python copies bytes it cannot
zero. Does not hide that records exist, how many, their length bucket and
when they change. Nothing here is derived from Django's secret key setting.

Key hierarchy: shares -> root key -> per-epoch, per-purpose keys (HKDF) ->
random per-case data keys (stored wrapped) -> field envelopes and files.
Formats and procedures: ``docs/crypto.md``.
"""

from .blind_index import (
    blind_index,
    combined_leakage_bound,
    leakage_bound,
    normalise,
    recommended_bits,
)
from .datakeys import (
    new_data_key,
    rewrap_data_key,
    unwrap_data_key,
    wrap_data_key,
    wrapped_key_epoch,
)
from .encoding import encode_context
from .envelope import (
    ENVELOPE_LENGTHS,
    FieldContext,
    canonical_json,
    envelope_key_id,
    open_date,
    open_field,
    open_json,
    open_text,
    seal_date,
    seal_field,
    seal_json,
    seal_text,
)
from .errors import (
    CryptoError,
    DecryptionError,
    EnvelopeFormatError,
    InconsistentSharesError,
    NotEnoughSharesError,
    SealedError,
    ShareChecksumError,
    ShareError,
    ShareFormatError,
    SignatureError,
    UnknownKeyError,
)
from .keys import Keyring, Purpose, new_root_key, root_fingerprint
from .padding import BUCKETS, bucket_for
from .secure_tempfile import EncryptedTempFile
from .shamir import Share, combine_shares, parse_share, split_secret
from .signing import (
    generate_signing_key,
    public_key_bytes,
    public_key_hex,
    sign,
    signing_key_from_seed,
    verify,
)
from .stream import (
    StreamDecryptor,
    StreamEncryptor,
    StreamHeader,
    decrypt_stream,
    encrypt_stream,
    parse_stream_header,
)

__all__ = [
    "BUCKETS",
    "ENVELOPE_LENGTHS",
    "CryptoError",
    "DecryptionError",
    "EncryptedTempFile",
    "EnvelopeFormatError",
    "FieldContext",
    "InconsistentSharesError",
    "Keyring",
    "NotEnoughSharesError",
    "Purpose",
    "SealedError",
    "Share",
    "ShareChecksumError",
    "ShareError",
    "ShareFormatError",
    "SignatureError",
    "StreamDecryptor",
    "StreamEncryptor",
    "StreamHeader",
    "UnknownKeyError",
    "blind_index",
    "bucket_for",
    "canonical_json",
    "combine_shares",
    "combined_leakage_bound",
    "decrypt_stream",
    "encode_context",
    "encrypt_stream",
    "envelope_key_id",
    "generate_signing_key",
    "leakage_bound",
    "new_data_key",
    "new_root_key",
    "normalise",
    "open_date",
    "open_field",
    "open_json",
    "open_text",
    "parse_share",
    "parse_stream_header",
    "public_key_bytes",
    "public_key_hex",
    "recommended_bits",
    "rewrap_data_key",
    "root_fingerprint",
    "seal_date",
    "seal_field",
    "seal_json",
    "seal_text",
    "sign",
    "signing_key_from_seed",
    "split_secret",
    "unwrap_data_key",
    "verify",
    "wrap_data_key",
    "wrapped_key_epoch",
]
