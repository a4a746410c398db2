"""ELE-1: every signed-in page shows the pre-election banner while a period lasts, and only
then; it costs at most one (cached) query."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from notices.services import election_period_end
from tests.clock import at

from .helpers import NOW, declare_period

pytestmark = pytest.mark.django_db

BANNER = 'id="election-period-banner"'
HOME = reverse("home")


@pytest.mark.parametrize(
    "url",
    [
        reverse("home"),
        reverse("enquiries:list"),
        reverse("complaints:list"),
        reverse("notices:list"),
        reverse("notices:periods"),
    ],
)
def test_every_signed_in_page_shows_the_banner_during_a_period(
    client_for, monitoring_officer, officer, url
):
    period = declare_period(monitoring_officer)
    html = client_for(officer).get(url).content.decode()
    assert BANNER in html
    assert "Borough elections 7 May 2026: from 1 April 2026 to the end of polling day" in html
    assert "Thursday 7 May 2026" in html
    assert reverse("notices:period", args=[period.pk]) in html


def test_people_with_no_role_see_it_too(client_for, monitoring_officer, outsider):
    declare_period(monitoring_officer)
    assert BANNER in client_for(outsider).get(HOME).content.decode()


def test_the_sign_in_page_does_not(client, monitoring_officer):
    declare_period(monitoring_officer)
    assert BANNER not in client.get(reverse("login")).content.decode()


@pytest.mark.parametrize(
    ("moment", "shown"),
    [
        (at(2026, 3, 31, 23, 0), False),
        (at(2026, 4, 1, 8, 0), True),
        (at(2026, 5, 7, 21, 59), True),
        (at(2026, 5, 8, 9, 0), False),
    ],
)
def test_only_while_the_period_lasts(
    client_for, monitoring_officer, councillor, frozen_clock, moment, shown
):
    declare_period(monitoring_officer)
    frozen_clock.move_to(moment)
    assert (BANNER in client_for(councillor).get(HOME).content.decode()) is shown


def test_not_before_a_declared_period_starts(client_for, monitoring_officer, councillor):
    declare_period(monitoring_officer, starts_on=date(2026, 4, 20))
    assert BANNER not in client_for(councillor).get(HOME).content.decode()


def test_it_comes_off_when_the_period_is_ended_early(client_for, monitoring_officer, councillor):
    period = declare_period(monitoring_officer)
    client = client_for(councillor)
    assert BANNER in client.get(HOME).content.decode()
    election_period_end(actor=monitoring_officer, period=period)
    assert BANNER not in client.get(HOME).content.decode()


def test_it_appears_as_soon_as_a_period_starting_today_is_declared(
    client_for, monitoring_officer, councillor
):
    client = client_for(councillor)
    assert BANNER not in client.get(HOME).content.decode()  # caches "no period" for today
    declare_period(monitoring_officer, starts_on=NOW.date())
    assert BANNER in client.get(HOME).content.decode()


def test_the_banner_costs_at_most_one_query_and_none_once_cached(
    client_for, monitoring_officer, officer, django_assert_max_num_queries, frozen_clock
):
    client = client_for(officer)
    frozen_clock.move_to(NOW - timedelta(days=30))  # no period on that day: the baseline
    client.get(HOME)
    with django_assert_max_num_queries(10) as baseline:  # the home page, saved views included
        assert BANNER not in client.get(HOME).content.decode()
    usual = len(baseline.captured_queries)  # before the next request empties the log
    frozen_clock.move_to(NOW)
    client.get(HOME)  # the first view of a day reads again who the viewer is that day
    declare_period(monitoring_officer)
    with django_assert_max_num_queries(usual + 1):
        assert BANNER in client.get(HOME).content.decode()  # one query for today's period
    with django_assert_max_num_queries(usual):
        assert BANNER in client.get(HOME).content.decode()  # then none: it is cached
