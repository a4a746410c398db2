"""Included by protocol_site/api_urls.py under /api/v1/ (namespace "api")."""

from django.urls import path

from .views import AdviceRequestListView, LobbyingReportListView

urlpatterns = [
    path("advice/", AdviceRequestListView.as_view(), name="advice-list"),
    path("lobbying/", LobbyingReportListView.as_view(), name="lobbying-list"),
]
