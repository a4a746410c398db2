"""Signing in through the council's directory, against a real OpenID provider on the loopback
(tests/oidc): people are matched to their account by a verified email address only, nobody
else gets in, password sign-in can be switched off, signing out ends both sessions."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import SESSION_KEY

from protocol_site.models import AuditEvent
from protocol_site.sso.provider import forget_discovery
from tests.oidc import CLIENT_ID, LocalProvider, sign_in_at_provider
from tests.test_settings import PRODUCTION_REQUIRED, _load_settings

CALLBACK = "http://testserver/sign-in/directory/callback/"


@pytest.fixture(scope="module")
def provider():
    started = LocalProvider(
        redirect_uris=[CALLBACK], post_logout_redirect_uris=["http://testserver/sign-in/"]
    )
    yield started
    started.stop()


@pytest.fixture
def directory(provider, settings):
    for name, value in provider.settings().items():
        setattr(settings, name, value)
    forget_discovery()
    yield provider
    forget_discovery()


def sign_in_through_directory(client, login: str, next_url: str = ""):
    start = client.get("/sign-in/directory/" + (f"?next={next_url}" if next_url else ""))
    assert start.status_code == 302
    back = sign_in_at_provider(start["Location"], login)
    parts = urlsplit(back)
    return client.get(parts.path, parse_qs(parts.query))


def test_a_verified_address_signs_the_person_in_as_their_account(
    client, directory, monitoring_officer
):
    start = client.get("/sign-in/directory/")
    query = parse_qs(urlsplit(start["Location"]).query)
    assert start["Location"].startswith(directory.issuer)
    assert query["client_id"] == [CLIENT_ID]
    assert query["code_challenge_method"] == ["S256"] and query["nonce"]

    back = urlsplit(sign_in_at_provider(start["Location"], "mo"))
    response = client.get(back.path, parse_qs(back.query))

    assert response.status_code == 302 and response["Location"] == "/"
    assert client.session[SESSION_KEY] == str(monitoring_officer.pk)
    assert client.get("/").status_code == 200
    event = AuditEvent.objects.get(action="sign_in.directory")
    assert event.actor == monitoring_officer
    assert event.summary == "monitoring.officer@example.gov.uk"


def test_the_person_comes_back_to_the_page_they_asked_for(client, directory, monitoring_officer):
    response = sign_in_through_directory(client, "mo", next_url="/decisions/")
    assert response["Location"] == "/decisions/"


def test_an_address_the_directory_has_not_verified_is_refused(
    client, directory, monitoring_officer
):
    response = sign_in_through_directory(client, "mo-unverified")

    assert response.status_code == 403
    assert "Your email address is not confirmed" in response.content.decode()
    assert SESSION_KEY not in client.session
    event = AuditEvent.objects.get(action="sign_in.directory_refused")
    assert "has not verified" in event.summary


def test_someone_the_service_does_not_know_is_refused_politely(client, directory, org):
    response = sign_in_through_directory(client, "stranger")

    page = response.content.decode()
    assert response.status_code == 403
    assert "You do not have an account in this service" in page
    assert "stranger@example.gov.uk" in page
    assert "govuk-header" in page or "govuk-service-navigation" in page  # the site's own page
    assert SESSION_KEY not in client.session
    assert AuditEvent.objects.filter(action="sign_in.directory_refused").count() == 1


def test_a_closed_account_is_refused(client, directory, monitoring_officer):
    monitoring_officer.is_active = False
    monitoring_officer.save(update_fields=["is_active"])

    response = sign_in_through_directory(client, "mo")

    assert response.status_code == 403
    assert "Your account is closed" in response.content.decode()
    assert SESSION_KEY not in client.session


def test_two_accounts_with_the_address_are_refused(client, directory, monitoring_officer, officer):
    officer.email = monitoring_officer.email.upper()
    officer.save(update_fields=["email"])

    response = sign_in_through_directory(client, "mo")

    assert response.status_code == 403
    assert "More than one account has your email address" in response.content.decode()


def test_a_cancelled_sign_in_is_refused_without_signing_anyone_in(client, directory, org):
    response = client.get("/sign-in/directory/callback/", {"error": "access_denied", "state": "x"})
    assert response.status_code == 403
    assert "Signing in did not finish" in response.content.decode()


def test_a_provider_that_does_not_answer_is_a_page_not_an_error(client, settings, org):
    settings.OIDC_ISSUER = "http://127.0.0.1:9"  # nothing listens on the discard port
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = "x"
    settings.OIDC_ENDPOINTS = {}
    forget_discovery()
    response = client.get("/sign-in/directory/")
    assert response.status_code == 503
    assert "Sorry, signing in is not working" in response.content.decode()


def test_signing_out_ends_the_session_at_the_provider_too(client, directory, monitoring_officer):
    sign_in_through_directory(client, "mo")

    response = client.post("/sign-out/")

    location = urlsplit(response["Location"])
    query = parse_qs(location.query)
    assert response["Location"].startswith(directory.issuer)
    assert query["post_logout_redirect_uri"] == ["http://testserver/sign-in/"]
    assert query["id_token_hint"]
    assert SESSION_KEY not in client.session
    # The provider takes the sign-out (it asks the person to confirm).
    import requests

    assert requests.get(response["Location"], timeout=10).status_code == 200


def test_a_password_session_signs_out_here_only(client, directory, officer):
    client.force_login(officer)
    response = client.post("/sign-out/")
    assert response["Location"] == "/sign-in/"


def test_the_policy_lets_the_sign_out_form_lead_to_the_provider(client, directory, officer):
    client.force_login(officer)
    policy = client.get("/")["Content-Security-Policy"]
    form_action = next(part for part in policy.split(";") if "form-action" in part)
    assert directory.issuer in form_action and "'self'" in form_action


def test_without_the_directory_the_policy_is_the_sites_own(client, officer):
    client.force_login(officer)
    policy = client.get("/")["Content-Security-Policy"]
    assert "form-action 'self';" in policy + ";"


# --- The sign-in page -------------------------------------------------------------------------


def test_the_sign_in_page_offers_both_while_passwords_stay_on(client, directory):
    page = client.get("/sign-in/?next=/decisions/").content.decode()
    assert "Sign in with your Test Borough Council account" in page
    assert 'href="/sign-in/directory/?next=%2Fdecisions%2F"' in page
    assert 'name="password"' in page


def test_without_the_directory_only_the_password_form_shows(client, db):
    page = client.get("/sign-in/").content.decode()
    assert "/sign-in/directory/" not in page and 'name="password"' in page
    assert client.get("/sign-in/directory/").status_code == 404
    assert client.get("/sign-in/directory/callback/").status_code == 404


@pytest.fixture
def passwords_off(directory, settings):
    settings.PASSWORD_SIGN_IN = False
    return directory


def test_with_passwords_off_the_page_offers_only_the_directory(client, passwords_off, officer):
    page = client.get("/sign-in/").content.decode()
    assert "Sign in with your Test Borough Council account" in page
    assert 'name="password"' not in page

    refused = client.post("/sign-in/", {"username": officer.username, "password": "password"})
    assert refused.status_code == 403
    assert "Sign in with your council account" in refused.content.decode()
    assert SESSION_KEY not in client.session


@pytest.mark.parametrize("path", ["/password/reset/", "/password/reset/sent/", "/password/chosen/"])
def test_with_passwords_off_password_reset_is_not_there(client, passwords_off, path):
    assert client.get(path).status_code == 404


def test_with_passwords_off_the_admin_sends_people_to_the_sign_in_page(client, passwords_off):
    response = client.get("/django-admin/login/?next=/django-admin/")
    assert response.status_code == 302
    assert response["Location"] == "/sign-in/?next=%2Fdjango-admin%2F"


def test_with_passwords_on_the_admin_keeps_its_own_sign_in_form(client, db):
    assert client.get("/django-admin/login/").status_code == 200


def test_with_passwords_off_the_directory_still_signs_people_in(
    client, passwords_off, monitoring_officer
):
    response = sign_in_through_directory(client, "mo")
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(monitoring_officer.pk)


# --- Settings ---------------------------------------------------------------------------------


def test_the_directory_settings_are_all_or_nothing():
    env = {**PRODUCTION_REQUIRED, "OIDC_ISSUER": "https://login.example.net/tenant/v2.0"}
    result = _load_settings("protocol_site.settings.production", env)
    assert result.returncode == 3
    assert "OIDC_CLIENT_ID, OIDC_CLIENT_SECRET" in result.stdout


def test_the_issuer_must_be_https():
    env = {
        **PRODUCTION_REQUIRED,
        "OIDC_ISSUER": "http://login.example.net/tenant/v2.0",
        "OIDC_CLIENT_ID": "id",
        "OIDC_CLIENT_SECRET": "secret",
    }
    result = _load_settings("protocol_site.settings.production", env)
    assert result.returncode == 3 and "OIDC_ISSUER" in result.stdout


def test_passwords_cannot_be_switched_off_without_the_directory():
    env = {**PRODUCTION_REQUIRED, "PASSWORD_SIGN_IN": "false"}
    result = _load_settings("protocol_site.settings.production", env)
    assert result.returncode == 3 and "PASSWORD_SIGN_IN" in result.stdout


def test_a_complete_directory_setting_loads():
    env = {
        **PRODUCTION_REQUIRED,
        "OIDC_ISSUER": "https://login.microsoftonline.com/0000/v2.0",
        "OIDC_CLIENT_ID": "id",
        "OIDC_CLIENT_SECRET": "secret",
        "PASSWORD_SIGN_IN": "off",
    }
    result = _load_settings("protocol_site.settings.production", env)
    assert result.returncode == 0, result.stdout + result.stderr
