"""Parsers of untrusted input raise only the named exceptions, whatever they are fed."""

from __future__ import annotations

import contextlib
import io

from hypothesis import given
from hypothesis import strategies as st

from safepassage.cores.crypto import (
    CryptoError,
    FieldContext,
    Keyring,
    ShareError,
    SignatureError,
    combine_shares,
    decrypt_stream,
    envelope_key_id,
    open_field,
    open_json,
    parse_share,
    parse_stream_header,
    split_secret,
    unwrap_data_key,
    verify,
)

KEY = bytes(range(64, 96))
CTX = FieldContext("case.identity", "case", "full_name", "row-1", 7)
KEYRING = Keyring(bytes(range(32)), {1: bytearray(range(32, 64))}, 1)
SHARES = split_secret(bytes(range(32)), 2, 3)
SHARE_ALPHABET = "sp1-23456ABCDEFGHIJKLMNOPQRSTUVWXYZ 0789"
envelope_like = st.one_of(
    st.binary(max_size=300),
    st.builds(lambda b: b"\x01\x01\x00\x00\x00\x07" + b, st.binary(min_size=40, max_size=120)),
)


@given(envelope_like)
def test_envelope_parser(blob: bytes) -> None:
    """open_field and envelope_key_id on arbitrary bytes: a CryptoError or nothing."""
    for call in (lambda: envelope_key_id(blob), lambda: open_field(KEY, blob, CTX)):
        with contextlib.suppress(CryptoError):
            call()


@given(envelope_like)
def test_json_opener(blob: bytes) -> None:
    """The JSON helper adds no new way to fail."""
    with contextlib.suppress(CryptoError):
        open_json(KEY, blob, CTX)


@given(st.one_of(st.text(max_size=200), st.text(alphabet=SHARE_ALPHABET, max_size=120)))
def test_share_parser(text: str) -> None:
    """Arbitrary text is a share error, never a crash."""
    with contextlib.suppress(ShareError):
        parse_share(text, position=3)


@given(st.lists(st.one_of(st.sampled_from(SHARES), st.text(max_size=120)), max_size=4))
def test_share_combiner(texts: list[str]) -> None:
    """Any mix of real and garbage shares yields a root or a ShareError."""
    try:
        root = combine_shares(texts)
    except ShareError:
        return
    assert bytes(root) == bytes(range(32))


stream_like = st.one_of(
    st.binary(max_size=300),
    st.builds(lambda b: b"SPST\x01\x01" + b, st.binary(max_size=200)),
)


@given(stream_like)
def test_stream_parsers(blob: bytes) -> None:
    """The stream header parser and decryptor raise only CryptoError."""
    with contextlib.suppress(CryptoError):
        parse_stream_header(blob)
    with contextlib.suppress(CryptoError):
        decrypt_stream(KEY, io.BytesIO(blob), io.BytesIO(), b"ctx")


@given(
    st.one_of(st.binary(max_size=120), st.builds(lambda b: b"\x01\x01" + b, st.binary(max_size=80)))
)
def test_wrapped_key_parser(blob: bytes) -> None:
    """Stored wrapped keys are untrusted too."""
    with contextlib.suppress(CryptoError):
        unwrap_data_key(KEYRING, blob, "case-1")


@given(
    st.one_of(st.binary(max_size=200), st.builds(lambda b: b"SPK\x01" + b, st.binary(max_size=200)))
)
def test_keyring_state_parser(blob: bytes) -> None:
    """A corrupted keyring state file is a CryptoError."""
    with contextlib.suppress(CryptoError):
        Keyring.open(bytes(range(32)), blob)


@given(st.binary(max_size=40), st.binary(max_size=40), st.binary(max_size=80))
def test_signature_verifier(public: bytes, message: bytes, signature: bytes) -> None:
    """Arbitrary keys and signatures fail only as SignatureError."""
    with contextlib.suppress(SignatureError):
        verify(public, message, signature)
