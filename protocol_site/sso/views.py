"""Signing in and out: the sign-in page (the council's directory and, unless it is switched
off, a password), the directory's start and callback, and signing out at the provider too."""

from __future__ import annotations

import functools
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.generic import View
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from ..security import SignInForm
from . import DIRECTORY, SIGNED_IN_WITH, signed_in_through_directory
from .backend import FAILED, UNAVAILABLE, Refused
from .provider import ProviderUnavailable, allowed_destination, configured, endpoint
from .services import directory_sign_in_record


def password_sign_in_on() -> bool:
    return settings.PASSWORD_SIGN_IN or not configured()


def not_a_password_attempt(request, credentials=None) -> bool:
    """AXES_WHITELIST_CALLABLE: the directory's callback is left out of the sign-in lockout."""
    return request is not None and request.path_info == reverse("sso_callback")


def password_sign_in_only(view):
    """A page that belongs to password sign-in (resetting a password): not there while
    password sign-in is switched off."""

    @functools.wraps(view)  # keeps login_not_required's mark
    def wrapped(request, *args, **kwargs):
        if not password_sign_in_on():
            raise Http404("Password sign-in is switched off.")
        return view(request, *args, **kwargs)

    return wrapped


@login_not_required
def admin_sign_in(request):
    """The Django admin's own sign-in form, or, while password sign-in is off, the site's
    sign-in page (the admin then opens for staff signed in through the directory)."""
    if password_sign_in_on():
        return admin.site.login(request)
    target = reverse("login")
    if next_url := request.GET.get(REDIRECT_FIELD_NAME):
        target += "?" + urlencode({REDIRECT_FIELD_NAME: next_url})
    return HttpResponseRedirect(target)


class SignInView(auth_views.LoginView):
    """The sign-in page. A password posted while password sign-in is off is refused."""

    authentication_form = SignInForm
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        if not password_sign_in_on():
            return render(request, "registration/password_sign_in_off.html", status=403)
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["directory_sign_in"] = configured()
        context["password_sign_in"] = password_sign_in_on()
        start = reverse("sso_start")
        next_url = context.get(self.redirect_field_name)
        context["directory_url"] = f"{start}?{urlencode({'next': next_url})}" if next_url else start
        return context


def _refused(request, refusal: Refused, status: int):
    return render(request, "registration/sso_refused.html", {"refusal": refusal}, status=status)


class DirectorySignInView(OIDCAuthenticationRequestView):
    """Sends the person to the council's directory to sign in (code flow, PKCE, nonce)."""

    def __init__(self, **kwargs):  # mozilla's reads the endpoint here; it is read on use
        View.__init__(self, **kwargs)

    def get(self, request):
        if not configured():
            raise Http404("Signing in through the council's directory is not set up.")
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        try:
            self.OIDC_OP_AUTH_ENDPOINT = endpoint("authorization_endpoint")
        except ProviderUnavailable:
            return _refused(request, Refused(UNAVAILABLE), 503)
        return super().get(request)


class DirectoryCallbackView(OIDCAuthenticationCallbackView):
    """Where the directory sends the person back: signed in as their account, or a page
    saying why not. Either way one audit event."""

    def get(self, request):
        if not configured():
            raise Http404("Signing in through the council's directory is not set up.")
        return super().get(request)

    def login_success(self):
        response = super().login_success()
        self.request.session[SIGNED_IN_WITH] = DIRECTORY
        directory_sign_in_record(user=self.user, email=self.user.email)
        return response

    def login_failure(self):
        refusal = getattr(self.request, "sso_refusal", None) or Refused(FAILED)
        directory_sign_in_record(user=refusal.user, email=refusal.email, refusal=refusal.reason)
        return _refused(self.request, refusal, 503 if refusal.reason == UNAVAILABLE else 403)


def provider_sign_out_url(request) -> str:
    """Where to send someone who signed in through the directory, to end their session there
    too: the provider's end_session_endpoint, back to the sign-in page. "" when it has none."""
    if not configured() or not signed_in_through_directory(request):
        return ""
    try:
        end_session = endpoint("end_session_endpoint")
    except ProviderUnavailable:
        return ""
    if not allowed_destination(end_session):
        return ""
    params = {
        "client_id": settings.OIDC_RP_CLIENT_ID,
        "post_logout_redirect_uri": request.build_absolute_uri(reverse("login")),
    }
    if id_token := request.session.get("oidc_id_token"):
        params["id_token_hint"] = id_token
    separator = "&" if "?" in end_session else "?"
    return f"{end_session}{separator}{urlencode(params)}"


class SignOutView(auth_views.LogoutView):
    """Ends the session here and, for someone who signed in through the directory, there."""

    def post(self, request, *args, **kwargs):
        provider_url = provider_sign_out_url(request)
        response = super().post(request, *args, **kwargs)
        return HttpResponseRedirect(provider_url) if provider_url else response


directory_sign_in = login_not_required(DirectorySignInView.as_view())
directory_callback = login_not_required(DirectoryCallbackView.as_view())
