"""The council's protocol in the product: democratic services publish each version; members in
office and officers read it and confirm once; democratic services see who has not and remind
them, each round of reminders sent once to each person."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from notices.models import ProtocolReading, ProtocolVersion
from notices.selectors import protocol_not_read, protocol_readers
from notices.services import protocol_confirm_read, protocol_publish, protocol_remind
from protocol_site.models import AuditEvent, CouncilProtocol, OutboxEmail

pytestmark = pytest.mark.django_db

TEXT = "1.1 Members and officers treat each other with respect."


def publish(actor, version="May 2026", **extra):
    return protocol_publish(actor=actor, version=version, text=TEXT, **extra)


KEYS = {"protocol_published": ":published", "protocol_reminder": ":reminder:"}


def emailed(template: str) -> list[str]:
    rows = OutboxEmail.objects.filter(dedupe_key__contains=KEYS[template])
    return sorted(rows.values_list("to_address", flat=True))


def test_publishing_asks_every_member_and_officer_once(org, democratic_services):
    version = publish(democratic_services, summary="Follow-ups within 5 working days.")
    readers = list(protocol_readers())
    assert {u.pk for u in readers} >= {
        org.councillors.councillor.user_id,
        org.officers.officer.user_id,
    }
    assert emailed("protocol_published") == sorted(u.email for u in readers)
    event = AuditEvent.objects.get(action="notices.protocol.published")
    assert event.actor == democratic_services and "May 2026" in event.summary
    assert version.published_by == democratic_services


@pytest.mark.parametrize("who", ["councillor", "officer", "line_manager", "monitoring_officer"])
def test_only_democratic_services_publish(request, who):
    with pytest.raises(PermissionDenied):
        publish(request.getfixturevalue(who))


def test_the_published_version_becomes_the_councils_protocol(democratic_services):
    publish(democratic_services, link="https://council.example/protocol")
    adopted = CouncilProtocol.objects.get()
    assert (adopted.version, adopted.url) == ("May 2026", "https://council.example/protocol")
    assert AuditEvent.objects.filter(action="protocol.changed").count() == 1


def test_a_version_needs_a_new_name_and_its_text(democratic_services):
    publish(democratic_services)
    with pytest.raises(ValidationError) as refused:
        protocol_publish(actor=democratic_services, version=" may 2026 ", text="")
    assert refused.value.message_dict == {
        "version": ["There is already a version with this name"],
        "text": ["Enter the text of the protocol"],
    }


def test_confirming_is_once_and_audited_once(democratic_services, councillor):
    version = publish(democratic_services)
    first = protocol_confirm_read(actor=councillor, version=version)
    again = protocol_confirm_read(actor=councillor, version=version)
    assert first.pk == again.pk
    assert ProtocolReading.objects.filter(user=councillor).count() == 1
    assert AuditEvent.objects.filter(action="notices.protocol.read").count() == 1
    assert councillor not in protocol_not_read(version)


def test_democratic_services_do_not_confirm_for_themselves_unless_officers(
    democratic_services, org
):
    # Democratic services staff are officers: they read it too.
    version = publish(democratic_services)
    protocol_confirm_read(actor=democratic_services, version=version)


def test_each_round_of_reminders_goes_once_to_those_who_have_not_read(
    democratic_services, councillor, officer
):
    version = publish(democratic_services)
    protocol_confirm_read(actor=councillor, version=version)
    unread = {u.email for u in protocol_not_read(version)}
    assert protocol_remind(actor=democratic_services, version=version) == len(unread)
    assert set(emailed("protocol_reminder")) == unread
    assert councillor.email not in emailed("protocol_reminder")

    protocol_confirm_read(actor=officer, version=version)
    protocol_remind(actor=democratic_services, version=version)
    second = emailed("protocol_reminder")
    assert second.count(officer.email) == 1  # reminded in the first round only
    version.refresh_from_db()
    assert version.reminders_sent == 2
    assert AuditEvent.objects.filter(action="notices.protocol.reminded").count() == 2


def test_no_reminder_once_everyone_has_read(democratic_services):
    version = publish(democratic_services)
    for person in protocol_readers():
        protocol_confirm_read(actor=person, version=version)
    with pytest.raises(ValidationError):
        protocol_remind(actor=democratic_services, version=version)


# --- Pages ------------------------------------------------------------------------------------


def test_a_member_reads_and_confirms_from_the_home_page(
    client_for, democratic_services, councillor
):
    client = client_for(councillor)
    assert (
        "Read the Protocol on Member/Officer Relations"
        in client.get(reverse("home")).content.decode()
    )
    version = publish(democratic_services)
    home = client.get(reverse("home")).content.decode()
    assert "Read the protocol and confirm" in home

    page = client.get(reverse("notices:protocol")).content.decode()
    assert TEXT in page and "Confirm you have read it" in page
    sent = client.post(reverse("notices:protocol_confirm", args=[version.pk]), {})
    assert sent["Location"] == reverse("notices:protocol_version", args=[version.pk])
    page = client.get(sent["Location"]).content.decode()
    assert "You confirmed you have read this version on" in page
    assert "Read the protocol and confirm" not in client.get(reverse("home")).content.decode()


def test_democratic_services_publish_see_who_has_not_read_and_remind(
    client_for, democratic_services, councillor
):
    client = client_for(democratic_services)
    refused = client.post(reverse("notices:protocol_publish"), {"version": "", "text": ""})
    page = refused.content.decode()
    assert "Enter the name of this version, for example May 2026" in page
    assert "Enter the text of the protocol" in page

    sent = client.post(
        reverse("notices:protocol_publish"),
        {"version": "May 2026", "text": TEXT, "summary": "", "link": "council.example/protocol"},
    )
    version = ProtocolVersion.objects.get()
    assert version.link == "https://council.example/protocol"
    assert sent["Location"] == reverse("notices:protocol_version", args=[version.pk])
    protocol_confirm_read(actor=councillor, version=version)

    readers = client.get(reverse("notices:protocol_readers", args=[version.pk]))
    text = readers.content.decode()
    assert f"1 of {protocol_readers().count()} members and officers has confirmed" in text
    assert councillor.display_name not in text
    members = client.get(reverse("notices:protocol_readers", args=[version.pk]) + "?who=members")
    assert "Everyone has confirmed" not in members.content.decode()

    reminded = client.post(reverse("notices:protocol_remind", args=[version.pk]), {})
    assert reminded["Location"] == reverse("notices:protocol_readers", args=[version.pk])
    assert len(emailed("protocol_reminder")) == protocol_readers().count() - 1


@pytest.mark.parametrize("who", ["councillor", "officer"])
def test_only_those_who_keep_it_publish_or_see_the_readers(
    request, client_for, democratic_services, who
):
    version = publish(democratic_services)
    client = client_for(request.getfixturevalue(who))
    assert client.get(reverse("notices:protocol_publish")).status_code == 403
    assert client.get(reverse("notices:protocol_readers", args=[version.pk])).status_code == 403
    assert client.post(reverse("notices:protocol_remind", args=[version.pk]), {}).status_code == 403
    assert not emailed("protocol_reminder")


def test_an_unknown_version_is_404(client_for, councillor):
    assert (
        client_for(councillor).get(reverse("notices:protocol_version", args=[999])).status_code
        == 404
    )
