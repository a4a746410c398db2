"""/cover/: officers' absences and their cover."""

from django.urls import path

from . import views

app_name = "cover"

urlpatterns = [
    path("", views.absence_list, name="list"),
    path("new/", views.absence_new, name="new"),
    path("<int:pk>/end/", views.absence_end_view, name="end"),
]
