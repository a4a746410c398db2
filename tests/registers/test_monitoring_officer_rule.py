"""Who holds the Monitoring Officer's powers: one rule, in general and on one case.

The Monitoring Officer; the Deputy while the Monitoring Officer is absent or the post vacant;
on one case, the Deputy when the Monitoring Officer is a party to it."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from protocol_site.models import User
from registers.ladder import acting_monitoring_officer, monitoring_officer_user
from registers.models import StatutoryRole
from registers.roles import Role, may_act_as_monitoring_officer, person_for
from tests.clock import LONDON
from tests.registers.factories import OfficerFactory, StatutoryRoleFactory
from tests.registers.forms_data import date_data, form_data

pytestmark = pytest.mark.django_db


@dataclass
class Case:
    party_user_ids: tuple[int, ...]


def fresh(user):
    """The user again, without the roles cached on the instance."""
    return User.objects.get(pk=user.pk)


@pytest.fixture
def mo(org):
    return org.officers.monitoring_officer


@pytest.fixture
def deputy(org):
    deputy = OfficerFactory(user__username="deputy.mo")
    StatutoryRoleFactory(kind=StatutoryRole.Kind.DEPUTY_MONITORING_OFFICER, officer=deputy)
    return deputy


def away(mo):
    mo.is_active = False
    mo.save(update_fields=["is_active"])


def account_off(mo):
    mo.user.is_active = False
    mo.user.save(update_fields=["is_active"])


def vacate(mo):
    StatutoryRole.objects.filter(kind=StatutoryRole.Kind.MONITORING_OFFICER).delete()


def test_the_monitoring_officer_in_post_holds_the_powers(mo, deputy):
    assert acting_monitoring_officer() == mo
    assert monitoring_officer_user() == mo.user
    assert may_act_as_monitoring_officer(fresh(mo.user))
    assert not may_act_as_monitoring_officer(fresh(deputy.user))
    assert Role.MONITORING_OFFICER not in person_for(fresh(deputy.user)).roles
    assert person_for(fresh(deputy.user)).role_labels[-1] == "Deputy Monitoring Officer"


@pytest.mark.parametrize("gone", [away, account_off, vacate])
def test_the_deputy_holds_them_while_the_monitoring_officer_is_absent_or_the_post_vacant(
    mo, deputy, gone
):
    gone(mo)
    assert acting_monitoring_officer() == deputy
    user = fresh(deputy.user)
    assert may_act_as_monitoring_officer(user)
    assert may_act_as_monitoring_officer(user, Case(party_user_ids=(1, 2)))
    person = person_for(user)
    assert person.has(Role.MONITORING_OFFICER)
    assert "Deputy Monitoring Officer, acting as Monitoring Officer" in person.role_labels


def test_on_a_case_the_monitoring_officer_is_a_party_to_the_deputy_acts(mo, deputy, councillor):
    theirs = Case(party_user_ids=(mo.user_id, councillor.pk))
    other = Case(party_user_ids=(councillor.pk, 999))
    assert acting_monitoring_officer(theirs) == deputy
    assert monitoring_officer_user(theirs) == deputy.user
    assert not may_act_as_monitoring_officer(fresh(mo.user), theirs)
    assert may_act_as_monitoring_officer(fresh(deputy.user), theirs)
    # Everywhere else the Monitoring Officer acts, and the Deputy has no such powers.
    assert may_act_as_monitoring_officer(fresh(mo.user), other)
    assert not may_act_as_monitoring_officer(fresh(deputy.user), other)
    assert not may_act_as_monitoring_officer(fresh(deputy.user))


def test_nobody_acts_on_a_case_both_are_parties_to(mo, deputy):
    both = Case(party_user_ids=(mo.user_id, deputy.user_id))
    assert acting_monitoring_officer(both) is None
    assert not may_act_as_monitoring_officer(fresh(mo.user), both)
    assert not may_act_as_monitoring_officer(fresh(deputy.user), both)


def test_without_a_deputy_nobody_stands_in(mo, officer):
    vacate(mo)
    assert acting_monitoring_officer() is None
    assert not may_act_as_monitoring_officer(fresh(officer))


def test_people_with_no_statutory_role_cost_no_query(officer, django_assert_num_queries):
    person_for(officer)
    with django_assert_num_queries(0):
        assert not may_act_as_monitoring_officer(officer, Case(party_user_ids=(1, 2)))


def test_the_deputy_acts_only_on_the_days_the_monitoring_officer_is_recorded_away(mo, deputy):
    role = mo.statutory_roles.get()
    role.away_from, role.away_until = date(2026, 12, 7), date(2026, 12, 18)
    role.save()
    for day, acting in [
        (date(2026, 12, 6), mo),
        (date(2026, 12, 7), deputy),
        (date(2026, 12, 18), deputy),
        (date(2026, 12, 19), mo),
    ]:
        with time_machine.travel(datetime.combine(day, time(12), tzinfo=LONDON)):
            assert acting_monitoring_officer() == acting, day
            assert may_act_as_monitoring_officer(fresh(acting.user))
            other = deputy if acting == mo else mo
            assert not may_act_as_monitoring_officer(fresh(other.user)), day


def test_democratic_services_record_the_monitoring_officer_away(
    client_for, democratic_services, mo, deputy
):
    role = mo.statutory_roles.get()
    client = client_for(democratic_services)
    url = reverse("manage:statutoryrole_edit", args=[role.pk])
    page = client.get(url).content.decode()
    assert "Away from (optional)" in page and "Deputy Monitoring Officer acts" in page
    base = form_data(client.get(url))
    only_start = client.post(url, {**base, **date_data("away_from", date(2026, 12, 7))})
    assert (
        "Enter both the first and the last day the holder is away." in only_start.content.decode()
    )
    backwards = {
        **date_data("away_from", date(2026, 12, 18)),
        **date_data("away_until", date(2026, 12, 7)),
    }
    response = client.post(url, {**base, **backwards})
    assert "must be the same as or after the first day" in response.content.decode()
    role.refresh_from_db()
    assert role.away_from is None
    today = timezone.localdate()
    window = {
        **date_data("away_from", today),
        **date_data("away_until", today + timedelta(days=10)),
    }
    assert client.post(url, {**base, **window}).status_code == 302
    role.refresh_from_db()
    assert role.is_away() and acting_monitoring_officer() == deputy
    assert role.history.latest().history_user == democratic_services
    home = client_for(mo.user).get(reverse("home")).content.decode()
    back = today + timedelta(days=10)
    assert f"Monitoring Officer: away until {back.day} {back:%B %Y}" in home
    assert "Deputy Monitoring Officer, acting as Monitoring Officer" in (
        client_for(deputy.user).get(reverse("home")).content.decode()
    )
