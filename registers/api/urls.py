"""Included by protocol_site/api_urls.py under /api/v1/ (namespace "api")."""

from django.urls import path

from .views import AbsenceListView

urlpatterns = [
    path("absences/", AbsenceListView.as_view(), name="absence-list"),
]
