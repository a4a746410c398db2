"""WARD-1 pages: the scoped list with its filters, search and pages; one notice; recording and
correcting one; and who may not."""

from datetime import timedelta

import pytest
from django.urls import reverse

from notices.models import WardNotice
from protocol_site.models import OutboxEmail
from tests.clock import LONDON

from .helpers import TODAY, Kind, consultation, matter, meeting

pytestmark = pytest.mark.django_db

LIST = reverse("notices:list")
NEW = reverse("notices:new")


def date_fields(name, day) -> dict:
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


@pytest.fixture
def notices(org, officer, director, hillside):
    return {
        "riverside": meeting(officer, [org.ward]),
        "library": consultation(director, [org.ward, hillside]),
        "hillside": matter(director, [hillside], title="Hillside park works"),
    }


def test_a_councillor_lists_their_wards_notices(client_for, councillor, notices):
    html = client_for(councillor).get(LIST).content.decode()
    assert "Notices for Riverside" in html
    assert "Public meeting on the Mill Lane traffic scheme" in html
    assert "Consultation on library opening hours" in html
    assert "Hillside park works" not in html
    assert "Record a notice" not in html
    assert 'id="ward"' not in html  # no ward filter: they see their own ward only


def test_an_officer_lists_every_notice_and_filters(client_for, officer, notices, hillside):
    client = client_for(officer)
    html = client.get(LIST).content.decode()
    assert all(n.title in html for n in notices.values())
    assert "Record a notice" in html
    html = client.get(LIST, {"ward": hillside.pk}).content.decode()
    assert "Hillside park works" in html and "Mill Lane" not in html
    html = client.get(LIST, {"kind": Kind.CONSULTATION}).content.decode()
    assert "library opening hours" in html and "Hillside park works" not in html
    html = client.get(LIST, {"mine": "1"}).content.decode()
    assert "Mill Lane" in html and "Hillside park works" not in html
    html = client.get(LIST, {"q": "park"}).content.decode()
    assert "Hillside park works" in html and "Mill Lane" not in html
    assert "No notices match" in client.get(LIST, {"q": "zzz"}).content.decode()
    assert client.get(LIST, {"kind": "nonsense", "ward": "x"}).status_code == 200


def test_the_list_pages(client_for, democratic_services, org, officer):
    for n in range(27):
        matter(officer, [org.ward], title=f"Matter number {n:02d}")
    client = client_for(democratic_services)
    first = client.get(LIST).content.decode()
    assert "Matter number 26" in first and "Matter number 01" not in first
    assert "Showing 1 to 25 of 27" in first
    second = client.get(LIST, {"page": 2}).content.decode()
    assert "Matter number 01" in second and "Matter number 26" not in second


@pytest.mark.parametrize("who", ["councillor", "officer"])
def test_the_list_keeps_its_query_count(
    request, client_for, org, officer, who, django_assert_max_num_queries
):
    user = request.getfixturevalue(who)
    client = client_for(user)
    matter(officer, [org.ward])
    client.get(LIST)  # warm the banner's cache and the session
    with django_assert_max_num_queries(8) as few:  # one for the protocol references
        client.get(LIST)
    for n in range(10):
        matter(officer, [org.ward], title=f"More {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(LIST).status_code == 200


def test_someone_with_no_council_role_may_not_use_the_pages(client_for, outsider, notices):
    client = client_for(outsider)
    assert client.get(LIST).status_code == 403
    assert client.get(NEW).status_code == 403
    assert client.get(reverse("notices:detail", args=[notices["library"].pk])).status_code == 403


def test_a_notice_for_another_ward_is_404_to_a_councillor(client_for, councillor, notices):
    client = client_for(councillor)
    assert client.get(reverse("notices:detail", args=[notices["hillside"].pk])).status_code == 404
    assert client.get(reverse("notices:detail", args=[99999])).status_code == 404
    html = client.get(reverse("notices:detail", args=[notices["library"].pk])).content.decode()
    assert "Consultation closes" in html and "Hillside" in html
    assert "Correct this notice" not in html


def test_a_councillor_may_not_record_or_correct(client_for, councillor, notices, org):
    client = client_for(councillor)
    assert client.get(NEW).status_code == 403
    assert client.post(NEW, {"kind": Kind.MATTER}).status_code == 403
    change = reverse("notices:change", args=[notices["riverside"].pk])
    assert client.get(change).status_code == 403


def test_an_officer_records_a_public_meeting(client_for, officer, org, hillside):
    client = client_for(officer)
    assert "Record a notice for ward members" in client.get(NEW).content.decode()
    day = TODAY + timedelta(days=10)
    response = client.post(
        NEW,
        {
            "kind": Kind.PUBLIC_MEETING,
            "title": "Drop-in on the Riverside flood scheme",
            "details": "Engineers will show the plans.",
            "wards": [org.ward.pk, hillside.pk],
            **date_fields("meeting_on", day),
            "meeting_time": "18:30",
            "place": "St Mary's Hall",
        },
        follow=True,
    )
    notice = WardNotice.objects.get()
    assert response.redirect_chain[-1][0] == reverse("notices:detail", args=[notice.pk])
    html = response.content.decode()
    assert "Notice recorded: Drop-in on the Riverside flood scheme" in html
    assert notice.meeting_at.astimezone(LONDON).time().isoformat() == "18:30:00"
    assert f"{day:%A} {day.day} {day:%B %Y}, 18:30" in html
    assert OutboxEmail.objects.count() == 4  # three Riverside members, one Hillside member


def test_bad_input_is_shown_on_the_form(client_for, officer):
    client = client_for(officer)
    html = client.post(NEW, {"kind": Kind.PUBLIC_MEETING}).content.decode()
    assert "There is a problem" in html
    for message in (
        "Enter a title",
        "Enter the details",
        "Select at least one ward",
    ):
        assert message in html
    assert not WardNotice.objects.exists()


def test_a_meeting_without_its_date_is_refused_by_the_service_on_the_form(client_for, officer, org):
    html = (
        client_for(officer)
        .post(
            NEW,
            {
                "kind": Kind.PUBLIC_MEETING,
                "title": "Meeting",
                "details": "Details",
                "wards": [org.ward.pk],
                "meeting_time": "7pm",
            },
        )
        .content.decode()
    )
    assert "Enter the time as hours and minutes" in html
    assert 'href="#id_meeting_time"' in html
    html = (
        client_for(officer)
        .post(
            NEW,
            {"kind": Kind.PUBLIC_MEETING, "title": "M", "details": "D", "wards": [org.ward.pk]},
        )
        .content.decode()
    )
    assert "Enter the date and time of the meeting" in html
    assert "Enter where the meeting is" in html


def test_the_recorder_corrects_a_notice_and_members_are_told(client_for, officer, org, notices):
    notice = notices["riverside"]
    OutboxEmail.objects.all().delete()
    url = reverse("notices:change", args=[notice.pk])
    client = client_for(officer)
    html = client.get(url).content.decode()
    assert 'value="Riverside Community Centre"' in html
    assert "Email the ward members about this correction" in html
    local = notice.meeting_at.astimezone(LONDON)
    response = client.post(
        url,
        {
            "kind": Kind.PUBLIC_MEETING,
            "title": notice.title,
            "details": notice.details,
            "wards": [org.ward.pk],
            **date_fields("meeting_on", local.date()),
            "meeting_time": "19:00",
            "place": "Town Hall",
        },
        follow=True,
    )
    html = response.content.decode()
    assert "The ward members are being told." in html
    assert "Changes" in html and "Date and time, Place" in html
    assert OutboxEmail.objects.count() == 3


def test_another_officer_may_not_correct_it(client_for, line_manager, notices):
    url = reverse("notices:change", args=[notices["riverside"].pk])
    assert client_for(line_manager).get(url).status_code == 403
    assert client_for(line_manager).post(url, {}).status_code == 403


def test_democratic_services_may_correct_any(client_for, democratic_services, notices):
    url = reverse("notices:change", args=[notices["hillside"].pk])
    assert client_for(democratic_services).get(url).status_code == 200
    assert (
        client_for(democratic_services).get(reverse("notices:change", args=[99999])).status_code
        == 404
    )
