"""Signing in safely: Argon2 passwords, a new session key on sign-in, a deactivated person's
sessions ending at once, the idle timeout and the sign-in lockout (django-axes)."""

import datetime
import re

import pytest
from axes.models import AccessAttempt
from django.conf import settings as django_settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from protocol_site.models import OutboxEmail, User
from protocol_site.security import client_ip_address, user_sessions_end
from protocol_site.settings import base
from tests.clock import clock_at
from tests.protocol_site.factories import UserFactory
from tests.registers.test_manage_people import officer_data

pytestmark = pytest.mark.django_db

ARGON2 = "django.contrib.auth.hashers.Argon2PasswordHasher"
SIGN_IN = reverse("login")
HOME = reverse("home")
# Monday 2 March 2026, 14:00 in London (GMT).
MONDAY_2PM = datetime.datetime(2026, 3, 2, 14, 0, tzinfo=datetime.UTC)


def sign_in(client, user, password="password", **extra):
    return client.post(SIGN_IN, {"username": user.username, "password": password}, **extra)


def is_sent_to_sign_in(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(SIGN_IN)


def sessions_of(user) -> list[str]:
    return [
        session.session_key
        for session in Session.objects.all()
        if session.get_decoded().get(SESSION_KEY) == str(user.pk)
    ]


# --- Passwords: Argon2 ------------------------------------------------------------------------


def test_base_settings_put_argon2_first_and_the_suite_keeps_md5_for_speed():
    assert base.PASSWORD_HASHERS[0] == ARGON2
    assert "django.contrib.auth.hashers.PBKDF2PasswordHasher" in base.PASSWORD_HASHERS
    assert django_settings.PASSWORD_HASHERS == ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_a_password_set_under_argon2_verifies_and_signs_in(client, officer, settings):
    settings.PASSWORD_HASHERS = base.PASSWORD_HASHERS
    officer.set_password("Kettle-harbour-41")
    officer.save()
    assert officer.password.startswith("argon2$")
    assert check_password("Kettle-harbour-41", officer.password)
    assert not check_password("kettle-harbour-41", officer.password)
    assert sign_in(client, officer, "Kettle-harbour-41")["Location"] == HOME


def test_an_older_hash_is_upgraded_to_argon2_on_sign_in(client, officer, settings):
    settings.PASSWORD_HASHERS = base.PASSWORD_HASHERS
    officer.password = make_password("Kettle-harbour-41", hasher="pbkdf2_sha256")
    officer.save()
    assert officer.password.startswith("pbkdf2_sha256$")

    assert sign_in(client, officer, "Kettle-harbour-41")["Location"] == HOME
    officer.refresh_from_db()
    assert officer.password.startswith("argon2$")
    assert check_password("Kettle-harbour-41", officer.password)


# --- A new session on sign-in -----------------------------------------------------------------


def test_signing_in_through_the_sign_in_page_changes_the_session_key(client, officer):
    planted = client.session  # a session the visitor had (or was given) before signing in
    planted["seen_sign_in"] = True
    planted.save()
    before = client.cookies[django_settings.SESSION_COOKIE_NAME].value

    assert sign_in(client, officer)["Location"] == HOME
    after = client.cookies[django_settings.SESSION_COOKIE_NAME].value
    assert after != before
    assert not Session.objects.filter(session_key=before).exists()
    assert sessions_of(officer) == [after]

    stranger = Client()  # someone holding the old key is not signed in
    stranger.cookies[django_settings.SESSION_COOKIE_NAME] = before
    assert is_sent_to_sign_in(stranger.get(HOME))


# --- Deactivating a person ends their sessions ------------------------------------------------


def test_democratic_services_deactivating_an_officer_ends_every_session_of_theirs(
    client_for, democratic_services, councillor, org
):
    officer = org.officers.officer
    desk, phone = client_for(officer.user), client_for(officer.user)
    someone_else = client_for(councillor)
    assert desk.get(HOME).status_code == 200 and phone.get(HOME).status_code == 200
    assert len(sessions_of(officer.user)) == 2

    data = officer_data(
        username="officer", first_name="Oliver", last_name="Hughes", email="officer@example.gov.uk"
    )
    del data["is_active"]
    edit = reverse("manage:officer_edit", args=[officer.pk])
    assert client_for(democratic_services).post(edit, data).status_code == 302

    assert sessions_of(officer.user) == []
    assert is_sent_to_sign_in(desk.get(HOME))
    assert is_sent_to_sign_in(phone.get(HOME))
    assert someone_else.get(HOME).status_code == 200
    assert len(sessions_of(councillor)) == 1


def test_changing_an_active_officers_details_leaves_them_signed_in(
    client_for, democratic_services, org
):
    officer = org.officers.officer
    desk = client_for(officer.user)
    data = officer_data(
        username="officer", first_name="Olly", last_name="Hughes", email="officer@example.gov.uk"
    )
    edit = reverse("manage:officer_edit", args=[officer.pk])
    assert client_for(democratic_services).post(edit, data).status_code == 302
    assert desk.get(HOME).status_code == 200


@pytest.fixture
def root(db):
    return UserFactory(username="root", is_superuser=True, is_staff=True)


def test_deactivating_a_user_in_the_django_admin_ends_every_session_of_theirs(
    client_for, root, officer, councillor
):
    desk = client_for(officer)
    someone_else = client_for(councillor)
    assert desk.get(HOME).status_code == 200
    change = reverse("admin:protocol_site_user_change", args=[officer.pk])
    joined = officer.date_joined.astimezone(datetime.UTC)
    response = client_for(root).post(
        change,
        {
            "username": officer.username,
            "first_name": officer.first_name,
            "last_name": officer.last_name,
            "email": officer.email,
            "date_joined_0": joined.strftime("%Y-%m-%d"),
            "date_joined_1": joined.strftime("%H:%M:%S"),
            "last_login_0": "",
            "last_login_1": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    officer.refresh_from_db()
    assert officer.is_active is False
    assert sessions_of(officer) == []
    assert is_sent_to_sign_in(desk.get(HOME))
    assert someone_else.get(HOME).status_code == 200


def test_an_account_made_inactive_any_other_way_is_sent_to_sign_in_on_its_next_request(
    client_for, officer
):
    desk = client_for(officer)
    assert desk.get(HOME).status_code == 200
    User.objects.filter(pk=officer.pk).update(is_active=False)  # no service, no signal
    assert is_sent_to_sign_in(desk.get(HOME))
    assert desk.get(reverse("api:enquiry-list")).status_code in (401, 403)


def test_user_sessions_end_ends_only_that_users_live_sessions(client_for, officer, councillor):
    client_for(officer), client_for(officer), client_for(councillor)
    assert user_sessions_end(user=officer) == 2
    assert sessions_of(officer) == [] and len(sessions_of(councillor)) == 1
    assert user_sessions_end(user=officer) == 0


# --- Idle timeout -----------------------------------------------------------------------------


@pytest.fixture
def idle_timeout(settings):
    """The suite keeps test sessions for a long time (tests travel in time); these tests use
    the product's own timeout."""
    settings.SESSION_COOKIE_AGE = base.SESSION_IDLE_TIMEOUT_MINUTES * 60
    settings.SESSION_REFRESH_SECONDS = base.SESSION_REFRESH_SECONDS
    return settings


def test_the_idle_timeout_is_sliding_session_expiry():
    assert base.SESSION_IDLE_TIMEOUT_MINUTES == 30
    assert base.SESSION_COOKIE_AGE == 30 * 60
    assert not getattr(base, "SESSION_SAVE_EVERY_REQUEST", False)
    assert "protocol_site.security.IdleTimeoutMiddleware" in django_settings.MIDDLEWARE
    assert django_settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"


def test_a_session_is_moved_on_at_most_once_a_minute(idle_timeout, client_for, officer):
    with clock_at(MONDAY_2PM) as clock:
        client = client_for(officer)  # signing in saves the session: just moved on
        assert django_settings.SESSION_COOKIE_NAME not in client.get(HOME).cookies  # no write
        clock.shift(datetime.timedelta(seconds=61))
        first = client.get(HOME)
        assert django_settings.SESSION_COOKIE_NAME in first.cookies  # saved: expiry moved on
        clock.shift(datetime.timedelta(seconds=30))
        second = client.get(HOME)
        assert django_settings.SESSION_COOKIE_NAME not in second.cookies  # no write
        clock.shift(datetime.timedelta(seconds=31))
        assert django_settings.SESSION_COOKIE_NAME in client.get(HOME).cookies


def test_an_active_session_stays_and_an_idle_one_is_sent_to_sign_in(
    idle_timeout, client_for, officer
):
    with clock_at(MONDAY_2PM) as clock:
        active = client_for(officer)
        idle = client_for(officer)
        clock.shift(datetime.timedelta(minutes=1))
        response = active.get(HOME)
        assert response.status_code == 200
        assert response.cookies[django_settings.SESSION_COOKIE_NAME]["max-age"] == 1800
        for _ in range(3):  # an hour and a half of use, never 30 minutes apart
            clock.shift(datetime.timedelta(minutes=29))
            assert active.get(HOME).status_code == 200
        assert is_sent_to_sign_in(idle.get(HOME))  # untouched for 88 minutes
        clock.shift(datetime.timedelta(minutes=30, seconds=1))
        assert is_sent_to_sign_in(active.get(HOME))


# --- Sign-in lockout --------------------------------------------------------------------------


@pytest.fixture
def lockouts(settings):
    """The suite runs with lockouts off (client.login() has no request); these tests turn them
    on. django-axes reads AXES_ENABLED on every call, so the override takes effect at once."""
    settings.AXES_ENABLED = True
    return settings


def fail(client, user, times, **extra):
    return [sign_in(client, user, "wrong", **extra).status_code for _ in range(times)]


def test_the_lockout_is_wired_as_django_axes_documents():
    assert django_settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert django_settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"
    assert django_settings.AXES_HANDLER == "axes.handlers.database.AxesDatabaseHandler"
    assert django_settings.AXES_FAILURE_LIMIT == 5
    assert datetime.timedelta(minutes=15) == django_settings.AXES_COOLOFF_TIME
    assert django_settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert base.AXES_ENABLED is True


def test_with_lockouts_off_the_test_clients_login_still_works(client, officer):
    assert fail(client, officer, 6) == [200] * 6
    assert client.login(username=officer.username, password="password")


def test_five_wrong_passwords_lock_the_username_from_that_address(lockouts, client, officer):
    with clock_at(MONDAY_2PM):
        assert fail(client, officer, 4) == [200] * 4
        locked = sign_in(client, officer, "wrong")
        assert locked.status_code == 429
        assert "registration/locked_out.html" in [t.name for t in locked.templates]
        page = locked.content.decode()
        assert "Signing in is paused for 15 minutes" in page
        assert "wrong 5 times in a row" in page
        assert "2:15pm on Monday 2 March 2026" in page
        assert f'href="{reverse("password_reset")}"' in page
        assert 'class="govuk-heading-l"' in page and "govuk-header" in page

        right = sign_in(client, officer)
        assert right.status_code == 429
        assert is_sent_to_sign_in(client.get(HOME))  # the right password did not sign them in
    assert AccessAttempt.objects.get(username=officer.username).failures_since_start == 6


def test_the_lock_is_for_that_username_and_address_only(lockouts, client, officer, councillor):
    fail(client, officer, 5)
    assert sign_in(client, councillor)["Location"] == HOME  # another username, same address
    elsewhere = Client(REMOTE_ADDR="198.51.100.7")
    assert sign_in(elsewhere, officer)["Location"] == HOME  # same username, another address


def test_a_forged_forwarded_for_header_does_not_get_round_the_lock(lockouts, client, officer):
    fail(client, officer, 5)
    forged = {"HTTP_X_FORWARDED_FOR": "203.0.113.99"}
    assert sign_in(client, officer, **forged).status_code == 429


def test_the_lock_lifts_after_the_cool_off_and_trying_while_locked_restarts_it(
    lockouts, client, officer
):
    with clock_at(MONDAY_2PM) as clock:
        fail(client, officer, 5)
        clock.shift(datetime.timedelta(minutes=10))
        retry = sign_in(client, officer)  # too soon: refused, and the wait starts again
        assert retry.status_code == 429
        assert "2:25pm on Monday 2 March 2026" in retry.content.decode()
        clock.shift(datetime.timedelta(minutes=14))
        assert sign_in(client, officer).status_code == 429
        clock.shift(datetime.timedelta(minutes=15, seconds=1))
        assert sign_in(client, officer)["Location"] == HOME


def test_a_successful_sign_in_clears_the_count(lockouts, client, officer):
    assert fail(client, officer, 4) == [200] * 4
    assert sign_in(client, officer)["Location"] == HOME
    client.post(reverse("logout"))
    assert fail(client, officer, 4) == [200] * 4


def test_the_django_admin_sign_in_shares_the_limit(lockouts, client, root):
    admin_login = reverse("admin:login")
    for _ in range(5):
        client.post(admin_login, {"username": "root", "password": "wrong"})
    assert sign_in(client, root).status_code == 429
    locked = client.post(admin_login, {"username": "root", "password": "password"})
    assert locked.status_code == 429
    assert "Signing in is paused" in locked.content.decode()
    assert client.get(reverse("admin:index")).status_code == 302


def test_the_password_reset_pages_are_no_way_round_the_lock(lockouts, client, officer, settings):
    settings.SITE_URL = "http://testserver"
    fail(client, officer, 5)
    asked = client.post(reverse("password_reset"), {"email": officer.email})
    assert asked["Location"] == reverse("password_reset_done")
    assert is_sent_to_sign_in(client.get(HOME))

    row = OutboxEmail.objects.get(recipient=officer)
    link = re.search(r"http://testserver(/password/choose/\S+/)", row.body_text).group(1)
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    chosen = client.post(
        form_url, {"new_password1": "Kettle-harbour-41", "new_password2": "Kettle-harbour-41"}
    )
    assert chosen["Location"] == reverse("password_reset_complete")
    assert is_sent_to_sign_in(client.get(HOME))  # choosing a password does not sign in
    assert sign_in(client, officer, "password").status_code == 200  # old password: wrong
    assert sign_in(client, officer, "Kettle-harbour-41")["Location"] == HOME  # lock lifted


def test_signing_in_and_the_lockout_never_touch_redis(lockouts, client, officer, monkeypatch):
    import redis.connection

    def refuse(*args, **kwargs):
        raise AssertionError("the sign-in path connected to Redis")

    monkeypatch.setattr(redis.connection.AbstractConnection, "connect", refuse)
    assert fail(client, officer, 5)[-1] == 429
    assert AccessAttempt.objects.filter(username=officer.username).exists()
    assert sign_in(Client(REMOTE_ADDR="198.51.100.7"), officer)["Location"] == HOME


# --- The caller's address ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, "203.0.113.5", "10.0.0.1"),  # no trusted proxy: the header is ignored
        (1, "203.0.113.5", "203.0.113.5"),
        (1, "192.0.2.66, 203.0.113.5", "203.0.113.5"),  # what the caller wrote is skipped
        (2, "192.0.2.66, 203.0.113.5, 10.0.0.9", "203.0.113.5"),
        (2, "203.0.113.5", "10.0.0.1"),  # fewer hops than proxies: the connection's address
        (1, "not-an-address", "10.0.0.1"),
        (1, "", "10.0.0.1"),
    ],
)
def test_the_callers_address_trusts_only_the_configured_proxies(
    rf, settings, count, forwarded, expected
):
    settings.TRUSTED_PROXY_COUNT = count
    request = rf.post(SIGN_IN, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip_address(request) == expected


# --- Nightly purge ----------------------------------------------------------------------------


def test_the_nightly_purge_removes_expired_sessions_and_old_logs(client_for, officer, councillor):
    from axes.models import AccessFailureLog, AccessLog

    from protocol_site.security import SIGN_IN_LOG_KEEP_DAYS, sign_in_records_purge
    from protocol_site.tasks import purge_sign_in_records

    client_for(officer), client_for(councillor)
    Session.objects.filter(pk=Session.objects.order_by("pk").first().pk).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1)
    )
    old = timezone.now() - datetime.timedelta(days=SIGN_IN_LOG_KEEP_DAYS + 1)
    for model in (AccessLog, AccessFailureLog):
        model.objects.create(username="officer", ip_address="127.0.0.1", user_agent="test")
        stale = model.objects.create(username="officer", ip_address="127.0.0.1", user_agent="x")
        model.objects.filter(pk=stale.pk).update(attempt_time=old)
    assert sign_in_records_purge() == 3
    assert Session.objects.count() == 1
    assert AccessLog.objects.count() == 1 and AccessFailureLog.objects.count() == 1
    assert purge_sign_in_records() == 0  # the beat task; nothing left to remove


def test_a_weak_new_password_is_refused_in_plain_words(client, officer, settings):
    settings.SITE_URL = "http://testserver"
    client.post(reverse("password_reset"), {"email": officer.email})
    row = OutboxEmail.objects.get(recipient=officer)
    link = re.search(r"http://testserver(/password/choose/\S+/)", row.body_text).group(1)
    form_url = client.get(link, follow=True).redirect_chain[-1][0]
    page = client.post(form_url, {"new_password1": "1234567", "new_password2": "1234567"})
    text = page.content.decode()
    assert page.status_code == 200
    assert "Your password must be 8 characters or more" in text
    assert "Your password must include letters or symbols, not only numbers" in text
    assert "This password is too short" not in text
    assert "1234567" not in text  # a password is never written back into the page
    assert check_password("password", type(officer).objects.get(pk=officer.pk).password)
