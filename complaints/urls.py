from django.urls import path

from . import views

app_name = "complaints"

urlpatterns = [
    path("", views.complaint_list, name="list"),
    path("complaints.csv", views.complaint_list_csv, name="list_csv"),
    path("new/", views.complaint_new, name="new"),
    path("patterns/", views.patterns, name="patterns"),
    path("<int:pk>/", views.complaint_detail, name="detail"),
    path("<int:pk>/acknowledge/", views.complaint_acknowledge, name="acknowledge"),
    path("<int:pk>/resolve/", views.complaint_resolve, name="resolve"),
    path("<int:pk>/refer/", views.complaint_refer, name="refer"),
    path("<int:pk>/escalate/", views.complaint_escalate, name="escalate"),
    path("<int:pk>/withdraw/", views.complaint_withdraw, name="withdraw"),
    path("<int:pk>/notify-subject/", views.complaint_notify_subject, name="notify_subject"),
    path("<int:pk>/report/", views.complaint_report, name="report"),
    path("<int:pk>/message/", views.complaint_message, name="message"),
    path(
        "<int:pk>/chief-executive-decision/",
        views.complaint_chief_executive_decision,
        name="chief_executive_decision",
    ),
    path(
        "<int:pk>/standards-committee/",
        views.complaint_standards_committee,
        name="standards_committee",
    ),
    path("rulings/", views.ruling_list, name="rulings"),
    path("rulings/new/", views.ruling_new, name="ruling_new"),
    path("rulings/<int:pk>/", views.ruling_detail, name="ruling_detail"),
]
