"""Members' public meetings: a councillor arranging a public meeting on council business tells
the relevant officer through the product (emailed once, audited); both see it, nobody else
but democratic services and the Monitoring Officer; the councillor may cancel it. And media
interest, a kind of ward notice officers record for ward members."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from notices.meetings.models import MemberMeeting
from notices.meetings.selectors import member_meetings_visible_to
from notices.meetings.services import member_meeting_cancel, member_meeting_tell
from notices.models import WardNotice
from protocol_site.models import AuditEvent, OutboxEmail
from registers.models import NOT_COVERED, EmploymentType
from tests.registers.factories import OfficerFactory, PostFactory

from .helpers import NOW, matter

pytestmark = pytest.mark.django_db

LIST = reverse("member_meetings:list")
NEW = reverse("member_meetings:new")


def tell(org, **kwargs) -> MemberMeeting:
    values = {
        "actor": org.councillors.councillor.user,
        "subject": "Residents' meeting on bin collections",
        "meeting_at": NOW + timedelta(days=10, hours=8),
        "place": "Riverside Community Centre",
        "service": org.service,
        "details": "Residents of Mill Lane are invited.",
    }
    values.update(kwargs)
    return member_meeting_tell(**values)


def emails_to(user):
    return list(OutboxEmail.objects.filter(recipient=user))


def test_the_head_of_service_is_told_once_and_it_is_audited(org, councillor, head_of_service):
    meeting = tell(org)
    assert meeting.officer == org.officers.head_of_service
    [email] = emails_to(head_of_service)
    assert "Cllr Chris Baker is arranging a public meeting" in email.subject
    assert f"/notices/meetings/{meeting.pk}/" in email.body_text
    assert "004" not in email.body_text and "§" not in email.body_text
    event = AuditEvent.objects.get(action="notices.member_meeting.told")
    assert event.actor == councillor and event.object_id == str(meeting.pk)
    assert OutboxEmail.objects.count() == 1


def test_a_named_officer_is_told_instead(org, officer, head_of_service):
    meeting = tell(org, officer=org.officers.officer)
    assert meeting.officer == org.officers.officer
    assert len(emails_to(officer)) == 1 and emails_to(head_of_service) == []


def test_a_teacher_is_not_an_officer_to_tell(org):
    teacher = OfficerFactory(employment_type=EmploymentType.TEACHER, post=PostFactory())
    with pytest.raises(ValidationError) as raised:
        tell(org, officer=teacher)
    assert raised.value.message_dict == {"officer": [NOT_COVERED]}


def test_the_meeting_must_be_in_the_future_with_a_subject_and_place(org):
    with pytest.raises(ValidationError) as raised:
        tell(org, meeting_at=NOW - timedelta(hours=1), subject=" ", place="")
    assert set(raised.value.message_dict) == {"meeting_at", "subject", "place"}


def test_only_a_councillor_tells_an_officer(org, officer):
    with pytest.raises(PermissionDenied):
        tell(org, actor=officer)


def test_who_sees_it(
    org,
    councillor,
    head_of_service,
    officer,
    monitoring_officer,
    democratic_services,
    other_group_councillor,
):
    meeting = tell(org)
    for user in (councillor, head_of_service, monitoring_officer, democratic_services):
        assert list(member_meetings_visible_to(user)) == [meeting], user
    for user in (officer, other_group_councillor):
        assert not member_meetings_visible_to(user).exists(), user


def test_the_councillor_cancels_and_the_officer_is_told_once(org, councillor, head_of_service):
    meeting = tell(org)
    with pytest.raises(PermissionDenied):
        member_meeting_cancel(actor=head_of_service, meeting=meeting)
    member_meeting_cancel(actor=councillor, meeting=meeting)
    meeting.refresh_from_db()
    assert meeting.is_cancelled and meeting.state() == "cancelled"
    assert len(emails_to(head_of_service)) == 2
    with pytest.raises(PermissionDenied):
        member_meeting_cancel(actor=councillor, meeting=meeting)
    assert len(emails_to(head_of_service)) == 2
    assert AuditEvent.objects.filter(action="notices.member_meeting.cancelled").count() == 1


def test_the_councillor_tells_an_officer_through_the_page(
    org, client_for, councillor, head_of_service
):
    client = client_for(councillor)
    page = client.get(NEW).content.decode()
    assert "Tell an officer about a public meeting" in page
    day = (NOW + timedelta(days=7)).date()
    response = client.post(
        NEW,
        {
            "subject": "Residents' meeting",
            "meeting_on_0": day.day,
            "meeting_on_1": day.month,
            "meeting_on_2": day.year,
            "meeting_time": "18:30",
            "place": "Riverside Community Centre",
            "service": org.service.pk,
        },
    )
    meeting = MemberMeeting.objects.get()
    assert response.status_code == 302 and response.url == f"/notices/meetings/{meeting.pk}/"
    assert len(emails_to(head_of_service)) == 1
    error = client.post(NEW, {"subject": "", "place": "x"}).content.decode()
    assert "Enter what the meeting is about" in error and "This field is required" not in error


def test_the_list_costs_the_same_however_many(
    org, client_for, head_of_service, django_assert_max_num_queries
):
    for n in range(6):
        tell(org, subject=f"Meeting {n}")
    client = client_for(head_of_service)
    client.get(LIST)
    with django_assert_max_num_queries(12):
        html = client.get(LIST).content.decode()
    assert "Public meetings members have told you of" in html and "Meeting 5" in html


def test_the_api_lists_what_the_caller_sees(org, client_for, head_of_service, officer):
    tell(org)
    assert len(client_for(head_of_service).get("/api/v1/member-meetings/").json()["results"]) == 1
    assert client_for(officer).get("/api/v1/member-meetings/").json()["results"] == []


def test_media_interest_is_a_ward_notice(org, officer, councillor):
    notice = matter(
        officer,
        [org.ward],
        kind=WardNotice.Kind.MEDIA_INTEREST,
        title="The Echo is asking about the depot",
    )
    assert notice.is_media_interest
    [email] = emails_to(councillor)
    assert email.subject.startswith("Media interest in a matter affecting your ward")
