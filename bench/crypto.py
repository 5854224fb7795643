"""What sealed storage costs: throughput of the crypto core against a plain baseline.

Run: ``.venv/bin/python bench/crypto.py [--fields N] [--megabytes M]``.
Each line prints the operation's throughput and its ratio to a baseline
measured in the same run (the same work without encryption).
"""

from __future__ import annotations

import argparse
import io
import random
import shutil
import time
from collections.abc import Callable

from safepassage.cores.crypto import (
    EncryptedTempFile,
    FieldContext,
    Keyring,
    Purpose,
    blind_index,
    combine_shares,
    decrypt_stream,
    encrypt_stream,
    new_data_key,
    new_root_key,
    open_text,
    seal_text,
    split_secret,
    unwrap_data_key,
    wrap_data_key,
)


def timed(work: Callable[[], object]) -> float:
    """Best of three runs, in seconds."""
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def report(label: str, seconds: float, count: float, unit: str, baseline: float | None) -> None:
    ratio = f"  x{seconds / baseline:7.1f} baseline" if baseline else ""
    print(f"{label:<44} {count / seconds:>14,.0f} {unit}/s{ratio}")


def bench_fields(n: int) -> None:
    rng = random.Random(7)
    names = [
        "".join(rng.choices("абвгдеёжзийклмнопрстуфхцчшщыэюя ", k=rng.randint(4, 40)))
        for _ in range(n)
    ]
    contexts = [FieldContext("case.identity", "case", "full_name", f"row-{i}", 1) for i in range(n)]
    key = new_data_key()
    sealed = [seal_text(key, v, c) for v, c in zip(names, contexts, strict=True)]

    def plain() -> None:
        for v in names:
            v.encode("utf-8").decode("utf-8")

    base = timed(plain)
    print(f"\n{n:,} short fields (4-40 Cyrillic characters)")
    report("baseline: UTF-8 encode + decode", base, n, "fields", None)
    seal = timed(lambda: [seal_text(key, v, c) for v, c in zip(names, contexts, strict=True)])
    report("seal_text", seal, n, "fields", base)
    opened = timed(lambda: [open_text(key, e, c) for e, c in zip(sealed, contexts, strict=True)])
    report("open_text", opened, n, "fields", base)
    total = sum(map(len, sealed))
    print(f"{'stored size (mean bytes per field)':<44} {total / n:>14,.1f}")

    keyring = Keyring.create(new_root_key())
    wrapped = [wrap_data_key(keyring, new_data_key(), f"case-{i}") for i in range(n)]
    unwrap = timed(
        lambda: [unwrap_data_key(keyring, w, f"case-{i}") for i, w in enumerate(wrapped)]
    )
    report("unwrap_data_key (per case, HKDF included)", unwrap, n, "keys", base)
    derive = timed(lambda: [keyring.key_for(Purpose.KEY_WRAP) for _ in range(n)])
    report("Keyring.key_for (HKDF-SHA256)", derive, n, "keys", base)
    bi_key = keyring.key_for(Purpose.BLIND_INDEX)
    index = timed(lambda: [blind_index(bi_key, v or "x", 16, domain="case.name") for v in names])
    report("blind_index (16 bits)", index, n, "values", base)


def bench_stream(megabytes: int) -> None:
    data = random.Random(8).randbytes(megabytes * 1024 * 1024)
    key = new_data_key()
    size = len(data)

    def plain() -> None:
        shutil.copyfileobj(io.BytesIO(data), io.BytesIO(), 64 * 1024)

    blob = io.BytesIO()
    encrypt_stream(key, io.BytesIO(data), blob, b"file:bench")
    ciphertext = blob.getvalue()
    check = io.BytesIO()
    decrypt_stream(key, io.BytesIO(ciphertext), check, b"file:bench")
    assert check.getvalue() == data

    def enc() -> None:
        encrypt_stream(key, io.BytesIO(data), io.BytesIO(), b"file:bench")

    def dec() -> None:
        decrypt_stream(key, io.BytesIO(ciphertext), io.BytesIO(), b"file:bench")

    def temp() -> None:
        with EncryptedTempFile() as tmp:
            for i in range(0, size, 1 << 20):
                tmp.write(data[i : i + (1 << 20)])
            while tmp.read(1 << 20):
                pass

    base = timed(plain)
    print(f"\n{megabytes} MB stream (64 KiB chunks, in memory)")
    report("baseline: copyfileobj, no encryption", base, size / 1e6, "MB", None)
    report("encrypt_stream", timed(enc), size / 1e6, "MB", base)
    report("decrypt_stream", timed(dec), size / 1e6, "MB", base)
    report("EncryptedTempFile write + read (on disk)", timed(temp), size / 1e6, "MB", base)
    print(f"{'ciphertext overhead':<44} {len(ciphertext) - size:>14,} bytes")


def bench_shares() -> None:
    root = new_root_key()
    shares = split_secret(root, 3, 5)
    split = timed(lambda: split_secret(root, 3, 5))
    combine = timed(lambda: combine_shares(shares[:3]))
    print("\nunseal ceremony (3 of 5)")
    print(f"{'split_secret':<44} {split * 1000:>14.2f} ms")
    print(f"{'combine_shares':<44} {combine * 1000:>14.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--fields", type=int, default=10_000)
    parser.add_argument("--megabytes", type=int, default=50)
    args = parser.parse_args()
    bench_fields(args.fields)
    bench_stream(args.megabytes)
    bench_shares()


if __name__ == "__main__":
    main()
