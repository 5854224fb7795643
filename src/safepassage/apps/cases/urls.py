"""Case pages (URL names ``cases:*``), one subpackage per concern."""

from django.urls import path

from safepassage.apps.cases.lifecycle import deadlines
from safepassage.apps.cases.lifecycle import views as lifecycle
from safepassage.apps.cases.record import entry_views, section_views
from safepassage.apps.cases.record import views as record
from safepassage.apps.cases.registry import delete
from safepassage.apps.cases.registry import views as registry

app_name = "cases"

urlpatterns = [
    path("", registry.case_list_view, name="list"),
    path("new", registry.case_create_view, name="create"),
    path("deadlines", deadlines.deadlines_view, name="deadlines"),
    path("<str:reference>", registry.case_detail_view, name="detail"),
    path("<str:reference>/notes", record.note_add_view, name="add_note"),
    path("<str:reference>/documents", record.document_upload_view, name="upload"),
    path(
        "<str:reference>/documents/<str:document_id>",
        record.document_download_view,
        name="document",
    ),
    path("<str:reference>/location", record.reveal_location_view, name="reveal_location"),
    path(
        "<str:reference>/edit/<str:section>", section_views.section_edit_view, name="edit_section"
    ),
    path(
        "<str:reference>/entries/<str:kind>/<str:entry_id>",
        entry_views.entry_edit_view,
        name="edit_entry",
    ),
    path(
        "<str:reference>/entries/<str:kind>/<str:entry_id>/remove",
        entry_views.entry_remove_view,
        name="remove_entry",
    ),
    path("<str:reference>/move", lifecycle.move_view, name="move"),
    path("<str:reference>/delete", delete.case_delete_view, name="delete"),
    path("<str:reference>/assign", lifecycle.assign_view, name="assign"),
    path("<str:reference>/pathway", lifecycle.pathway_view, name="pathway"),
    path("<str:reference>/signoff", lifecycle.signoff_view, name="signoff"),
    path("<str:reference>/events", lifecycle.event_view, name="event"),
    path("<str:reference>/suspensions", lifecycle.suspension_view, name="suspension"),
    path(
        "<str:reference>/deadlines/<int:deadline_id>/met",
        lifecycle.deadline_met_view,
        name="deadline_met",
    ),
]
