"""Signing in through the council's directory with the sign-in lockout (django-axes) on: a
refusal is not a wrong password, and it never locks the directory out."""

from __future__ import annotations

from django.contrib.auth import SESSION_KEY

from tests.protocol_site.test_sso import directory, provider, sign_in_through_directory

__all__ = ["directory", "provider"]


def test_refusals_do_not_lock_the_directory_out(client, directory, settings, monitoring_officer):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 2
    for _ in range(3):
        assert sign_in_through_directory(client, "stranger").status_code == 403
    response = sign_in_through_directory(client, "mo")
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(monitoring_officer.pk)
