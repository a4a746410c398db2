"""/notices/meetings/: members' public meetings on council business."""

from django.urls import path

from . import views

app_name = "member_meetings"

urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("new/", views.meeting_new, name="new"),
    path("<int:pk>/", views.meeting_detail, name="detail"),
    path("<int:pk>/cancel/", views.meeting_cancel, name="cancel"),
]
