from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("annual/", views.annual_report, name="annual"),
    path("annual/download/", views.annual_report_download, name="annual_download"),
    path("directorate/", views.directorate_report, name="directorate"),
]
