"""A coordinator's decisions on a pair: different people, reopen, merge and unmerge.

A merge copies, never moves: the case that keeps gets copies of the other's names (as
aliases), uploaded documents (re-encrypted under its own key), notes (marked with the
other's reference) and held document numbers; the other case is closed (stage ``closed``)
with its own record and audit history intact, and the pair remembers the merge. Unmerging
deletes exactly the copies and returns the closed case to its stage: both are as before.
Every decision is audited on both cases with ids only.
"""

from __future__ import annotations

import io

from django.db import transaction

from safepassage.apps.accounts import clock
from safepassage.apps.accounts.models import User
from safepassage.apps.audit.actions import record_case
from safepassage.apps.cases.lifecycle.stages import Stage
from safepassage.apps.cases.models import Case, Document, Identity, Note, PersonName
from safepassage.apps.cases.models.record import NameKind
from safepassage.apps.cases.registry.watchers import record_changed
from safepassage.apps.linkage.models import LinkPair, Merge, PairStatus
from safepassage.apps.vault import blobs


class DecisionRefused(ValueError):
    """A decision that does not apply to this pair in its state (said to the reader)."""


def _audit(action: str, pair: LinkPair, actor: User) -> None:
    for case in (pair.case_a, pair.case_b):
        record_case(action, case, actor_id=actor.pk, detail={"pair": pair.reference})


def _decide(pair: LinkPair, status: str, actor: User, action: str) -> None:
    with transaction.atomic():
        pair.status = status
        pair.decided_by = actor
        pair.decided_at = clock.now()
        pair.save(update_fields=["status", "decided_by", "decided_at"])
        _audit(action, pair, actor)


def mark_different(pair: LinkPair, actor: User) -> None:
    if pair.status != PairStatus.OPEN:
        raise DecisionRefused("only an open pair can be marked as different people")
    _decide(pair, PairStatus.DIFFERENT, actor, "linkage.mark_different")


def reopen(pair: LinkPair, actor: User) -> None:
    if pair.status != PairStatus.DIFFERENT:
        raise DecisionRefused("only a pair marked as different people can be reopened")
    _decide(pair, PairStatus.OPEN, actor, "linkage.reopen")


def _copy_names(source: Case, target: Case) -> list[str]:
    have = {n.full_name for n in PersonName.objects.filter(case=target)}
    position = max((n.position for n in PersonName.objects.filter(case=target)), default=0)
    copied = []
    for name in PersonName.objects.filter(case=source):
        if name.full_name in have:
            continue
        position += 1
        kind = NameKind.ALIAS if name.kind == NameKind.LEGAL else name.kind
        row = PersonName.objects.create(
            case=target, kind=kind, position=position, full_name=name.full_name
        )
        copied.append(str(row.pk))
    return copied


def _copy_notes(source: Case, target: Case) -> list[str]:
    copied = []
    for note in Note.objects.filter(case=source):
        row = Note.objects.create(
            case=target, author_id=note.author_id, text=f"[{source.reference}] {note.text}"
        )
        copied.append(str(row.pk))
    return copied


def _copy_documents(source: Case, target: Case, written: list[str]) -> list[str]:
    copied = []
    for document in Document.objects.filter(case=source):
        row = Document(case=target, title=document.title, blob_name=blobs.new_blob_name())
        written.append(row.blob_name)
        blobs.write_blob(row, io.BytesIO(blobs.read_blob(document)))
        row.meta = document.meta
        row.save()
        copied.append(str(row.pk))
    return copied


def _copy_held(source: Case, target: Case) -> list[dict[str, object]]:
    theirs = Identity.objects.filter(case=source).first()
    ours = Identity.objects.filter(case=target).first()
    if theirs is None or ours is None or not isinstance(theirs.documents, list):
        return []
    held = list(ours.documents) if isinstance(ours.documents, list) else []
    added = [d for d in theirs.documents if d not in held]
    if added:
        ours.documents = held + added
        ours.save()
    return added


def merge(pair: LinkPair, keep: Case, actor: User) -> Merge:
    """Merge the other case of ``pair`` into ``keep``."""
    if pair.status != PairStatus.OPEN or pair.cross_organisation:
        raise DecisionRefused("only an open pair inside one organisation can be merged")
    closed = pair.other(keep)
    written: list[str] = []
    try:
        with transaction.atomic():
            copies = {
                "names": _copy_names(closed, keep),
                "notes": _copy_notes(closed, keep),
                "documents": _copy_documents(closed, keep, written),
                "held": _copy_held(closed, keep),
            }
            done = Merge.objects.create(
                pair=pair, case=keep, merged=closed, previous_stage=closed.stage,
                merged_by=actor, merged_at=clock.now(), copies=copies,
            )  # fmt: skip
            closed.stage = Stage.CLOSED
            closed.save(update_fields=["stage", "updated_at"])
            _decide(pair, PairStatus.MERGED, actor, "linkage.merge")
            record_changed(keep, "merged")
            record_changed(closed, "merged")
    except BaseException:
        for name in written:
            blobs.delete_blob(name)
        raise
    return done


def _remove_held(case: Case, added: list[object]) -> None:
    identity = Identity.objects.filter(case=case).first()
    if identity is not None and isinstance(identity.documents, list) and added:
        identity.documents = [d for d in identity.documents if d not in added]
        identity.save()


def unmerge(pair: LinkPair, actor: User) -> None:
    """Undo the pair's merge: delete the copies, reopen the closed case at its stage."""
    done = Merge.objects.filter(pair=pair, undone_at__isnull=True).first()
    if pair.status != PairStatus.MERGED or done is None:
        raise DecisionRefused("only a merged pair can be unmerged")
    copies = done.copies if isinstance(done.copies, dict) else {}
    with transaction.atomic():
        PersonName.objects.filter(case=done.case, pk__in=copies.get("names", [])).delete()
        Note.objects.filter(case=done.case, pk__in=copies.get("notes", [])).delete()
        documents = Document.objects.filter(case=done.case, pk__in=copies.get("documents", []))
        names = list(documents.values_list("blob_name", flat=True))
        documents.delete()
        _remove_held(done.case, list(copies.get("held", [])))
        done.merged.stage = done.previous_stage
        done.merged.save(update_fields=["stage", "updated_at"])
        done.undone_at = clock.now()
        done.save(update_fields=["undone_at"])
        _decide(pair, PairStatus.OPEN, actor, "linkage.unmerge")
        record_changed(done.case, "merged")
        record_changed(done.merged, "merged")
    for name in names:
        blobs.delete_blob(name)
