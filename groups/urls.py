from django.urls import path

from . import views
from .induction import group_induction

app_name = "groups"

urlpatterns = [
    path("", views.briefing_list, name="list"),
    path("new/", views.briefing_new, name="new"),
    path("equal-access/", views.equal_access, name="equal_access"),
    path("induction/<int:pk>/", group_induction, name="induction"),
    path("<int:pk>/", views.briefing_detail, name="detail"),
    path("<int:pk>/decide/", views.briefing_decide, name="decide"),
    path("<int:pk>/withdraw/", views.briefing_withdraw, name="withdraw"),
    path("<int:pk>/note/", views.briefing_note, name="note"),
    path("<int:pk>/attendance/", views.briefing_attendance, name="attendance"),
    path("<int:pk>/share/", views.briefing_share, name="share"),
    path("<int:pk>/share/<int:share_pk>/remove/", views.briefing_unshare, name="unshare"),
    path("offered/<int:pk>/", views.offer_detail, name="offer"),
    path("shared/<int:pk>/", views.shared_detail, name="shared"),
    path("representatives/", views.representative_list, name="representatives"),
    path("representatives/new/", views.representative_new, name="representative_new"),
    path("representatives/<int:pk>/", views.representative_detail, name="representative"),
    path(
        "representatives/<int:pk>/decide/",
        views.representative_decide,
        name="representative_decide",
    ),
    path("representatives/<int:pk>/held/", views.representative_held, name="representative_held"),
]
