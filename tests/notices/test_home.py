"""The notices panel on the home page: a councillor's latest ward notices; officers' links;
the Monitoring Officer's link to declare a period; everyone's link to the guidance."""

import pytest
from django.urls import reverse

from .helpers import matter, meeting

pytestmark = pytest.mark.django_db

HOME = reverse("home")


def test_a_councillor_sees_the_latest_notices_for_their_ward(client_for, councillor, officer, org):
    notice = meeting(officer, [org.ward])
    html = client_for(councillor).get(HOME).content.decode()
    assert "Ward notices" in html
    assert reverse("notices:detail", args=[notice.pk]) in html
    assert "All notices for Riverside" in html
    assert "Tell ward members about" not in html


def test_a_councillor_with_none_yet_is_told_so(client_for, councillor):
    html = client_for(councillor).get(HOME).content.decode()
    assert (
        "No matters, public meetings, consultations or media interest have been recorded "
        "for Riverside" in html
    )


def test_an_officer_gets_the_links_to_record_and_list(client_for, officer, org):
    matter(officer, [org.ward])
    html = client_for(officer).get(HOME).content.decode()
    assert (
        "Tell ward members about a matter, public meeting, consultation or media interest" in html
    )
    assert "Notices you recorded" in html
    assert "Declare a pre-election period" not in html


def test_the_monitoring_officer_may_declare_a_period(client_for, monitoring_officer):
    html = client_for(monitoring_officer).get(HOME).content.decode()
    assert "Declare a pre-election period" in html


def test_someone_with_no_role_still_finds_the_guidance(client_for, outsider):
    html = client_for(outsider).get(HOME).content.decode()
    assert "Pre-election periods and the Monitoring Officer's guidance" in html
    assert "Ward notices" not in html


def test_the_home_page_keeps_its_query_count(
    client_for, councillor, officer, org, django_assert_max_num_queries
):
    client = client_for(councillor)
    meeting(officer, [org.ward])
    client.get(HOME)
    with django_assert_max_num_queries(11) as few:  # one for the protocol references
        client.get(HOME)
    for n in range(5):
        matter(officer, [org.ward], title=f"Matter {n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(HOME)
