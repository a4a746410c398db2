from django.urls import path

from . import views

urlpatterns = [
    path("account/email/", views.email_preferences, name="email_preferences"),
    path("organisation/emails-not-delivered/", views.failed_emails, name="failed_emails"),
]
