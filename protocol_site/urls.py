from django.contrib import admin
from django.urls import include, path

from .health import healthz, healthz_all
from .sso.views import admin_sign_in

urlpatterns = [
    # Before the admin's own: its sign-in form is password sign-in (off when that is off).
    path("django-admin/", include([path("login/", admin_sign_in)])),
    path("django-admin/", admin.site.urls),
    # For load balancers and monitoring (protocol_site/health.py): no sign-in.
    path("healthz", healthz, name="healthz"),
    path("healthz/all", healthz_all, name="healthz_all"),
    path("", include("registers.urls")),
    path("enquiries/", include("enquiries.urls")),
    path("complaints/", include("complaints.urls")),
    path("groups/", include("groups.urls")),
    path("declarations/", include("declarations.urls")),
    path("panels/", include("declarations.panels.urls")),
    path("notices/meetings/", include("notices.meetings.urls")),
    path("notices/", include("notices.urls")),
    path("advice/", include("advice.urls")),
    path("reports/", include("reports.urls")),
    path("inbox/", include("inbox.urls")),
    path("retention/", include("retention.urls")),
    path("api/v1/", include("protocol_site.api_urls")),
]

# A database time limit tripped outside a view is the "service is busy" page, not a 500.
handler500 = "protocol_site.database.server_error"
