"""The per-request memo, counting many querysets in one query, and the recursive walks of
the structure that the key pages' query budgets rest on."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from protocol_site.models import User
from protocol_site.request_memo import RequestMemoMiddleware, memoised
from protocol_site.tally import count_together, tally
from registers.ladder import posts_above, posts_below, statutory_officers
from registers.models import Post, StatutoryRole

pytestmark = pytest.mark.django_db


def _counter():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    return calls, compute


def test_without_a_request_nothing_is_remembered():
    calls, compute = _counter()
    assert memoised("k", compute) == 1
    assert memoised("k", compute) == 2


@pytest.mark.parametrize(("method", "computed"), [("get", 1), ("head", 1), ("post", 2)])
def test_a_get_remembers_for_its_own_length_only(method, computed):
    calls, compute = _counter()

    def view(request):
        memoised("k", compute)
        memoised("k", compute)
        return HttpResponse("ok")

    middleware = RequestMemoMiddleware(view)
    middleware(getattr(RequestFactory(), method)("/"))
    assert len(calls) == computed
    middleware(getattr(RequestFactory(), method)("/"))
    assert len(calls) == 2 * computed  # a new request starts afresh


def test_tally_alone_is_a_count(officer):
    assert tally(User.objects.all()) == User.objects.count()


def test_counts_together_in_one_query(org, officer, django_assert_num_queries):
    users = User.objects.all()
    expected = {
        "all": users.count(),
        "some": users.filter(username__startswith="o").count(),
        "distinct": users.filter(groups__isnull=True).distinct().count(),
        "none": 0,
        "sliced": users.order_by("pk")[:2].count(),
    }

    def build():
        return {
            "all": tally(users),
            "nested": {"some": tally(users.filter(username__startswith="o"))},
            "list": [tally(users.filter(groups__isnull=True).distinct())],
            "none": tally(users.none()),
            "sliced": tally(users.order_by("pk")[:2]),
            "kept": "as it was",
        }

    with django_assert_num_queries(1):
        got = count_together(build, user_pk=officer.pk)
    assert got == {
        "all": expected["all"],
        "nested": {"some": expected["some"]},
        "list": [expected["distinct"]],
        "none": 0,
        "sliced": expected["sliced"],
        "kept": "as it was",
    }


def test_the_posts_above_come_nearest_first_in_one_query(org, django_assert_num_queries):
    with django_assert_num_queries(1):
        chain = posts_above(org.posts.officer)
    assert chain == [
        org.posts.line_manager,
        org.posts.head_of_service,
        org.posts.assistant_director,
        org.posts.director,
        org.posts.chief_executive,
    ]
    assert chain[0].holder == org.officers.line_manager  # the holders come with them
    assert posts_above(org.posts.chief_executive) == []


def test_the_posts_below_are_a_subquery(org):
    below = set(Post.objects.filter(pk__in=posts_below(org.posts.assistant_director)))
    assert below == {org.posts.head_of_service, org.posts.line_manager, org.posts.officer}
    assert not Post.objects.filter(pk__in=posts_below(org.posts.officer)).exists()


def test_the_statutory_officers_in_one_query(org, django_assert_num_queries):
    with django_assert_num_queries(1):
        officers = statutory_officers()
        assert officers[StatutoryRole.Kind.MONITORING_OFFICER].user.username
    assert officers[StatutoryRole.Kind.HEAD_OF_PAID_SERVICE] == org.officers.chief_executive
