"""Long lists count no further than they show; a ranked list counts with its page."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from protocol_site.pagination import CappedPaginator

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    User = get_user_model()
    User.objects.bulk_create(User(username=f"person-{n:02d}") for n in range(23))
    return User.objects.filter(username__startswith="person-").order_by("username")


def test_a_short_list_is_counted_exactly(people):
    paginator = CappedPaginator(people, 5, cap=50)
    assert (paginator.count, paginator.capped, paginator.num_pages) == (23, False, 5)


def test_a_long_list_counts_no_further_than_its_cap_and_pages_only_that_far(people):
    paginator = CappedPaginator(people, 5, cap=10)
    with CaptureQueriesContext(connection) as counted:
        assert (paginator.count, paginator.capped, paginator.num_pages) == (10, True, 2)
    assert len(counted) == 1
    assert "LIMIT 11" in counted[0]["sql"]
    assert paginator.cap_words == "10"
    assert paginator.get_page(9).number == 2  # beyond the cap: the last page listed


@pytest.mark.parametrize("cap", [10, 1000])
def test_a_ranked_list_counts_with_its_page_in_one_query_then_reads_its_rows(people, cap):
    paginator = CappedPaginator(people, 5, cap=cap, ranked=True)
    with CaptureQueriesContext(connection) as counted:
        page = paginator.get_page("2")
        names = [p.username for p in page]
    assert names == [f"person-{n:02d}" for n in range(5, 10)]  # in the list's order
    assert len(counted) == 2
    assert paginator.count == min(23, cap)
    assert paginator.capped is (cap < 23)


@pytest.mark.parametrize("asked, shown", [("x", 1), ("0", 5), ("99", 5), (None, 1)])
def test_a_ranked_list_answers_any_page_number_with_a_page(people, asked, shown):
    page = CappedPaginator(people, 5, ranked=True).get_page(asked)
    assert page.number == shown
    assert len(page) == (3 if shown == 5 else 5)


def test_a_ranked_list_with_no_match_has_one_empty_page(people):
    page = CappedPaginator(people.none(), 5, ranked=True).get_page(1)
    assert (page.number, len(page), page.paginator.count) == (1, 0, 0)
