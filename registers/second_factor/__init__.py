"""The second factor (django-otp): the Monitoring Officer (and a Deputy), democratic services,
the Chief Executive and superusers, signing in with a password, must also give a code from an
authenticator app (TOTP) or one of their recovery codes, when SECOND_FACTOR_REQUIRED is on.
Someone signed in through the council's directory is not asked: the directory does that.
"""

from __future__ import annotations

from django.conf import settings

from protocol_site.sso import signed_in_through_directory

from ..models import StatutoryRole
from ..roles import Role, person_for

ROLES = (Role.MONITORING_OFFICER, Role.DEMOCRATIC_SERVICES, Role.CHIEF_EXECUTIVE)


def must_use_second_factor(user) -> bool:
    """Whether `user`'s roles call for a second factor (the setting aside)."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    person = person_for(user)
    return any(person.has(role) for role in ROLES) or (
        StatutoryRole.Kind.DEPUTY_MONITORING_OFFICER in person.statutory_kinds
    )


def needs_second_factor(request) -> bool:
    """The signed-in person must give their second factor before going any further."""
    if not settings.SECOND_FACTOR_REQUIRED:
        return False
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or signed_in_through_directory(request):
        return False
    is_verified = getattr(user, "is_verified", None)
    if is_verified is not None and is_verified():
        return False
    return must_use_second_factor(user)
