from django.urls import path

from . import views

app_name = "enquiries"

urlpatterns = [
    path("", views.enquiry_list, name="list"),
    path("enquiries.csv", views.enquiry_list_csv, name="list_csv"),
    path("new/", views.enquiry_new, name="new"),
    path("record/", views.enquiry_record, name="record"),
    path("performance/", views.performance, name="performance"),
    path("wording/", views.wording_list, name="wording_list"),
    path("wording/add/", views.wording_add, name="wording_add"),
    path("wording/<int:pk>/change/", views.wording_change, name="wording_change"),
    path("wording/<int:pk>/retire/", views.wording_retire, name="wording_retire"),
    path("<int:pk>/", views.enquiry_detail, name="detail"),
    path("<int:pk>/acknowledge/", views.enquiry_acknowledge, name="acknowledge"),
    path("<int:pk>/holding-reply/", views.enquiry_holding_reply, name="holding"),
    path("<int:pk>/extension/", views.enquiry_extension, name="extension"),
    path(
        "<int:pk>/extension/<int:req>/",
        views.enquiry_extension_decide,
        name="extension_decide",
    ),
    path("<int:pk>/guidance/", views.enquiry_guidance, name="guidance"),
    path("<int:pk>/reassign/", views.enquiry_reassign, name="reassign"),
    path("<int:pk>/respond/", views.enquiry_respond, name="respond"),
    path("<int:pk>/decline/", views.enquiry_decline, name="decline"),
    path("<int:pk>/message/", views.enquiry_message, name="message"),
    path("<int:pk>/note/", views.enquiry_note, name="note"),
    path("<int:pk>/ask/", views.enquiry_ask, name="ask"),
    path("<int:pk>/answer/", views.enquiry_answer, name="answer"),
    path("<int:pk>/chase/", views.enquiry_chase, name="chase"),
    path("<int:pk>/withdraw/", views.enquiry_withdraw, name="withdraw"),
    path("<int:pk>/share/", views.enquiry_share, name="share"),
    path("<int:pk>/link/", views.enquiry_link, name="link"),
    path("<int:pk>/unlink/", views.enquiry_unlink, name="unlink"),
    path("<int:pk>/respond-linked/", views.enquiry_respond_linked, name="respond_linked"),
    path("<int:pk>/constituent/", views.enquiry_constituent, name="constituent"),
    path("<int:pk>/follow-up/", views.enquiry_follow_up, name="follow_up"),
    path("<int:pk>/urgent/", views.enquiry_urgent, name="urgent"),
    path("<int:pk>/not-urgent/", views.enquiry_not_urgent, name="not_urgent"),
    path("<int:pk>/attachment/", views.enquiry_attachment, name="attachment"),
    path("<int:pk>/files/<int:file_pk>/", views.enquiry_file, name="file"),
    path("<int:pk>/copy/", views.enquiry_copy, name="copy"),
]
