from django.contrib.auth import views as auth_views
from django.urls import include, path

from protocol_site.passwords import OutboxPasswordResetForm
from protocol_site.security import UnlockingSetPasswordForm
from protocol_site.sso.views import (
    SignInView,
    SignOutView,
    directory_callback,
    directory_sign_in,
    password_sign_in_only,
)

from .second_factor import people as second_factor_people
from .views.decisions import decision_list
from .views.home import home
from .views.pickers import officer_search
from .views.whoswho import whos_who_page

urlpatterns = [
    path("", home, name="home"),
    path("decisions/", decision_list, name="decisions"),
    path("officers/search/", officer_search, name="officer_search"),
    path("whos-who/", whos_who_page, name="whos_who"),
    path("sign-in/", SignInView.as_view(), name="login"),
    # Signing in through the council's directory (protocol_site.sso).
    path("sign-in/directory/", directory_sign_in, name="sso_start"),
    path("sign-in/directory/callback/", directory_callback, name="sso_callback"),
    path("sign-out/", SignOutView.as_view(), name="logout"),
    path(
        "password/reset/",
        password_sign_in_only(
            auth_views.PasswordResetView.as_view(form_class=OutboxPasswordResetForm)
        ),
        name="password_reset",
    ),
    path(
        "password/reset/sent/",
        password_sign_in_only(auth_views.PasswordResetDoneView.as_view()),
        name="password_reset_done",
    ),
    path(
        "password/choose/<uidb64>/<token>/",
        password_sign_in_only(
            auth_views.PasswordResetConfirmView.as_view(form_class=UnlockingSetPasswordForm)
        ),
        name="password_reset_confirm",
    ),
    path(
        "password/chosen/",
        password_sign_in_only(auth_views.PasswordResetCompleteView.as_view()),
        name="password_reset_complete",
    ),
    path("", include("registers.email.urls")),
    path("account/second-factor/", include("registers.second_factor.urls")),
    path(
        "organisation/authenticator-apps/",
        second_factor_people.app_list,
        name="second_factor_people",
    ),
    path(
        "organisation/authenticator-apps/<int:pk>/reset/",
        second_factor_people.app_reset,
        name="second_factor_reset",
    ),
    path("organisation/", include("registers.manage.urls")),
    path("visits/", include("registers.visits.urls")),
    path("cover/", include("registers.cover.urls")),
]
