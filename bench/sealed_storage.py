"""Cost of sealed storage: a case read and a bulk import, with and without encryption.

    .venv/bin/python bench/sealed_storage.py [--cases 10000]
    DATABASE_URL=... .venv/bin/python bench/sealed_storage.py   (PostgreSQL)

The baseline writes and reads the same rows with the same code paths, but the sealed
columns hold the plaintext bytes and no case key is wrapped: the difference is what
encryption costs. Prints figures and the ratio.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
import _site


def _rows(count: int) -> list[tuple[int, Any]]:
    from safepassage.apps.cases.transfer.importer import ImportRow

    return [
        (
            i,
            ImportRow(
                legal_name=f"Кузнецов{i} Алексей Петрович",
                country="KZ",
                other_names=[f"Kuznetsov{i} Aleksei"],
                birth_date="1990-01-01",
                birth_place="Омск",
                contact_channel="Signal",
                contact_handle=f"@h{i}",
                coarse_place="Алматы",
                exact_address="ул. Абая 1",
                note="Заметка " * 20,
                unit_number="30926",
                rank="рядовой",
            ),
        )
        for i in range(count)
    ]


@contextmanager
def plaintext_mode() -> Iterator[None]:
    """Swap the crypto for identity functions: same rows, same code, no encryption."""
    from safepassage.apps.cases.models import case as casekeys
    from safepassage.apps.vault import fields

    saved: dict[str, Any] = {}
    targets = {
        (fields.SealedTextField, "seal"): lambda self, key, value, ctx: value.encode(),
        (fields.SealedTextField, "unseal"): lambda self, key, env, ctx: env.decode(),
        (fields.SealedJSONField, "seal"): lambda self, key, value, ctx: repr(value).encode(),
        (fields.SealedJSONField, "unseal"): lambda self, key, env, ctx: env,
        (fields.SealedDateField, "seal"): lambda self, key, value, ctx: value.isoformat().encode(),
        (fields.SealedDateField, "unseal"): lambda self, key, env, ctx: env,
    }
    for (cls, name), replacement in targets.items():
        saved[f"{cls.__name__}.{name}"] = getattr(cls, name)
        setattr(cls, name, replacement)
    saved["create"], saved["unwrap"] = casekeys.create_case_key, casekeys.unwrap_case_key

    def fake_create(case: Any) -> None:
        from safepassage.apps.cases.models import CaseKey

        CaseKey.objects.create(case=case, wrapped=b"\0" * 66, epoch=1)
        case.__dict__["_data_key"] = (b"\0" * 32, 1)

    casekeys.create_case_key = fake_create
    casekeys.unwrap_case_key = lambda case: (b"\0" * 32, 1)
    try:
        yield
    finally:
        for cls, name in targets:
            setattr(cls, name, saved[f"{cls.__name__}.{name}"])
        casekeys.create_case_key, casekeys.unwrap_case_key = saved["create"], saved["unwrap"]


def measure(count: int) -> dict[str, float]:
    from safepassage.apps.accounts.models import Organisation
    from safepassage.apps.cases.models import Case
    from safepassage.apps.cases.record.presenters import present_case
    from safepassage.apps.cases.transfer.records import write_rows

    org = Organisation.objects.create(slug="bench", name="Bench")
    rows = _rows(count)
    results: dict[str, float] = {}
    with plaintext_mode():
        with _site.timer(results, "import_plain"):
            plain_refs = write_rows(org, rows)
        results["read_plain"] = _read(plain_refs)
    with _site.timer(results, "import_sealed"):
        sealed_refs = write_rows(org, rows)
    results["read_sealed"] = _read(sealed_refs)
    assert Case.objects.count() == 2 * count
    del present_case
    return results


def _read(references: list[str]) -> float:
    """Median-ish per-case cost of opening the whole case page's data (best of 3 x 200 cases)."""
    from safepassage.apps.cases.models import Case
    from safepassage.apps.cases.record.presenters import present_case

    sample = references[:200]

    def read_all() -> None:
        for reference in sample:
            present_case(Case.objects.get(reference=reference))

    return _site.best_of(3, read_all) / len(sample)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=10_000)
    args = parser.parse_args()
    vendor = _site.setup()
    r = measure(args.cases)
    print(f"database: {vendor}; {args.cases} cases per import")
    print(
        f"bulk import, plaintext baseline : {r['import_plain']:8.2f} s "
        f"({args.cases / r['import_plain']:7.0f} cases/s)"
    )
    print(
        f"bulk import, sealed             : {r['import_sealed']:8.2f} s "
        f"({args.cases / r['import_sealed']:7.0f} cases/s)"
    )
    print(f"  ratio sealed / baseline       : {r['import_sealed'] / r['import_plain']:8.2f}")
    print(f"case read (whole record), plain : {r['read_plain'] * 1000:8.2f} ms")
    print(f"case read (whole record), sealed: {r['read_sealed'] * 1000:8.2f} ms")
    print(f"  ratio sealed / baseline       : {r['read_sealed'] / r['read_plain']:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
