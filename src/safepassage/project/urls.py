"""Root URL map. Every name here must appear in safepassage.apps.access.policy.POLICY."""

from django.urls import include, path
from django.views.i18n import set_language

from safepassage.apps.api.api import api
from safepassage.apps.shell import views as shell_views

urlpatterns = [
    path("", shell_views.home, name="home"),
    path("health", shell_views.health, name="health"),
    path("i18n/setlang", set_language, name="set_language"),
    path("", include("safepassage.apps.shell.account.urls")),
    path("cases/", include("safepassage.apps.cases.urls")),
    path("audit/", include("safepassage.apps.shell.trail.urls")),
    path("safety/", include("safepassage.apps.safety.urls")),
    path("vetting/", include("safepassage.apps.vetting.urls")),
    path("linkage/", include("safepassage.apps.linkage.urls")),
    path("api/v1/", api.urls),
]

handler400 = "safepassage.apps.shell.views.error_400"
handler403 = "safepassage.apps.shell.views.error_403"
handler404 = "safepassage.apps.shell.views.error_404"
handler500 = "safepassage.apps.shell.views.error_500"
