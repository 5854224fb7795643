"""Possible duplicates: found by the worker as cases are created and edited, shown on the
case page to whoever may see both cases, decided by a coordinator (different people,
merge, and both undone), and across organisations shown as a bare ``LK-`` reference that
never carries the other organisation's case or data."""

from __future__ import annotations

import datetime
import io
import json
from pathlib import Path

import pytest
from django.test import Client

from safepassage.apps.accounts.models import Membership
from safepassage.apps.accounts.tokens import issue_token
from safepassage.apps.audit.models import AuditEntry
from safepassage.apps.cases.models import Case, Note, Notification, PersonName
from safepassage.apps.cases.registry.actions import NewCase, add_document, add_note, create_case
from safepassage.apps.linkage.linking import forget, relink
from safepassage.apps.linkage.models import LinkPair, RelinkDue
from safepassage.cli import main

from .conftest import World, sign_in

pytestmark = pytest.mark.django_db
BIRTH = datetime.date(1994, 3, 8)
CANARY = "Кэнэриев"  # a name planted only in the other organisation


@pytest.fixture(autouse=True)
def _fresh_index() -> None:
    forget()


def _case(world: World, name: str, *, other: bool = False, **extra: object) -> Case:
    organisation = world.other_org if other else world.org
    fields: dict[str, object] = {"birth_date": BIRTH, **extra}
    data = NewCase(legal_name=name, country="KZ", **fields)  # type: ignore[arg-type]
    return create_case(organisation, data, actor=None)


def _pair(first: Case, second: Case) -> LinkPair:
    a, b = sorted((first, second), key=lambda c: c.pk)
    return LinkPair.objects.get(case_a=a, case_b=b)


def test_a_new_case_is_noted_and_the_worker_finds_its_duplicate(world: World) -> None:
    first = _case(world, "Чувиляев Александр Петрович")
    second = _case(world, "Aleksandr CHUVILYAEV")
    assert RelinkDue.objects.filter(case=second).exists()
    assert relink() == 1
    pair = _pair(first, second)
    assert pair.decision == "same"
    assert not pair.cross_organisation
    assert "names" in pair.kind_list
    assert not RelinkDue.objects.exists()
    third = _case(world, "Czuwiliajew Aleksander")
    assert relink() == 2  # the index is kept: only the new case was relinked
    assert LinkPair.objects.filter(case_b=third).count() == 2


def test_an_edit_relinks_the_case_and_a_pair_that_no_longer_holds_goes(world: World) -> None:
    first = _case(world, "Чувиляев Александр Петрович")
    second = _case(world, "Сидоров Пётр")
    relink()
    assert not LinkPair.objects.exists()
    client = sign_in(Client(), world.users["coordinator"])
    client.post(
        f"/cases/{second.reference}/edit/name",
        {"full_name": "Aleksandr Chuvilyaev", "kind": "alias"},
    )
    relink()
    assert _pair(first, second).decision == "same"
    PersonName.objects.filter(case=second, kind="alias").delete()
    RelinkDue.objects.create(case=second, noted_at=datetime.datetime.now(datetime.UTC))
    relink()
    assert not LinkPair.objects.exists()


def test_a_shared_photo_under_different_names_is_an_impostor_signal(world: World) -> None:
    first = _case(world, "Чувиляев Александр")
    second = _case(world, "Сидорова Мария", birth_date=None)
    relink()
    photo = b"\x89PNG\r\n\x1a\n" + b"same picture" * 10
    for case in (first, second):
        add_document(case, "photo", io.BytesIO(photo), filename="p.png",
                     content_type="image/png", actor=world.users["coordinator"])  # fmt: skip
    relink()
    pair = _pair(first, second)
    assert pair.impostor
    assert {"photo", "impostor"} <= set(pair.kind_list)


def test_the_case_page_shows_the_pair_with_reasons_to_whoever_sees_both(world: World) -> None:
    first = _case(world, "Чувиляев Александр Петрович")
    second = _case(world, "Aleksandr CHUVILYAEV")
    first.assignees.add(world.users["caseworker"])
    relink()
    page = sign_in(Client(), world.users["coordinator"]).get(f"/cases/{first.reference}")
    text = page.content.decode()
    assert f"Possibly the same person as {second.reference}" in text
    assert "Names agree" in text
    assert "CHUVILYAEV" in text
    assert "Different people" in text
    # The caseworker is assigned to the first case only: no word of the second.
    page = sign_in(Client(), world.users["caseworker"]).get(f"/cases/{first.reference}")
    assert second.reference not in page.content.decode()
    assert "Possible duplicates" not in page.content.decode()


def _cross_org(world: World) -> tuple[Case, Case, LinkPair]:
    ours = _case(world, "Чувиляев Александр Петрович")
    theirs = _case(world, "Aleksandr CHUVILYAEV", other=True, other_names=[f"{CANARY} Иван"],
                   contact_handle="@canary_handle_77")  # fmt: skip
    add_note(theirs, f"note about {CANARY}", actor=world.users["outsider_coordinator"])
    relink()
    return ours, theirs, _pair(ours, theirs)


def test_across_organisations_each_coordinator_sees_only_a_reference(world: World) -> None:
    ours, theirs, pair = _cross_org(world)
    assert pair.cross_organisation
    assert pair.reasons == []  # nothing about either person is stored for such a pair
    page = sign_in(Client(), world.users["coordinator"]).get(f"/cases/{ours.reference}")
    text = page.content.decode()
    assert "This case may have a duplicate at Organisation B" in text
    assert pair.reference in text
    assert theirs.reference not in text
    assert CANARY not in text
    page = sign_in(Client(), world.users["outsider_coordinator"]).get(f"/cases/{theirs.reference}")
    assert "This case may have a duplicate at Organisation A" in page.content.decode()
    assert ours.reference not in page.content.decode()
    # Their caseworker is no coordinator: no word of it.
    page = sign_in(Client(), world.users["outsider_caseworker"]).get(f"/cases/{theirs.reference}")
    assert pair.reference not in page.content.decode()


def test_the_lookup_shows_the_pair_to_both_coordinators_and_to_nobody_else(world: World) -> None:
    ours, theirs, pair = _cross_org(world)
    for persona, own in (("coordinator", ours), ("outsider_coordinator", theirs)):
        client = sign_in(Client(), world.users[persona])
        text = client.get(f"/linkage/lookup?reference={pair.reference}").content.decode()
        assert "Organisation A / Organisation B" in text
        assert own.reference in text
        assert (theirs if own is ours else ours).reference not in text
        assert CANARY not in text
    assert AuditEntry.objects.filter(action="linkage.lookup", outcome="ok").count() == 2
    # A pair inside organisation A is nobody else's business.
    first = _case(world, "Жуков Дмитрий Сергеевич")
    second = _case(world, "Dmitri Shukow")
    relink()
    inside = _pair(first, second)
    client = sign_in(Client(), world.users["outsider_coordinator"])
    text = client.get(f"/linkage/lookup?reference={inside.reference}").content.decode()
    assert "No pair with this reference concerns your organisation." in text
    assert first.reference not in text
    assert second.reference not in text


def test_the_other_organisations_data_appears_in_no_page_api_answer_or_notification(
    world: World,
) -> None:
    ours, theirs, pair = _cross_org(world)
    client = sign_in(Client(), world.users["coordinator"])
    membership = Membership.objects.filter(user=world.users["coordinator"]).first()
    assert membership is not None
    token = issue_token(membership, "t")
    answers = [
        client.get(path).content.decode()
        for path in ("/", "/cases/", f"/cases/{ours.reference}", "/safety/attention/",
                     f"/linkage/lookup?reference={pair.reference}", "/audit/")
    ]  # fmt: skip
    headers = {"Authorization": f"Bearer {token}"}
    for path in ("/api/v1/cases", f"/api/v1/cases/{ours.reference}"):
        answers.append(Client().get(path, headers=headers).content.decode())
    assert "may be a duplicate" in answers[3]  # the notification is there, about our case
    for text in answers:
        assert CANARY not in text
        assert "canary_handle_77" not in text
        assert theirs.reference not in text
    for note in Notification.objects.filter(user__memberships__organisation=world.org):
        assert note.case_id != theirs.pk


def test_no_one_decides_on_a_pair_across_organisations(world: World) -> None:
    _ours, _theirs, pair = _cross_org(world)
    client = sign_in(Client(), world.users["coordinator"])
    answer = client.post(f"/linkage/{pair.reference}/decide", {"action": "different"})
    assert answer.status_code == 404
    assert LinkPair.objects.get(pk=pair.pk).status == "open"


def test_different_people_is_remembered_audited_and_reopened(world: World) -> None:
    first = _case(world, "Чувиляев Александр Петрович")
    second = _case(world, "Aleksandr CHUVILYAEV")
    relink()
    pair = _pair(first, second)
    client = sign_in(Client(), world.users["coordinator"])
    client.post(
        f"/linkage/{pair.reference}/decide", {"action": "different", "back": first.reference}
    )
    assert LinkPair.objects.get(pk=pair.pk).status == "different"
    forget()
    relink()  # a rebuild from scratch keeps the decision
    assert LinkPair.objects.get(pk=pair.pk).status == "different"
    client.post(f"/linkage/{pair.reference}/decide", {"action": "reopen"})
    assert LinkPair.objects.get(pk=pair.pk).status == "open"
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"linkage.mark_different", "linkage.reopen"} <= actions


def test_merge_copies_into_the_kept_case_closes_the_other_and_unmerge_restores_both(
    world: World,
) -> None:
    keep = _case(world, "Чувиляев Александр Петрович")
    other = _case(world, "Aleksandr CHUVILYAEV", note="seen at the border")
    add_document(other, "passport", io.BytesIO(b"%PDF-1.4 passport scan"), filename="p.pdf",
                 content_type="application/pdf", actor=world.users["coordinator"])  # fmt: skip
    relink()
    pair = _pair(keep, other)
    before = (PersonName.objects.filter(case=keep).count(), Note.objects.filter(case=keep).count())
    client = sign_in(Client(), world.users["coordinator"])
    client.post(f"/linkage/{pair.reference}/decide", {"action": "merge", "keep": keep.reference})
    other.refresh_from_db()
    assert other.stage == "closed"
    names = [n.full_name for n in PersonName.objects.filter(case=keep)]
    assert "Aleksandr CHUVILYAEV" in names
    assert any(n.text.endswith("seen at the border") for n in Note.objects.filter(case=keep))
    assert keep.documents.count() == 1
    page = client.get(f"/cases/{keep.reference}/documents/{keep.documents.get().pk}")
    assert page.status_code == 200
    relink()  # the closed case is linked no more; the pair stays, as merged
    assert LinkPair.objects.get(pk=pair.pk).status == "merged"
    client.post(f"/linkage/{pair.reference}/decide", {"action": "unmerge"})
    other.refresh_from_db()
    assert other.stage == "intake"
    after = (PersonName.objects.filter(case=keep).count(), Note.objects.filter(case=keep).count())
    assert after == before
    assert keep.documents.count() == 0
    assert other.documents.count() == 1
    actions = list(
        AuditEntry.objects.filter(action__startswith="linkage.m").values_list("action", flat=True)
    )
    assert actions.count("linkage.merge") == 2  # one entry on each case
    assert LinkPair.objects.get(pk=pair.pk).status == "open"


def test_only_a_coordinator_decides(world: World) -> None:
    first = _case(world, "Чувиляев Александр Петрович")
    second = _case(world, "Aleksandr CHUVILYAEV")
    relink()
    pair = _pair(first, second)
    for persona in ("caseworker", "vetting", "auditor", "outsider_coordinator"):
        client = sign_in(Client(), world.users[persona])
        answer = client.post(f"/linkage/{pair.reference}/decide", {"action": "different"})
        assert answer.status_code in (403, 404), persona
    assert LinkPair.objects.get(pk=pair.pk).status == "open"


def test_the_duplicates_command_writes_one_json_line_per_pair_same_first(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _case(world, "Чувиляев Александр Петрович")
    second = _case(world, "Aleksandr CHUVILYAEV", other=True)
    third = _case(world, "Chuvilyaev Alexander", birth_date=None)
    monkeypatch.setattr("safepassage.commands.cases.unseal_from_args", lambda args: True)
    out = tmp_path / "pairs.jsonl"
    assert main(["cases", "duplicates", "--out", str(out)]) == 0
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert {(p["a"], p["b"]) for p in lines} == {
        tuple(sorted((x.reference, y.reference)))
        for x, y in ((first, second), (first, third), (second, third))
    }
    assert all(p["a"] < p["b"] for p in lines)
    assert [p["decision"] for p in lines] == sorted(
        (p["decision"] for p in lines), key=lambda d: d != "same"
    )
    assert set(lines[0]) == {"a", "b", "score", "decision", "reasons"}
    assert (out.stat().st_mode & 0o777) == 0o600
    assert main(["cases", "duplicates", "--out", str(out)]) == 2  # never overwrites


def test_the_demo_has_one_duplicate_inside_an_organisation_and_one_across_two(
    unsealed: object,
) -> None:
    from safepassage.demo.loader import load_demo

    load_demo(cases_per_organisation=2)
    inside = LinkPair.objects.filter(cross_organisation=False, decision="same")
    across = LinkPair.objects.filter(cross_organisation=True)
    assert {p.case_a.organisation.slug for p in inside} == {"northern-route"}
    assert {
        frozenset((p.case_a.organisation.slug, p.case_b.organisation.slug)) for p in across
    } == {frozenset(("northern-route", "harbour-legal"))}
    for pair in across:
        assert "handle" in pair.kind_list


def test_an_impostor_signal_is_flagged_on_the_vetting_queue_and_names_no_other_case(
    world: World,
) -> None:
    ours = _case(world, "Чувиляев Александр", contact_handle="@shared_handle_42")
    theirs = _case(world, f"{CANARY} Иван", other=True, birth_date=None,
                   contact_handle="@shared_handle_42")  # fmt: skip
    plain = _case(world, "Петров Иван", birth_date=datetime.date(1980, 1, 2))
    relink()
    assert _pair(ours, theirs).impostor
    officer = sign_in(Client(), world.users["vetting"])
    page = officer.get("/vetting/queue").content.decode()
    assert ours.reference in page
    assert "possible impostor" in page
    assert plain.reference not in page
    assert theirs.reference not in page
    assert CANARY not in page
    LinkPair.objects.filter(pk=_pair(ours, theirs).pk).update(status="different")
    assert ours.reference not in officer.get("/vetting/queue").content.decode()
