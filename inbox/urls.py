from django.urls import path

from . import views

app_name = "inbox"

urlpatterns = [
    path("", views.email_list, name="list"),
    path("<int:pk>/", views.email_detail, name="detail"),
    path("<int:pk>/enquiry/", views.email_turn_into_enquiry, name="turn"),
    path("<int:pk>/discard/", views.email_discard, name="discard"),
]
