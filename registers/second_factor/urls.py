from django.urls import path

from . import views

urlpatterns = [
    path("set-up/", views.set_up, name="second_factor_set_up"),
    path("", views.verify, name="second_factor_verify"),
    path("recovery-codes/", views.recovery_codes, name="second_factor_recovery_codes"),
    path("replace/", views.replace, name="second_factor_replace"),
]
