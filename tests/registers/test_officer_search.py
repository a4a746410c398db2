"""The officer search behind the enhanced picker: signed-in people of the council only, the
officers the asking form may offer and no others, a few at a time, in a fixed number of
queries however large the council."""

import re
from html import unescape

import pytest
from django.db import connection
from django.db.models import Func, Value
from django.db.models.functions import Upper
from django.urls import reverse

from protocol_site.models import User
from registers.pickers import SEARCH_LIMIT, FullName, OfficerScope
from tests.clock import clock_at
from tests.protocol_site.factories import UserFactory
from tests.registers.factories import OfficerFactory, PostFactory

from .helpers import NOW, ask_for_visit

pytestmark = pytest.mark.django_db

SEARCH = reverse("officer_search")


def search(client, q: str, scope: OfficerScope | None = None, token: str | None = None):
    params = {"q": q}
    if scope is not None or token is not None:
        params["scope"] = token if token is not None else scope.token()
    return client.get(SEARCH, params)


def names(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [row["name"] for row in response.json()["results"]]


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = search(client, "Evans")
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/")


def test_someone_with_no_place_in_the_council_is_refused(client_for, outsider):
    assert search(client_for(outsider), "Evans").status_code == 403


def test_it_answers_name_post_and_service_for_every_word_in_any_case(client_for, org, councillor):
    response = search(client_for(councillor), "gareth EV")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "results": [
            {
                "id": org.officers.head_of_service.pk,
                "name": "Gareth Evans",
                "post": "Head of Waste and Recycling",
                "service": "Waste and Recycling",
            }
        ],
        "more": False,
    }
    assert names(search(client_for(councillor), "gareth lewis")) == []  # every word must match


def test_officers_who_have_left_or_cannot_sign_in_are_not_offered(client_for, org, councillor):
    gone = OfficerFactory(user=UserFactory(first_name="Evan", last_name="Gone"), is_active=False)
    locked = OfficerFactory(user=UserFactory(first_name="Evan", last_name="Locked"))
    locked.user.is_active = False
    locked.user.save(update_fields=["is_active"])
    assert names(search(client_for(councillor), "Evan")) == ["Gareth Evans"]
    assert gone.pk and locked.pk


def test_another_directorates_officer_is_not_offered_to_a_form_that_limits_to_one(
    client_for, org, councillor
):
    place = OfficerScope(directorate=org.directorate.pk)
    client = client_for(councillor)
    assert names(search(client, "Margaret", place)) == []  # Resources
    assert names(search(client, "Margaret")) == ["Margaret Lewis"]
    assert names(search(client, "Gareth", place)) == ["Gareth Evans"]


def test_an_officer_acting_up_into_the_directorate_is_offered(client_for, org, councillor):
    org.posts.line_manager.acting_holder = org.officers.monitoring_officer
    org.posts.line_manager.save(update_fields=["acting_holder"])
    place = OfficerScope(directorate=org.directorate.pk)
    assert names(search(client_for(councillor), "Margaret", place)) == ["Margaret Lewis"]


def test_people_the_form_leaves_out_are_left_out(client_for, org, councillor, officer):
    client = client_for(councillor)
    left_out = OfficerScope(exclude=(org.officers.head_of_service.pk,))
    assert names(search(client, "Gareth", left_out)) == []
    yourself = OfficerScope(exclude_user=officer.pk)
    assert names(search(client_for(officer), "Oliver", yourself)) == []
    senior = OfficerScope(tiers=(1, 2, 3))
    assert names(search(client, "a", senior)) == ["Helen Carter", "David Okafor"]


def test_a_scope_that_was_tampered_with_is_refused(client_for, councillor):
    token = OfficerScope(directorate=1).token()
    response = search(client_for(councillor), "Gareth", token=token[:-2] + "xx")
    assert response.status_code == 400
    assert search(client_for(councillor), "Gareth", token="not-a-scope").status_code == 400


def test_the_page_hands_the_search_its_forms_scope(client_for, org, director, monkeypatch):
    """The visit's arrange page offers only the directorate's officers, and so does the search
    its picker calls: the page's own search address, not a copy of the scope."""
    monkeypatch.setattr("registers.pickers.SELECT_LIMIT", 0)  # the text input, as at scale
    with clock_at(NOW):
        visit = ask_for_visit(org)
        client = client_for(director)
        page = client.get(reverse("visits:arrange", args=[visit.pk])).content.decode()
    url = unescape(re.search(r'data-search-url="([^"]+)"', page).group(1))
    assert names(client.get(f"{url}&q=Gareth")) == ["Gareth Evans"]
    assert names(client.get(f"{url}&q=Margaret")) == []


def test_it_answers_a_few_at_a_time_exact_name_first(client_for, councillor):
    for n in range(SEARCH_LIMIT + 5):
        OfficerFactory(user=UserFactory(first_name="Sam", last_name=f"Aaron{n:02d}"))
    OfficerFactory(user=UserFactory(first_name="Sam", last_name="Zed"))
    body = search(client_for(councillor), "sam zed").json()
    assert [row["name"] for row in body["results"]] == ["Sam Zed"]
    body = search(client_for(councillor), "Sam").json()
    assert len(body["results"]) == SEARCH_LIMIT and body["more"] is True
    assert body["results"][0]["name"] == "Sam Aaron00"


def test_nothing_typed_or_nothing_searchable_finds_no_one(client_for, councillor):
    client = client_for(councillor)
    for q in ["", "   ", "\x00", "%", "_", "()"]:
        assert names(search(client, q)) == [], q


def test_a_fixed_number_of_queries_however_many_officers_match(
    client_for, org, councillor, django_assert_num_queries
):
    client = client_for(councillor)
    search(client, "warm up")
    for n in range(30):
        acting = PostFactory(title=f"Acting post {n}") if n % 3 == 0 else None
        found = OfficerFactory(
            user=UserFactory(first_name="Pat", last_name=f"Many{n}"),
            post=PostFactory(title=f"Post {n}"),
        )
        if acting:
            acting.acting_holder = found
            acting.save(update_fields=["acting_holder"])
    # Session, user and the person's place in the council; the officers; their acting posts.
    with django_assert_num_queries(5):
        assert len(names(search(client, "pat many"))) == SEARCH_LIMIT


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigram index is PostgreSQL's")
def test_the_search_can_use_the_trigram_index_on_names(org):
    """The index (protocol_site migration 0003) is on exactly the expression the search
    compares; if the two drift apart, PostgreSQL reads every officer for every keystroke.
    Asked of the people table alone, so the plan does not hang on how a join is costed."""

    class NameOnPeople(FullName):
        def __init__(self):
            Func.__init__(self, "first_name", "last_name")

    found = User.objects.annotate(_name=NameOnPeople())
    found = found.filter(_name__contains=Upper(Value("evans"))).values("pk")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    assert "protocol_site_user_full_name_trgm" in found.explain()
