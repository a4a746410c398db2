"""Choosing and resetting a password by an emailed link, through the outbox."""

import re

import pytest
from django.urls import reverse

from protocol_site.models import OutboxEmail
from protocol_site.passwords import password_link_for
from tests.clock import at, clock_at

pytestmark = pytest.mark.django_db


def _link(row) -> str:
    return re.search(r"https?://\S+/password/choose/\S+/", row.body_text).group(0)


def test_a_reset_link_is_queued_and_sets_a_new_password(client, officer, settings):
    settings.SITE_URL = "http://testserver"
    page = client.get(reverse("password_reset"))
    assert page.status_code == 200
    response = client.post(reverse("password_reset"), {"email": officer.email})
    assert response.status_code == 302
    assert response["Location"] == reverse("password_reset_done")
    row = OutboxEmail.objects.get(recipient=officer)
    assert row.subject == "Choose a new password for the Member/Officer Protocol"

    path = _link(row).removeprefix("http://testserver")
    form = client.get(path, follow=True)
    assert b"Choose a new password" in form.content
    bad = client.post(form.redirect_chain[-1][0], {"new_password1": "a", "new_password2": "b"})
    assert b"There is a problem" in bad.content
    done = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "Kettle-harbour-41", "new_password2": "Kettle-harbour-41"},
    )
    assert done.status_code == 302
    assert client.login(username=officer.username, password="Kettle-harbour-41")
    assert b"has expired" in client.get(path, follow=True).content  # used once


def test_an_unknown_address_gets_the_same_answer_and_no_email(client, db):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.gov.uk"})
    assert response.status_code == 302
    assert OutboxEmail.objects.count() == 0


@clock_at(at(2026, 11, 2, 9, 0))  # the link's token carries the second it was made
def test_a_new_account_is_sent_a_link_to_choose_its_password(client_for, democratic_services):
    from tests.registers.test_manage_people import officer_data

    client_for(democratic_services).post(reverse("manage:officer_add"), officer_data())
    row = OutboxEmail.objects.get(to_address="nia.jones@example.gov.uk")
    assert row.subject == "Your account for the Member/Officer Protocol"
    assert "nia.jones" in row.body_text
    assert _link(row) == password_link_for(row.recipient)
