"""The reply address on an email about a case: signed for that case and that person, read back
whatever the case of its letters, and refused when altered."""

import pytest

from protocol_site.reply_address import (
    read_reply_token,
    reply_address,
    reply_headers,
    reply_token,
    token_in,
)


class Case:
    REPLY_BY_EMAIL = "e"

    def __init__(self, pk):
        self.pk = pk


class Person:
    def __init__(self, pk):
        self.pk = pk


@pytest.fixture(autouse=True)
def mailbox(settings):
    settings.INBOUND_EMAIL_ADDRESS = "members.enquiries@example.gov.uk"


def test_an_address_for_a_case_and_a_person_reads_back():
    address = reply_address(Case(123), Person(45))
    local, domain = address.split("@")
    assert domain == "example.gov.uk" and len(local) <= 64
    reply = read_reply_token(token_in(address.upper()))
    assert (reply.kind, reply.case_id, reply.user_id) == ("e", 123, 45)


def test_an_altered_token_is_refused():
    token = reply_token("e", 123, 45)
    assert read_reply_token(token.replace("e123-", "e124-")) is None
    assert read_reply_token(token.replace("-45-", "-46-")) is None
    assert read_reply_token(token[:-1] + ("a" if token[-1] != "a" else "b")) is None
    assert read_reply_token("nonsense") is None


def test_only_our_mailbox_carries_tokens():
    assert token_in("members.enquiries+abc@elsewhere.org") is None
    assert token_in("someone+abc@example.gov.uk") is None
    assert token_in("members.enquiries@example.gov.uk") is None


def test_no_mailbox_no_reply_address(settings):
    settings.INBOUND_EMAIL_ADDRESS = ""
    assert reply_address(Case(1), Person(2)) is None
    assert reply_headers({"enquiry": Case(1)}, Person(2)) == {}


def test_the_headers_name_the_first_case_that_takes_replies():
    headers = reply_headers({"actor": Person(9), "enquiry": Case(7)}, Person(2))
    assert headers["Reply-To"].startswith("members.enquiries+e7-2-")
    assert reply_headers({"other": object()}, Person(2)) == {}
