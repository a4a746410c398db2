"""Included by protocol_site/api_urls.py under /api/v1/ (namespace "api")."""

from django.urls import path

from .views import EnquiryDetailView, EnquiryListView

urlpatterns = [
    path("enquiries/", EnquiryListView.as_view(), name="enquiry-list"),
    path("enquiries/<int:pk>/", EnquiryDetailView.as_view(), name="enquiry-detail"),
]
