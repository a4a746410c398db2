"""Signing in safely: ending a person's sessions, and the sign-in lockout (django-axes).

Passwords (Argon2), the idle timeout and the lockout limits are settings (base.py, README
"Security"); this module holds the pieces that are code.
"""

from __future__ import annotations

import ipaddress
import time
from importlib import import_module

from axes.helpers import get_cool_off
from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.forms import AuthenticationForm, SetPasswordForm
from django.core.exceptions import ImproperlyConfigured
from django.shortcuts import render
from django.utils import timezone

from .forms import GovukFormMixin
from .passwords import min_password_length


def _session_store():
    store = import_module(settings.SESSION_ENGINE).SessionStore
    if not hasattr(store, "get_model_class"):
        raise ImproperlyConfigured(
            "Ending a person's sessions needs a database session engine "
            "(SESSION_ENGINE django.contrib.sessions.backends.db or cached_db)."
        )
    return store


def user_sessions_end(*, user) -> int:
    """End every live session of `user` at once: their next request goes to sign-in.

    Called when a person is deactivated. Only sessions not yet expired are read, and the idle
    timeout keeps those few. Returns how many were ended."""
    store = _session_store()
    user_id = user._meta.pk.value_to_string(user)
    ended = 0
    live = store.get_model_class().objects.filter(expire_date__gt=timezone.now())
    for key, data in live.values_list("session_key", "session_data").iterator():
        if store().decode(data).get(SESSION_KEY) == user_id:
            store(session_key=key).delete()  # the cache too, for cached_db
            ended += 1
    return ended


SESSION_REFRESHED_KEY = "_refreshed_at"


def session_mark_refreshed(sender, request, user, **kwargs):
    """On sign-in (user_logged_in): the new session is saved with a full expiry, so it counts
    as just moved on; the first pages after signing in write nothing more."""
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_REFRESHED_KEY] = int(time.time())


class IdleTimeoutMiddleware:
    """Sliding expiry without a write on every request. A signed-in session is saved, which
    moves its expiry SESSION_COOKIE_AGE on, when it was last moved on SESSION_REFRESH_SECONDS
    or more ago; it therefore ends SESSION_IDLE_TIMEOUT_MINUTES after the last request, give or
    take SESSION_REFRESH_SECONDS. (Django's SESSION_SAVE_EVERY_REQUEST would cost three queries
    on every page.)"""

    KEY = SESSION_REFRESHED_KEY

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and not session.is_empty() and SESSION_KEY in session:
            now = int(time.time())
            if not 0 <= now - session.get(self.KEY, 0) < settings.SESSION_REFRESH_SECONDS:
                session[self.KEY] = now  # modified: the session middleware saves it
        return response


# Sign-in and failure logs are kept this long (for the Monitoring Officer's enquiries into
# misuse), then removed by the nightly purge.
SIGN_IN_LOG_KEEP_DAYS = 90


def sign_in_records_purge(*, now=None) -> int:
    """Nightly (Celery beat): delete expired sessions, and sign-in logs and failure logs older
    than SIGN_IN_LOG_KEEP_DAYS. Lockout counters expire by themselves. Returns rows removed."""
    from axes.models import AccessFailureLog, AccessLog

    now = now or timezone.now()
    sessions = _session_store().get_model_class().objects.filter(expire_date__lt=now).delete()[0]
    cutoff = now - timezone.timedelta(days=SIGN_IN_LOG_KEEP_DAYS)
    logs = sum(
        model.objects.filter(attempt_time__lt=cutoff).delete()[0]
        for model in (AccessLog, AccessFailureLog)
    )
    return sessions + logs


# --- Sign-in lockout --------------------------------------------------------------------------


def client_ip_address(request) -> str | None:
    """The address a sign-in attempt came from (AXES_CLIENT_IP_CALLABLE).

    With TRUSTED_PROXY_COUNT proxies in front, each appending to X-Forwarded-For, the address
    the outermost of them saw; otherwise, or if that is not an address, the connection's."""
    remote = request.META.get("REMOTE_ADDR")
    count = settings.TRUSTED_PROXY_COUNT
    if not count:
        return remote
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in header.split(",") if hop.strip()]
    if len(hops) < count:
        return remote
    try:
        return str(ipaddress.ip_address(hops[-count]))
    except ValueError:
        return remote


def lockout_response(request, original_response=None, credentials=None):
    """The page shown instead of signing in while a username and address are locked out
    (AXES_LOCKOUT_CALLABLE): when they can try again and how to reset the password."""
    cool_off = get_cool_off(request)
    attempted_at = getattr(request, "axes_attempt_time", None) or timezone.now()
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": int(cool_off.total_seconds() // 60),
        "try_again_at": timezone.localtime(attempted_at + cool_off),
    }
    return render(
        request,
        "registration/locked_out.html",
        context,
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )


class SignInForm(GovukFormMixin, AuthenticationForm):
    """Django's sign-in form in GOV.UK words; a NUL in either box is refused by name
    (protocol_site.unstorable)."""

    error_names = {"username": "your username", "password": "your password"}
    error_messages = {
        "invalid_login": "Enter the username and password of your account. Both are "
        "case-sensitive.",
        "inactive": "This account is closed. Ask democratic services to open it again.",
    }


class UnlockingSetPasswordForm(GovukFormMixin, SetPasswordForm):
    """Choosing a new password from the emailed link (which proves the mailbox is theirs) also
    lifts any sign-in lockout on the username, so the person can sign in straight away."""

    error_names = {"new_password1": "a new password", "new_password2": "your new password again"}
    error_messages = {"password_mismatch": "Enter the same new password in both boxes"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        shortest = min_password_length()
        self.fields["new_password1"].help_text = (
            f"Use {shortest} characters or more. Three random words make a strong password. "
            "Do not use only numbers, a common password, or your name or email address."
        )
        self.fields["new_password2"].label = "Confirm your new password"
        self.fields["new_password2"].help_text = ""

    def save(self, commit=True):
        user = super().save(commit=commit)
        if commit:
            axes_reset(username=user.get_username())
        return user
