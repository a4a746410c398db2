"""A recorded time of receipt lies between the start of the council's records and now, on the
page, through the API and in the service itself: an enquiry dated 1 January 1900 would be
overdue at once, every rung of its escalation ladder due together."""

from datetime import date, datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse

from enquiries.models import Enquiry
from protocol_site.calendar import records_start
from tests.clock import at, clock_at

from .factories import casework
from .test_views_intake import record_data

pytestmark = pytest.mark.django_db

NOW = at(2026, 12, 23, 12, 0)


@pytest.mark.parametrize(
    ("today", "start"),
    [
        (date(2026, 12, 23), date(2025, 12, 23)),
        (date(2028, 2, 29), date(2027, 2, 28)),
    ],
)
def test_by_default_the_records_start_a_year_back(today, start):
    assert records_start(today) == start


@override_settings(RECORDS_START_DATE=date(2020, 4, 1))
def test_the_council_may_say_when_its_records_start():
    assert records_start(date(2026, 12, 23)) == date(2020, 4, 1)


def _record(org, officer, received: datetime) -> Enquiry:
    return casework(org, actor=officer, channel=Enquiry.Channel.EMAIL, received_at=received)


@clock_at(NOW)
@pytest.mark.parametrize(
    ("received", "says"),
    [
        (at(1900, 1, 1, 9, 0), "on or after Tuesday 23 December 2025"),
        (at(2025, 12, 22, 23, 59), "on or after Tuesday 23 December 2025"),
        (at(2026, 12, 23, 12, 1), "must be in the past"),
    ],
)
def test_a_time_of_receipt_outside_the_records_is_refused_naming_the_field(
    org, officer, received, says
):
    with pytest.raises(ValidationError) as refused:
        _record(org, officer, received)
    assert list(refused.value.message_dict) == ["received_at"]
    assert says in refused.value.message_dict["received_at"][0]
    assert not Enquiry.objects.exists()


@clock_at(NOW)
def test_the_first_day_of_the_records_and_now_itself_are_taken(org, officer):
    _record(org, officer, at(2025, 12, 23, 0, 0))
    _record(org, officer, NOW)
    assert Enquiry.objects.count() == 2


@clock_at(NOW)
@override_settings(RECORDS_START_DATE=date(2020, 4, 1))
def test_a_council_with_older_records_records_older_enquiries(org, officer):
    _record(org, officer, at(2020, 4, 1, 9, 0))
    with pytest.raises(ValidationError, match="Wednesday 1 April 2020"):
        _record(org, officer, at(2020, 3, 31, 17, 0))


@clock_at(NOW)
def test_the_record_page_shows_the_error_against_the_date_received(client_for, officer, org):
    response = client_for(officer).post(
        reverse("enquiries:record"), record_data(org, at(1900, 1, 1, 9, 0))
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert "The date received must be on or after Tuesday 23 December 2025" in html
    assert 'href="#id_received_on_0"' in html  # the summary links to the date field
    assert not Enquiry.objects.exists()
