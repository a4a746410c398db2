from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("", include("registers.urls")),
    path("enquiries/", include("enquiries.urls")),
    path("complaints/", include("complaints.urls")),
    path("groups/", include("groups.urls")),
    path("declarations/", include("declarations.urls")),
    path("panels/", include("declarations.panels.urls")),
    path("notices/", include("notices.urls")),
    path("reports/", include("reports.urls")),
    path("api/v1/", include("protocol_site.api_urls")),
]
