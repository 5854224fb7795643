"""Changes to a case's record: notes, documents, and revealing the exact location."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from safepassage.apps.access.context import access_of
from safepassage.apps.audit.actions import record_case
from safepassage.apps.cases.models import Document, ExactLocation
from safepassage.apps.cases.registry.actions import add_document, add_note
from safepassage.apps.cases.registry.forms import DocumentForm, NoteForm, detected_content_type
from safepassage.apps.cases.registry.lookup import case_in_scope
from safepassage.apps.cases.registry.views import render_case_page
from safepassage.apps.vault import blobs


@require_POST
def note_add_view(request: HttpRequest, reference: str) -> HttpResponse:
    case = case_in_scope(request, reference)
    form = NoteForm(request.POST)
    if not form.is_valid():  # shown again as typed, with the reason
        messages.error(request, _("The note was empty or too long; nothing was saved."))
        return render_case_page(request, case, note_form=form)
    add_note(case, form.cleaned_data["text"], actor=access_of(request).user)
    messages.success(request, _("Note added."))
    return redirect("cases:detail", reference=case.reference)


@require_POST
def document_upload_view(request: HttpRequest, reference: str) -> HttpResponse:
    case = case_in_scope(request, reference)
    form = DocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:  # messages, as text (the stubs also admit ValidationError)
                messages.error(request, str(error))
        return redirect("cases:detail", reference=case.reference)
    upload = form.cleaned_data["file"]
    content_type = detected_content_type(upload.read(16))
    upload.seek(0)
    add_document(
        case,
        form.cleaned_data["title"],
        upload,
        filename=upload.name or "document",
        content_type=content_type,
        actor=access_of(request).user,
    )
    messages.success(request, _("Document stored, encrypted."))
    return redirect("cases:detail", reference=case.reference)


def document_download_view(request: HttpRequest, reference: str, document_id: str) -> HttpResponse:
    case = case_in_scope(request, reference)
    try:
        key = uuid.UUID(document_id)
    except ValueError:
        raise Http404 from None
    document = get_object_or_404(Document, case=case, pk=key)
    content = blobs.read_blob(document)
    access = access_of(request)
    record_case("case.download_document", case, actor_id=access.user.pk)
    response = HttpResponse(content, content_type="application/octet-stream")
    # Never rendered inline from our origin; the name says nothing about the person.
    response["Content-Disposition"] = f'attachment; filename="{case.reference}-{document.pk}"'
    return response


@require_POST
def reveal_location_view(request: HttpRequest, reference: str) -> HttpResponse:
    """The exact address: only for a caseworker assigned to the case, and always audited."""
    case = case_in_scope(request, reference)
    access = access_of(request)
    if not case.assignees.filter(pk=access.user.pk).exists():
        raise Http404
    location = ExactLocation.objects.filter(case=case).first()
    record_case(
        "case.reveal_exact_location",
        case,
        actor_id=access.user.pk,
        detail={"present": location is not None},
    )
    return render(
        request,
        "cases/exact_location.html",
        {
            "case": case,
            "address": location.address if location else None,
        },
    )
