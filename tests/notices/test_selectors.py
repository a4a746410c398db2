"""Who sees which ward notices, and which pre-election period is on at a given moment."""

from datetime import date

import pytest
from django.http import Http404

from notices.selectors import (
    current_period,
    period_on,
    recent_ward_notices,
    ward_notice_for,
    ward_notices_visible_to,
)
from notices.services import election_period_end
from registers.roles import person_for
from tests.clock import at

from .helpers import declare_period, matter, meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def notices(org, officer, director, hillside):
    return {
        "riverside": meeting(officer, [org.ward]),
        "both": matter(director, [org.ward, hillside]),
        "hillside": matter(officer, [hillside], title="Hillside park works"),
    }


def test_a_councillor_sees_their_own_wards_notices(notices, councillor, hill_member):
    assert set(ward_notices_visible_to(councillor)) == {notices["riverside"], notices["both"]}
    assert set(ward_notices_visible_to(hill_member)) == {notices["both"], notices["hillside"]}
    assert ward_notice_for(councillor, notices["both"].pk) == notices["both"]
    with pytest.raises(Http404):
        ward_notice_for(councillor, notices["hillside"].pk)


@pytest.mark.parametrize(
    "who", ["officer", "line_manager", "director", "monitoring_officer", "democratic_services"]
)
def test_officers_and_democratic_services_see_every_notice(request, notices, who):
    user = request.getfixturevalue(who)
    assert set(ward_notices_visible_to(user)) == set(notices.values())


def test_someone_with_no_council_role_sees_none(notices, outsider):
    assert not ward_notices_visible_to(outsider).exists()
    with pytest.raises(Http404):
        ward_notice_for(outsider, notices["both"].pk)


def test_a_co_opted_member_without_a_ward_sees_none(notices, org):
    member = org.councillors.councillor
    member.ward, member.co_opted, member.co_opted_to = None, True, "Audit Committee"
    member.save()
    assert not ward_notices_visible_to(member.user).exists()


def test_the_home_page_shows_the_latest_three_for_the_ward(org, officer, councillor):
    made = [matter(officer, [org.ward], title=f"Matter {n}") for n in range(4)]
    assert recent_ward_notices(person_for(councillor)) == made[::-1][:3]
    assert recent_ward_notices(person_for(officer)) == []


@pytest.mark.parametrize(
    ("moment", "on"),
    [
        (at(2026, 3, 31, 23, 59), False),
        (at(2026, 4, 1, 0, 0), True),  # from the start of its first day, London time
        (at(2026, 5, 7, 22, 0), True),  # polling day, after the polls close
        (at(2026, 5, 7, 23, 59), True),
        (at(2026, 5, 8, 0, 0), False),
    ],
)
def test_period_on_runs_from_the_first_day_to_the_end_of_polling_day(
    monitoring_officer, moment, on
):
    period = declare_period(monitoring_officer)
    assert (period_on(moment) == period) is on
    assert period.is_on(moment) is on


def test_period_on_respects_an_early_end(monitoring_officer):
    period = declare_period(monitoring_officer)
    before = at(2026, 4, 15, 9, 59)
    election_period_end(actor=monitoring_officer, period=period)  # at 10:00 on the 15th
    assert period_on(before) == period
    assert period_on(at(2026, 4, 15, 10, 0)) is None
    assert period_on(at(2026, 5, 1, 12, 0)) is None


def test_the_current_period_is_cached_for_the_day(monitoring_officer, django_assert_num_queries):
    period = declare_period(monitoring_officer, starts_on=date(2026, 4, 10))
    with django_assert_num_queries(1):
        assert current_period() == period
    with django_assert_num_queries(0):
        assert current_period() == period
