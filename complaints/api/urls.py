"""Included by protocol_site/api_urls.py under /api/v1/ (namespace "api")."""

from django.urls import path

from .conversation import ComplaintMessagesView
from .rulings import RulingListView
from .views import ComplaintDetailView, ComplaintListView

urlpatterns = [
    path("complaints/", ComplaintListView.as_view(), name="complaint-list"),
    path("complaints/<int:pk>/", ComplaintDetailView.as_view(), name="complaint-detail"),
    path("rulings/", RulingListView.as_view(), name="ruling-list"),
    path(
        "complaints/<int:pk>/messages/",
        ComplaintMessagesView.as_view(),
        name="complaint-messages",
    ),
]
