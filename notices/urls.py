from django.urls import path

from . import views

app_name = "notices"

urlpatterns = [
    path("", views.notice_list, name="list"),
    path("new/", views.notice_new, name="new"),
    path("<int:pk>/", views.notice_detail, name="detail"),
    path("<int:pk>/change/", views.notice_change, name="change"),
    path("<int:pk>/withdraw/", views.notice_withdraw, name="withdraw"),
    path("elections/", views.period_list, name="periods"),
    path("elections/new/", views.period_new, name="period_new"),
    path("elections/<int:pk>/", views.period_detail, name="period"),
    path("elections/<int:pk>/change/", views.period_change, name="period_change"),
    path("elections/<int:pk>/end/", views.period_end, name="period_end"),
    path("protocol/", views.protocol_current, name="protocol"),
    path("protocol/publish/", views.protocol_publish_page, name="protocol_publish"),
    path("protocol/<int:pk>/", views.protocol_version, name="protocol_version"),
    path("protocol/<int:pk>/confirm/", views.protocol_confirm, name="protocol_confirm"),
    path("protocol/<int:pk>/readers/", views.protocol_readers_page, name="protocol_readers"),
    path("protocol/<int:pk>/remind/", views.protocol_remind_page, name="protocol_remind"),
]
