"""Subject access: the export holds every case a person is party to and nothing else, and
is audited; erasure anonymises their ended cases after a confirmation, and only those."""

import io
import json
import zipfile

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from enquiries.models import Enquiry
from protocol_site.audit import audit_verify
from protocol_site.models import AuditEvent
from retention.erasure import person_erase
from retention.models import Anonymisation, Erasure
from retention.selectors import constituent_subject, person_subject
from retention.subject_access import subject_access_export
from tests.clock import at, clock_at
from tests.enquiries.factories import casework

from .helpers import closed_enquiry

pytestmark = pytest.mark.django_db


def _unzip(data: bytes) -> dict:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture
def two_councillors(org):
    """Two closed enquiries of the councillor's, one of another councillor's."""
    mine = [closed_enquiry(org, name="Mary Jones"), closed_enquiry(org, name="Ann Smith")]
    other = org.councillors.other_group_councillor
    theirs = closed_enquiry(org, councillor=other, name="Bob Brown")
    return mine, theirs


def test_the_export_has_every_case_of_theirs_and_nothing_else(
    two_councillors, democratic_services, councillor
):
    mine, theirs = two_councillors
    subject = person_subject(democratic_services, councillor.pk)
    name, data = subject_access_export(actor=democratic_services, subject=subject)
    assert name.endswith(".zip")
    files = _unzip(data)
    enquiries = json.loads(files["enquiry.json"])
    assert sorted(row["reference"] for row in enquiries) == sorted(e.reference for e in mine)
    assert theirs.reference not in files["enquiry.csv"].decode()
    assert "Bob Brown" not in b"".join(files.values()).decode("utf-8", "replace")
    assert json.loads(files["person.json"])[0]["username"] == councillor.username
    assert sum(1 for path in files if path.startswith("files/")) == 2  # each response's letter
    event = AuditEvent.objects.get(action="retention.subject_access.exported")
    assert event.actor == democratic_services
    assert event.after["subject"] == f"person:{councillor.pk}"
    assert event.after["counts"]["enquiry"] == 2


def test_a_constituents_export_finds_them_by_name_or_email(two_councillors, monitoring_officer):
    mine, theirs = two_councillors
    details = mine[0].constituent
    subject = constituent_subject(monitoring_officer, details.pk)
    files = _unzip(subject_access_export(actor=monitoring_officer, subject=subject)[1])
    rows = json.loads(files["enquiry.json"])
    # Every enquiry recorded the same email (the helper's): all three are this constituent's.
    assert {row["reference"] for row in rows} == {
        mine[0].reference,
        mine[1].reference,
        theirs.reference,
    }
    assert "mary@example.com" in files["constituent_details.csv"].decode()


def test_only_democratic_services_and_the_monitoring_officer(two_councillors, officer, councillor):
    with pytest.raises(PermissionDenied):
        person_subject(officer, councillor.pk)


def test_erasure_anonymises_their_ended_cases_after_confirmation(
    org, two_councillors, democratic_services, councillor
):
    mine, theirs = two_councillors
    with clock_at(at(2026, 11, 2, 9, 0)):
        still_open = casework(org)
    subject = person_subject(democratic_services, councillor.pk)
    with pytest.raises(ValidationError) as refused:
        person_erase(actor=democratic_services, subject=subject, lawful_basis="", confirmed=False)
    assert set(refused.value.message_dict) == {"lawful_basis", "confirmed"}
    assert not Anonymisation.objects.exists()
    erasure = person_erase(
        actor=democratic_services, subject=subject, lawful_basis="Left office", confirmed=True
    )
    assert erasure.cases_anonymised == 2
    assert set(Anonymisation.objects.values_list("case_id", flat=True)) == {e.pk for e in mine}
    assert Enquiry.objects.get(pk=still_open.pk).details  # open: kept
    assert "Bob Brown" in Enquiry.objects.get(pk=theirs.pk).details  # not theirs: untouched
    again = person_erase(
        actor=democratic_services, subject=subject, lawful_basis="Again", confirmed=True
    )
    assert again.cases_anonymised == 0 and Erasure.objects.count() == 2
    assert audit_verify() == []


def test_the_pages(
    client_for, two_councillors, democratic_services, monitoring_officer, councillor
):
    client = client_for(monitoring_officer)
    page = client.get(reverse("retention:search"), {"q": councillor.last_name})
    assert councillor.display_name in page.content.decode()
    page = client.get(reverse("retention:person", args=[councillor.pk]))
    assert two_councillors[0][0].reference in page.content.decode()
    assert two_councillors[1].reference not in page.content.decode()
    download = client.get(reverse("retention:person_download", args=[councillor.pk]))
    assert download["Content-Type"] == "application/zip"
    assert "no-cache" in download["Cache-Control"] or "max-age=0" in download["Cache-Control"]
    erase = reverse("retention:person_erase", args=[councillor.pk])
    refused = client.post(erase, {"lawful_basis": ""})
    assert "Enter why the law allows this erasure" in refused.content.decode()
    done = client.post(erase, {"lawful_basis": "Left office", "confirmed": "on"}, follow=True)
    assert "Erased: 2 cases anonymised." in done.content.decode()
    assert client_for(councillor).get(reverse("retention:search")).status_code == 403
