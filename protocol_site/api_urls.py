"""The versioned JSON API, included at /api/v1/ (namespace "api").

Each app keeps its endpoints beside its code and is included here by name, as the site's
urls.py includes the apps' pages. Every endpoint needs a session or a token: an API answers
401/403 rather than redirecting to the sign-in page.
"""

from django.urls import include, path
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView
from rest_framework.permissions import IsAuthenticated

from .api_rules import CouncilRulesView

app_name = "api"


@extend_schema(exclude=True)
class SchemaView(SpectacularAPIView):
    """The OpenAPI document, for signed-in callers (the site has no public pages)."""

    permission_classes = [IsAuthenticated]


urlpatterns = [
    path("", include("registers.api.urls")),
    path("", include("enquiries.api.urls")),
    path("", include("complaints.api.urls")),
    path("", include("advice.api.urls")),
    path("", include("notices.meetings.api")),
    path("council-rules/", CouncilRulesView.as_view(), name="council-rules"),
    path("schema/", SchemaView.as_view(), name="schema"),
]
