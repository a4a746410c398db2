"""The registers' domain words: one definition each of an active officer, a serving councillor,
a current role, an active post or service, and a statutory role in post."""

from datetime import date

import pytest

from registers.models import Councillor, CouncillorRole, Officer, Post, Service, StatutoryRole

from .factories import (
    CouncillorFactory,
    CouncillorRoleFactory,
    DirectorateFactory,
    OfficerFactory,
    PostFactory,
    ServiceFactory,
    StatutoryRoleFactory,
)

pytestmark = pytest.mark.django_db

ON = date(2026, 6, 1)


def test_an_active_officer_has_an_active_record_and_an_account_that_can_sign_in():
    active = OfficerFactory()
    left = OfficerFactory(is_active=False)
    switched_off = OfficerFactory(user__is_active=False)
    assert list(Officer.objects.active()) == [active]
    assert {left, switched_off}.isdisjoint(Officer.objects.active())


def test_a_statutory_role_is_in_post_while_its_holder_is_active():
    StatutoryRoleFactory(kind=StatutoryRole.Kind.MONITORING_OFFICER)
    StatutoryRoleFactory(
        kind=StatutoryRole.Kind.DEPUTY_MONITORING_OFFICER,
        officer=OfficerFactory(user__is_active=False),
    )
    kinds = set(StatutoryRole.objects.in_post().values_list("kind", flat=True))
    assert kinds == {StatutoryRole.Kind.MONITORING_OFFICER}


def test_a_councillor_serves_from_the_start_of_their_term_to_its_last_day():
    serving = CouncillorFactory(term_start=date(2022, 5, 5), term_end=None)
    last_day = CouncillorFactory(term_start=date(2022, 5, 5), term_end=ON)
    ended = CouncillorFactory(term_start=date(2018, 5, 3), term_end=date(2022, 5, 4))
    not_yet = CouncillorFactory(term_start=date(2026, 6, 2))
    no_account = CouncillorFactory(user__is_active=False)
    on_the_day = set(Councillor.objects.serving(ON))
    assert on_the_day == {serving, last_day}
    assert {ended, not_yet, no_account}.isdisjoint(on_the_day)
    assert set(Councillor.objects.serving(date(2026, 6, 2))) == {serving, not_yet}


def test_a_role_is_current_from_its_start_to_its_end_date():
    current = CouncillorRoleFactory(starts_on=date(2024, 5, 20))
    ends_today = CouncillorRoleFactory(starts_on=date(2024, 5, 20), ends_on=ON)
    ended = CouncillorRoleFactory(starts_on=date(2023, 5, 20), ends_on=date(2024, 5, 19))
    future = CouncillorRoleFactory(starts_on=date(2026, 6, 2))
    assert set(CouncillorRole.objects.current(ON)) == {current, ends_today}
    assert [r.is_current(ON) for r in (current, ends_today, ended, future)] == [
        True,
        True,
        False,
        False,
    ]
    assert list(current.councillor.roles.current(ON)) == [current]


def test_active_posts_and_services():
    post = PostFactory()
    PostFactory(is_active=False, service=post.service)
    closed_directorate = DirectorateFactory(is_active=False)
    ServiceFactory(directorate=closed_directorate)
    ServiceFactory(is_active=False, directorate=post.directorate)
    assert list(Post.objects.active()) == [post]
    assert list(Service.objects.active()) == [post.service]
