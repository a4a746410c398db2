from django.contrib.auth import views as auth_views
from django.urls import include, path

from protocol_site.passwords import OutboxPasswordResetForm
from protocol_site.security import SignInForm, UnlockingSetPasswordForm

from .views.decisions import decision_list
from .views.home import healthz, home
from .views.pickers import officer_search

urlpatterns = [
    path("", home, name="home"),
    path("healthz", healthz, name="healthz"),
    path("decisions/", decision_list, name="decisions"),
    path("officers/search/", officer_search, name="officer_search"),
    path(
        "sign-in/",
        auth_views.LoginView.as_view(
            redirect_authenticated_user=True, authentication_form=SignInForm
        ),
        name="login",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password/reset/",
        auth_views.PasswordResetView.as_view(form_class=OutboxPasswordResetForm),
        name="password_reset",
    ),
    path(
        "password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "password/choose/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(form_class=UnlockingSetPasswordForm),
        name="password_reset_confirm",
    ),
    path(
        "password/chosen/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("organisation/", include("registers.manage.urls")),
    path("visits/", include("registers.visits.urls")),
]
