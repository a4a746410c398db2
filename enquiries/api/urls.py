"""Included by protocol_site/api_urls.py under /api/v1/ (namespace "api")."""

from django.urls import path

from .constituent import EnquiryConstituentView
from .conversation import (
    EnquiryAnswerView,
    EnquiryAskView,
    EnquiryChaseView,
    EnquiryFollowUpView,
    EnquiryMessagesView,
    EnquiryNotesView,
    EnquiryUrgentView,
    EnquiryWithdrawView,
)
from .files import EnquiryAttachmentsView, EnquiryAttachmentView
from .links import EnquiryLinksView, EnquiryRespondLinkedView, EnquiryUnlinkView
from .sharing import EnquirySharingView
from .team import TeamQueueView
from .views import EnquiryDetailView, EnquiryListView
from .wording import EnquiryWordingView

urlpatterns = [
    path("enquiries/", EnquiryListView.as_view(), name="enquiry-list"),
    path("team-queue/", TeamQueueView.as_view(), name="team-queue"),
    path("enquiries/<int:pk>/", EnquiryDetailView.as_view(), name="enquiry-detail"),
    path("enquiries/<int:pk>/messages/", EnquiryMessagesView.as_view(), name="enquiry-messages"),
    path("enquiries/<int:pk>/notes/", EnquiryNotesView.as_view(), name="enquiry-notes"),
    path(
        "enquiries/<int:pk>/attachments/",
        EnquiryAttachmentsView.as_view(),
        name="enquiry-attachments",
    ),
    path(
        "enquiries/<int:pk>/attachments/<int:file_pk>/",
        EnquiryAttachmentView.as_view(),
        name="enquiry-attachment",
    ),
    path("enquiries/<int:pk>/ask/", EnquiryAskView.as_view(), name="enquiry-ask"),
    path("enquiries/<int:pk>/answer/", EnquiryAnswerView.as_view(), name="enquiry-answer"),
    path("enquiries/<int:pk>/chase/", EnquiryChaseView.as_view(), name="enquiry-chase"),
    path("enquiries/<int:pk>/sharing/", EnquirySharingView.as_view(), name="enquiry-sharing"),
    path("enquiries/<int:pk>/links/", EnquiryLinksView.as_view(), name="enquiry-links"),
    path("enquiries/<int:pk>/unlink/", EnquiryUnlinkView.as_view(), name="enquiry-unlink"),
    path(
        "enquiries/<int:pk>/respond-linked/",
        EnquiryRespondLinkedView.as_view(),
        name="enquiry-respond-linked",
    ),
    path("enquiries/<int:pk>/withdraw/", EnquiryWithdrawView.as_view(), name="enquiry-withdraw"),
    path(
        "enquiries/<int:pk>/constituent/",
        EnquiryConstituentView.as_view(),
        name="enquiry-constituent",
    ),
    path("enquiries/<int:pk>/wording/", EnquiryWordingView.as_view(), name="enquiry-wording"),
    path("enquiries/<int:pk>/follow-up/", EnquiryFollowUpView.as_view(), name="enquiry-follow-up"),
    path("enquiries/<int:pk>/urgent/", EnquiryUrgentView.as_view(), name="enquiry-urgent"),
]
