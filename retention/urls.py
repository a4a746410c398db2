from django.urls import path

from . import views

app_name = "retention"

urlpatterns = [
    path("", views.schedule, name="schedule"),
    path("schedule/<slug:kind>/change/", views.rule_change, name="rule_change"),
    path("holds/", views.holds, name="holds"),
    path("holds/new/", views.hold_new, name="hold_new"),
    path("holds/<int:pk>/lift/", views.hold_lift, name="hold_lift"),
    path("subject-access/", views.subject_search, name="search"),
    path("subject-access/person/<int:pk>/", views.subject_person, name="person"),
    path(
        "subject-access/person/<int:pk>/download/",
        views.subject_person_download,
        name="person_download",
    ),
    path("subject-access/person/<int:pk>/erase/", views.erase_person, name="person_erase"),
    path("subject-access/constituent/<int:pk>/", views.subject_constituent, name="constituent"),
    path(
        "subject-access/constituent/<int:pk>/download/",
        views.subject_constituent_download,
        name="constituent_download",
    ),
    path(
        "subject-access/constituent/<int:pk>/erase/",
        views.erase_constituent,
        name="constituent_erase",
    ),
    path("subject-access/sender/<int:pk>/", views.subject_sender, name="sender"),
    path(
        "subject-access/sender/<int:pk>/download/",
        views.subject_sender_download,
        name="sender_download",
    ),
    path("subject-access/sender/<int:pk>/erase/", views.erase_sender, name="sender_erase"),
]
