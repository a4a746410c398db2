"""A new phone and a lost one: the person replaces their own authenticator app with a code
from it (or a recovery code); democratic services reset someone else's, who is emailed once;
nobody resets their own; every change is audited."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from protocol_site.models import AuditEvent, OutboxEmail
from registers.second_factor.services import second_factor_reset
from tests.clock import at, clock_at
from tests.registers.test_second_factor import code_now, confirmed_app

PEOPLE = "/organisation/authenticator-apps/"
REPLACE = "/account/second-factor/replace/"


def reset_url(user) -> str:
    return f"{PEOPLE}{user.pk}/reset/"


def with_recovery_codes(user, *codes: str) -> StaticDevice:
    device = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
    for code in codes:
        device.token_set.create(token=code)
    return device


def test_democratic_services_see_who_has_an_app_in_a_few_queries(
    client_for,
    democratic_services,
    monitoring_officer,
    chief_executive,
    django_assert_max_num_queries,
):
    confirmed_app(monitoring_officer)
    with_recovery_codes(monitoring_officer, "abcd2345", "efgh6789")
    TOTPDevice.objects.create(user=chief_executive, name="Authenticator app", confirmed=False)
    client = client_for(democratic_services)
    client.get(PEOPLE)
    with django_assert_max_num_queries(8):
        page = client.get(PEOPLE)
    html = page.content.decode()
    assert page.status_code == 200
    row = html.split(monitoring_officer.display_name, 1)[1].split("</tr>", 1)[0]
    assert "Set up" in row and ">2<" in row
    row = html.split(chief_executive.display_name, 1)[1].split("</tr>", 1)[0]
    assert "Being set up" in row and ">0<" in row
    assert reset_url(monitoring_officer) in html


def test_resetting_removes_the_app_and_codes_emails_once_and_is_audited(
    client_for, democratic_services, monitoring_officer
):
    confirmed_app(monitoring_officer)
    with_recovery_codes(monitoring_officer, "abcd2345")
    client = client_for(democratic_services)
    confirm = client.get(reset_url(monitoring_officer))
    assert confirm.status_code == 200
    assert "Reset authenticator app" in confirm.content.decode()

    response = client.post(reset_url(monitoring_officer))

    assert response.status_code == 302 and response["Location"] == PEOPLE
    assert not TOTPDevice.objects.filter(user=monitoring_officer).exists()
    assert not StaticDevice.objects.filter(user=monitoring_officer).exists()
    event = AuditEvent.objects.get(action="registers.second_factor.reset")
    assert event.actor == democratic_services
    mail = OutboxEmail.objects.get(to_address=monitoring_officer.email)
    assert "has been reset" in mail.subject
    assert democratic_services.display_name in mail.body_text
    # Again (the page posted twice): nothing left to reset, no second email or audit event.
    assert client.post(reset_url(monitoring_officer)).status_code == 404
    second_factor_reset(actor=democratic_services, user=monitoring_officer)
    assert OutboxEmail.objects.filter(to_address=monitoring_officer.email).count() == 1
    assert AuditEvent.objects.filter(action="registers.second_factor.reset").count() == 1


def test_nobody_resets_their_own_or_without_the_role(
    client_for, democratic_services, monitoring_officer, officer
):
    confirmed_app(democratic_services)
    confirmed_app(monitoring_officer)
    own = client_for(democratic_services)
    assert own.get(reset_url(democratic_services)).status_code == 403
    assert reset_url(democratic_services) not in own.get(PEOPLE).content.decode()
    with pytest.raises(PermissionDenied):
        second_factor_reset(actor=democratic_services, user=democratic_services)
    with pytest.raises(PermissionDenied):
        second_factor_reset(actor=officer, user=monitoring_officer)
    assert client_for(monitoring_officer).post(reset_url(democratic_services)).status_code == 403
    assert TOTPDevice.objects.filter(user=democratic_services).exists()


def test_someone_without_an_app_is_not_found(client_for, democratic_services, officer):
    assert client_for(democratic_services).get(reset_url(officer)).status_code == 404


def test_the_person_replaces_their_own_app_with_a_code_from_it(
    settings, client_for, chief_executive
):
    settings.SECOND_FACTOR_REQUIRED = True
    device = confirmed_app(chief_executive)
    client = client_for(chief_executive)
    with clock_at(at(2026, 11, 2, 9, 0)):
        assert client.post("/account/second-factor/", {"code": code_now(device)}).status_code == 302
        home = client.get("/").content.decode()
        assert REPLACE in home  # the link beside their email preferences
        assert "Set up a new authenticator app" in client.get(REPLACE).content.decode()
    with clock_at(at(2026, 11, 2, 9, 2)):
        wrong = client.post(REPLACE, {"code": "000000"})
        assert wrong.status_code == 200
        assert "The code is not right" in wrong.content.decode()
        assert TOTPDevice.objects.filter(user=chief_executive).exists()
    with clock_at(at(2026, 11, 2, 9, 4)):
        done = client.post(REPLACE, {"code": code_now(device)})
    assert done.status_code == 302 and done["Location"] == "/account/second-factor/set-up/"
    assert not TOTPDevice.objects.filter(user=chief_executive, confirmed=True).exists()
    assert AuditEvent.objects.filter(
        action="registers.second_factor.replaced", actor=chief_executive
    ).exists()
    # The old app no longer counts: every page sends them to set up a new one.
    assert client.get("/")["Location"].startswith("/account/second-factor/set-up/")
