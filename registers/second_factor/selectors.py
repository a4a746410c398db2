"""The people with an authenticator app (or one half set up), for democratic services."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice


def people_with_an_app() -> QuerySet:
    """Each person with an authenticator app, set up or being set up: whether it is confirmed
    and how many recovery codes they have left, in one query."""
    confirmed = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
    codes_left = (
        StaticToken.objects.filter(device__user=OuterRef("pk"))
        .order_by()
        .values("device__user")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        get_user_model()
        .objects.filter(Exists(TOTPDevice.objects.filter(user=OuterRef("pk"))))
        .annotate(app_confirmed=Exists(confirmed), codes_left=codes_left)
        .order_by("last_name", "first_name", "username")
    )


def person_with_an_app(pk: int):
    """One person from that list, or None."""
    return people_with_an_app().filter(Q(pk=pk)).first()
