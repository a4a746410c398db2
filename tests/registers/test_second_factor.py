"""The second factor: once required, the Monitoring Officer, democratic services and the Chief
Executive, signed in with a password, reach no page until they have set up an authenticator
app and given its code (or a recovery code); nobody else is asked; the directory's sign-in is
not asked again."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from protocol_site.models import AuditEvent
from protocol_site.sso import DIRECTORY, SIGNED_IN_WITH
from registers.second_factor.middleware import OPEN
from tests.access.matrix import MATRIX
from tests.clock import at, clock_at

SET_UP = "/account/second-factor/set-up/"
VERIFY = "/account/second-factor/"


@pytest.fixture(autouse=True)
def required(settings):
    settings.SECOND_FACTOR_REQUIRED = True


def code_now(device: TOTPDevice) -> str:
    number = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{number:0{device.digits}d}"


def confirmed_app(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


# Every page with no record in its address, by name (the access matrix lists them all).
PAGES = sorted(
    name
    for name, row in MATRIX.items()
    if row.record == "-" and name not in OPEN and not name.startswith("api:")
)


@pytest.mark.parametrize("role", ["monitoring_officer", "democratic_services", "chief_executive"])
def test_the_privileged_roles_reach_no_page_before_setting_it_up(request, client_for, role):
    client = client_for(request.getfixturevalue(role))
    reached = {}
    for name in PAGES:
        url = reverse(name)
        response = client.get(url)
        if response.status_code != 302 or not response["Location"].startswith(SET_UP):
            reached[name] = response.status_code
    assert reached == {}
    api = client.get("/api/v1/enquiries/")
    assert api.status_code == 403
    assert "authenticator app" in api.json()["detail"]


def test_with_an_app_set_up_they_are_asked_for_its_code(client_for, monitoring_officer):
    confirmed_app(monitoring_officer)
    client = client_for(monitoring_officer)
    response = client.get("/decisions/")
    assert response.status_code == 302
    assert response["Location"] == f"{VERIFY}?next=/decisions/"


@pytest.mark.parametrize("role", ["officer", "councillor", "director", "line_manager"])
def test_nobody_else_is_asked(request, client_for, role):
    client = client_for(request.getfixturevalue(role))
    assert client.get("/").status_code == 200
    assert client.get(SET_UP).status_code == 403
    assert client.get(VERIFY).status_code == 403


def test_signed_in_through_the_directory_they_are_not_asked_again(monitoring_officer):
    client = Client()
    client.force_login(monitoring_officer)
    session = client.session
    session[SIGNED_IN_WITH] = DIRECTORY
    session.save()
    assert client.get("/").status_code == 200


def test_with_the_setting_off_nobody_is_asked(settings, client_for, monitoring_officer):
    settings.SECOND_FACTOR_REQUIRED = False
    assert client_for(monitoring_officer).get("/").status_code == 200


def test_setting_up_the_app_shows_a_qr_code_and_the_key_then_recovery_codes(
    client_for, democratic_services
):
    client = client_for(democratic_services)
    page = client.get(f"{SET_UP}?next=/decisions/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "<svg " in html and 'aria-label="QR code for the key"' in html
    assert "<script" not in html.split("<svg", 1)[1].split("</svg>", 1)[0]
    device = TOTPDevice.objects.get(user=democratic_services, confirmed=False)
    key = re.search(r'id="totp-key">([A-Z2-7 ]+)<', html).group(1)
    assert len(key.replace(" ", "")) == 32  # the 20-byte key in base 32, as apps take it
    # The same key if the page is loaded again before the app is confirmed.
    assert client.get(SET_UP).content.decode().count(key) == 1
    assert TOTPDevice.objects.filter(user=democratic_services).count() == 1

    response = client.post(SET_UP, {"code": code_now(device), "next": "/decisions/"})

    assert response.status_code == 302
    assert response["Location"] == "/account/second-factor/recovery-codes/?next=%2Fdecisions%2F"
    codes_page = client.get(response["Location"]).content.decode()
    codes = re.findall(r"<li>([a-z2-7]{8})</li>", codes_page)
    assert len(codes) == 10
    assert client.get("/account/second-factor/recovery-codes/").status_code == 302  # once only
    device.refresh_from_db()
    assert device.confirmed
    assert StaticDevice.objects.get(user=democratic_services).token_set.count() == 10
    assert client.get("/decisions/").status_code == 200  # this session has given it
    assert AuditEvent.objects.filter(
        action="registers.second_factor.set_up", actor=democratic_services
    ).exists()


def test_a_wrong_code_at_set_up_is_a_field_error(client_for, democratic_services):
    client = client_for(democratic_services)
    client.get(SET_UP)
    response = client.post(SET_UP, {"code": "000000"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "The code is not right" in page and 'href="#id_code"' in page
    assert not TOTPDevice.objects.filter(user=democratic_services, confirmed=True).exists()
    empty = client.post(SET_UP, {"code": ""}).content.decode()
    assert "Enter the code from your authenticator app" in empty


def test_giving_the_code_after_signing_in_opens_the_pages(client_for, chief_executive):
    device = confirmed_app(chief_executive)
    client = client_for(chief_executive)

    with clock_at(at(2026, 11, 2, 9, 0)):
        wrong = client.post(VERIFY, {"code": "123", "next": "/decisions/"})
        assert wrong.status_code == 200 and "The code is not right" in wrong.content.decode()
        assert client.get("/").status_code == 302
        # Straight after a wrong code even the right one waits (django-otp's throttling).
        assert client.post(VERIFY, {"code": code_now(device)}).status_code == 200

    with clock_at(at(2026, 11, 2, 9, 1)):
        right = client.post(VERIFY, {"code": code_now(device), "next": "/decisions/"})
        assert right.status_code == 302 and right["Location"] == "/decisions/"
        assert client.get("/").status_code == 200
    actions = list(
        AuditEvent.objects.filter(actor=chief_executive).values_list("action", flat=True)
    )
    assert actions == ["registers.second_factor.given"]  # wrong codes are logged


def test_a_recovery_code_works_once(client_for, monitoring_officer):
    confirmed_app(monitoring_officer)
    recovery = StaticDevice.objects.create(user=monitoring_officer, name="Recovery codes")
    recovery.token_set.create(token="abcd2345")

    first = client_for(monitoring_officer)
    assert first.post(VERIFY, {"code": "ABCD 2345"})["Location"] == "/"
    assert first.get("/").status_code == 200
    second = client_for(monitoring_officer)
    assert second.post(VERIFY, {"code": "abcd2345"}).status_code == 200  # used up
    assert second.get("/").status_code == 302
    event = AuditEvent.objects.get(action="registers.second_factor.recovery_code_used")
    assert event.summary == "0 recovery codes left"


def test_the_way_back_stays_on_the_site(client_for, monitoring_officer):
    device = confirmed_app(monitoring_officer)
    client = client_for(monitoring_officer)
    response = client.post(VERIFY, {"code": code_now(device), "next": "https://evil.example/"})
    assert response["Location"] == "/"
