"""/panels/: appointment and dismissal panels (003 §6)."""

from django.urls import path

from . import views

app_name = "panels"

urlpatterns = [
    path("", views.panel_list, name="list"),
    path("add/", views.panel_add, name="add"),
    path("<int:pk>/", views.panel_detail, name="detail"),
    path("<int:pk>/change/", views.panel_change, name="change"),
]
