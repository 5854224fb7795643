"""Sealed state, unsealing with k of n shares, panic seal, and ciphertext bound to its place."""

from __future__ import annotations

import pytest
from django.test import Client

from safepassage.apps.accounts.models import TotpSeal
from safepassage.apps.cases.models import Case, CaseKey, Note, PersonName
from safepassage.apps.cases.registry.actions import NewCase, create_case, delete_case
from safepassage.apps.vault import keystore
from safepassage.apps.vault.control import seal_everywhere
from safepassage.apps.vault.rotation import rotate
from safepassage.apps.vault.unseal import UnsealFailed, unseal_with
from safepassage.cores.crypto import CryptoError, Keyring, UnknownKeyError

from .conftest import World, sign_in

pytestmark = pytest.mark.django_db


def test_sealed_server_answers_503_for_case_pages_only(world: World) -> None:
    client = sign_in(Client(), world.users["coordinator"])
    assert client.get("/cases/").status_code == 200
    keystore.drop()
    for path in ("/cases/", f"/cases/{world.case.reference}", "/cases/new"):
        response = client.get(path)
        assert response.status_code == 503
        assert b"The server is sealed" in response.content
    assert client.get("/").status_code == 200
    assert Client().get("/login").status_code == 200
    assert Client().get("/health").status_code == 200


def test_sealed_api_answers_503(world: World) -> None:
    from safepassage.apps.accounts.models import Membership
    from safepassage.apps.accounts.tokens import issue_token

    token = issue_token(Membership.objects.get(user=world.users["coordinator"]), "t")
    keystore.drop()
    response = Client().get("/api/v1/cases", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 503
    assert response.json() == {"detail": "server sealed"}


def test_k_shares_unseal_and_k_minus_one_do_not(
    settings: object, tmp_path: object, db: None
) -> None:
    settings.KEYRING_STATE_PATH = f"{tmp_path}/state"  # type: ignore[attr-defined]
    shares = keystore.initialise(5, 3)
    keystore.drop()
    with pytest.raises(UnsealFailed, match="not enough shares"):
        unseal_with(shares[:2])
    assert not keystore.is_unsealed()
    typo = shares[1][:-3] + ("A" if shares[1][-3] != "A" else "B") + shares[1][-2:]
    with pytest.raises(UnsealFailed, match="share 2 has a typing mistake"):
        unseal_with([shares[0], typo, shares[2]])
    unseal_with([shares[4], shares[0], shares[2]])
    assert keystore.is_unsealed()
    keystore.drop()


def test_shares_of_another_ceremony_do_not_open_this_state(
    settings: object, tmp_path: object, db: None
) -> None:
    settings.KEYRING_STATE_PATH = f"{tmp_path}/a"  # type: ignore[attr-defined]
    first = keystore.initialise(3, 2)
    settings.KEYRING_STATE_PATH = f"{tmp_path}/b"  # type: ignore[attr-defined]
    keystore.initialise(3, 2)
    with pytest.raises(UnsealFailed, match="do not open this server's keyring"):
        unseal_with(first[:2])


def test_panic_seal_drops_the_keys_and_every_read_fails(world: World) -> None:
    case = world.case
    assert keystore.is_unsealed()
    seal_everywhere()
    keystore.refresh_if_due(force=True)
    assert not keystore.is_unsealed()
    fresh = Case.objects.get(pk=case.pk)
    with pytest.raises(keystore.ServerSealed):
        fresh.data_key()


def _new_case(world: World, name: str) -> Case:
    return create_case(world.org, NewCase(legal_name=name, country="KZ", note="n"), actor=None)


def test_ciphertext_moved_to_another_row_or_column_does_not_open(world: World) -> None:
    first, second = _new_case(world, "Иванов Иван"), _new_case(world, "Петров Пётр")
    raw = PersonName.objects.filter(case=first).values_list("full_name", flat=True).get()
    # Another row of the same column, in the same case and in another case:
    PersonName.objects.filter(case=second).update(full_name=raw)
    with pytest.raises(CryptoError):
        _ = PersonName.objects.get(case=second).full_name
    note = Note.objects.get(case=first)
    Note.objects.filter(pk=note.pk).update(text=raw)  # another column, same case
    with pytest.raises(CryptoError):
        _ = Note.objects.get(pk=note.pk).text


def test_plaintext_written_into_a_sealed_column_is_refused(world: World) -> None:
    case = _new_case(world, "Сидоров")
    PersonName.objects.filter(case=case).update(full_name=b"Injected plaintext")
    with pytest.raises(CryptoError):
        _ = PersonName.objects.get(case=case).full_name


def test_secret_key_and_database_alone_open_nothing(world: World) -> None:
    case = _new_case(world, "Кузнецов")
    keystore.drop()
    keystore.install(Keyring.create(b"\x01" * 32))  # any other keyring: the SECRET_KEY is no help
    with pytest.raises(CryptoError):
        _ = PersonName.objects.get(case=case).full_name


def test_deleting_a_case_shreds_its_key(world: World) -> None:
    case = _new_case(world, "Смирнов")
    uid, pk = case.uid, case.pk
    wrapped = bytes(CaseKey.objects.get(case=case).wrapped)
    delete_case(case, actor=None)
    assert not CaseKey.objects.filter(case_id=pk).exists()
    assert not PersonName.objects.filter(case_id=pk).exists()
    # The wrapped key survives only in old copies of the database...
    rotate(forget_older=True)  # one rotation is enough
    from safepassage.cores.crypto import unwrap_data_key

    with pytest.raises(UnknownKeyError):  # ...which stop opening once its epoch is forgotten
        unwrap_data_key(keystore.keyring(), wrapped, str(uid))


def test_rotation_keeps_live_cases_readable(world: World) -> None:
    case = _new_case(world, "Волков Дмитрий")
    report = rotate(forget_older=True)
    assert report.rewrapped == Case.objects.count() + TotpSeal.objects.count()  # seed keys too
    assert set(CaseKey.objects.values_list("epoch", flat=True)) == {report.new_epoch}
    assert report.kept == [report.new_epoch]  # the epoch current before it is forgotten too
    fresh = Case.objects.get(pk=case.pk)
    assert PersonName.objects.get(case=fresh).full_name == "Волков Дмитрий"


def test_unsealing_is_audited(settings: object, tmp_path: object, db: None) -> None:
    from safepassage.apps.audit.models import AuditEntry

    settings.KEYRING_STATE_PATH = f"{tmp_path}/state"  # type: ignore[attr-defined]
    shares = keystore.initialise(3, 2)
    unseal_with(shares[:2])
    assert AuditEntry.objects.filter(action="keys.unseal").exists()
    keystore.drop()


def test_a_running_process_follows_a_rotation_made_elsewhere(
    settings: object, tmp_path: object, db: None
) -> None:
    from safepassage.apps.accounts.models import Organisation
    from safepassage.cores.crypto import rewrap_data_key

    settings.KEYRING_STATE_PATH = f"{tmp_path}/state"  # type: ignore[attr-defined]
    settings.MEDIA_ROOT = f"{tmp_path}/media"  # type: ignore[attr-defined]
    shares = keystore.initialise(3, 2)
    unseal_with(shares[:2])  # the long-running server
    org = Organisation.objects.create(slug="o", name="O")
    case = create_case(org, NewCase(legal_name="Фёдоров", country="GE"), actor=None)
    # Another process (keys rotate) opens its own keyring, rotates and re-wraps.
    other = keystore.open_with_shares(shares[1:])
    other.new_epoch()
    keystore.write_state(other.sealed_state())
    row = CaseKey.objects.get(case=case)
    row.wrapped = rewrap_data_key(other, bytes(row.wrapped), str(case.uid))
    row.save()
    with pytest.raises(CryptoError):  # the server still holds only epoch 1...
        _ = PersonName.objects.get(case=Case.objects.get(pk=case.pk)).full_name
    keystore.refresh_if_due(force=True)  # ...until its watcher sees the new state file
    fresh = Case.objects.get(pk=case.pk)
    assert PersonName.objects.get(case=fresh).full_name == "Фёдоров"
    keystore.drop()
