"""/visits/: members' visits to council premises (REG-3)."""

from django.urls import path

from . import views

app_name = "visits"

urlpatterns = [
    path("", views.visit_list, name="list"),
    path("new/", views.visit_new, name="new"),
    path("unannounced/", views.visit_unannounced, name="unannounced"),
    path("<int:pk>/", views.visit_detail, name="detail"),
    path("<int:pk>/arrange/", views.visit_arrange_view, name="arrange"),
    path("<int:pk>/cancel/", views.visit_cancel_view, name="cancel"),
]
