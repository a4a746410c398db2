"""Democratic services' organisation pages: who reaches them, lists, search, paging, records,
and the query count of every list (ORG-1, ORG-2, ORG-4 closure days)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from protocol_site.models import ClosureDay
from registers.manage.registry import REGISTERS
from tests.protocol_site.factories import ClosureDayFactory, UserFactory
from tests.registers.factories import (
    CouncillorFactory,
    CouncillorRoleFactory,
    DirectorateFactory,
    OfficerFactory,
    OfficerInterestFactory,
    PoliticalGroupFactory,
    PostFactory,
    ServiceFactory,
    StatutoryRoleFactory,
    TrainingAttendanceFactory,
    TrainingSessionFactory,
    VisitFactory,
    WardFactory,
)

pytestmark = pytest.mark.django_db

KEYS = [register.key for register in REGISTERS]
EDITABLE = [register.key for register in REGISTERS if not register.read_only]
NO_ACCESS = ["councillor", "officer", "director", "monitoring_officer", "outsider"]


def _any_pk(key, org):
    """The id of one existing record of each register in the standard organisation."""
    return {
        "directorate": org.directorate.pk,
        "service": org.service.pk,
        "post": org.posts.officer.pk,
        "officer": org.officers.officer.pk,
        "statutoryrole": org.officers.monitoring_officer.statutory_roles.get().pk,
        "ward": org.ward.pk,
        "councillor": org.councillors.councillor.pk,
        "councillorrole": CouncillorRoleFactory(councillor=org.councillors.councillor).pk,
        "politicalgroup": org.group_a.pk,
        "closureday": ClosureDayFactory().pk,
        "officerinterest": OfficerInterestFactory(officer=org.officers.officer).pk,
        "restrictedpost": PostFactory(politically_restricted=True, restriction_reason="Advice").pk,
        "visit": VisitFactory(councillor=org.councillors.councillor, service=org.service).pk,
        "trainingsession": TrainingSessionFactory().pk,
        "trainingattendance": TrainingAttendanceFactory(councillor=org.councillors.councillor).pk,
    }[key]


def _urls(org):
    urls = [reverse("manage:index")]
    for key in KEYS:
        pk = _any_pk(key, org)
        urls += [reverse(f"manage:{key}_list"), reverse(f"manage:{key}_export")]
        if key not in EDITABLE:
            continue
        urls += [
            reverse(f"manage:{key}_add"),
            reverse(f"manage:{key}_detail", args=[pk]),
            reverse(f"manage:{key}_edit", args=[pk]),
        ]
    urls.append(reverse("manage:closureday_delete", args=[ClosureDayFactory().pk]))
    return urls


# --- Access --------------------------------------------------------------------------------


@pytest.mark.parametrize("who", NO_ACCESS)
def test_only_democratic_services_reach_the_organisation_pages(request, client_for, org, who):
    client = client_for(request.getfixturevalue(who))
    for url in _urls(org):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "You do not have access to this page" in response.content.decode()
        assert client.post(url, {"name": "X"}).status_code == 403, url


def test_nothing_is_changed_by_a_refused_post(client_for, org, officer):
    client_for(officer).post(reverse("manage:directorate_add"), {"name": "Sneaky"})
    day = ClosureDayFactory()
    client_for(officer).post(reverse("manage:closureday_delete", args=[day.pk]))
    assert not org.directorate.__class__.objects.filter(name="Sneaky").exists()
    assert ClosureDay.objects.filter(pk=day.pk).exists()


def test_anonymous_visitors_are_sent_to_sign_in(client, org):
    for url in _urls(org):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login")), url


def test_democratic_services_and_superusers_reach_every_page(client_for, org, democratic_services):
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    for user in (democratic_services, admin):
        client = client_for(user)
        for url in _urls(org):
            assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("key", EDITABLE)
def test_an_unknown_id_is_not_found(client_for, democratic_services, key):
    client = client_for(democratic_services)
    assert client.get(reverse(f"manage:{key}_detail", args=[999999])).status_code == 404
    assert client.get(reverse(f"manage:{key}_edit", args=[999999])).status_code == 404
    assert client.post(reverse(f"manage:{key}_edit", args=[999999])).status_code == 404


def test_deleting_an_unknown_closure_day_is_not_found(client_for, democratic_services):
    url = reverse("manage:closureday_delete", args=[999999])
    assert client_for(democratic_services).post(url).status_code == 404


# --- The index ------------------------------------------------------------------------------


def test_the_index_lists_every_register_with_its_count_and_link(client_for, democratic_services):
    html = client_for(democratic_services).get(reverse("manage:index")).content.decode()
    for register in REGISTERS:
        assert escape(register.plural) in html
        assert f'href="{reverse(register.list_url_name)}"' in html
    # Eight officers, three councillors in the standard organisation.
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">8</td>' in html
    assert '<td class="govuk-table__cell govuk-table__cell--numeric">3</td>' in html


# --- Lists: query counts do not grow with rows ------------------------------------------------


def _thirty(key, org):
    """Thirty more rows of one register, each with the relations its list shows."""
    for n in range(30):
        if key == "directorate":
            ServiceFactory(directorate=DirectorateFactory(name=f"Directorate {n:02}"))
        elif key == "service":
            ServiceFactory(complaints_officer=OfficerFactory())
        elif key == "post":
            OfficerFactory(post=PostFactory(reports_to=org.posts.line_manager))
        elif key == "officer":
            OfficerFactory(post=PostFactory())
        elif key == "statutoryrole":
            # Only four kinds exist: reassigning keeps the count of rows the same.
            StatutoryRoleFactory(kind="chief_finance_officer")
        elif key == "ward":
            CouncillorFactory(ward=WardFactory())
        elif key == "councillor":
            CouncillorFactory()
        elif key == "councillorrole":
            CouncillorRoleFactory()
        elif key == "politicalgroup":
            group = PoliticalGroupFactory()
            group.leader = CouncillorFactory(group=group)
            group.save()
        elif key == "closureday":
            ClosureDayFactory()
        elif key == "officerinterest":
            OfficerInterestFactory(officer=OfficerFactory())
        elif key == "restrictedpost":
            OfficerFactory(post=PostFactory(politically_restricted=True, restriction_reason="X"))
            PostFactory(politically_restricted=True, acting_holder=OfficerFactory())
        elif key == "visit":
            VisitFactory(meeting_officer=OfficerFactory(), director=OfficerFactory())
        elif key == "trainingsession":
            TrainingAttendanceFactory(session=TrainingSessionFactory())
        elif key == "trainingattendance":
            TrainingAttendanceFactory()


LIST_QUERY_BOUND = 6  # session, user, who is asking, count, page; the banner's 60 s cache


@pytest.mark.parametrize("key", KEYS)
def test_list_queries_do_not_grow_with_rows(
    client_for, democratic_services, org, key, django_assert_max_num_queries
):
    client = client_for(democratic_services)
    url = reverse(f"manage:{key}_list")
    _any_pk(key, org)  # at least one row
    client.get(url)  # warm the content-type cache
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    _thirty(key, org)
    with django_assert_max_num_queries(LIST_QUERY_BOUND):
        response = client.get(url)
    assert response.status_code == 200
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few) <= LIST_QUERY_BOUND


def test_lists_are_paged_fifty_at_a_time(client_for, democratic_services):
    first = datetime.date(2030, 1, 1)
    for n in range(55):
        ClosureDay.objects.create(date=first + datetime.timedelta(days=n), reason=f"Day {n}")
    client = client_for(democratic_services)
    url = reverse("manage:closureday_list")
    page_one = client.get(url).content.decode()
    assert page_one.count('<tr class="govuk-table__row">') == 51  # header + 50
    assert "Showing 1 to 50 of 55" in page_one
    assert 'href="?page=2"' in page_one
    page_two = client.get(url, {"page": 2}).content.decode()
    assert "Showing 51 to 55 of 55" in page_two
    assert "Day 0<" in page_two  # newest first: the oldest days are on the last page
    assert client.get(url, {"page": "nonsense"}).status_code == 200


def test_the_list_is_a_captioned_table_with_scoped_headers(client_for, democratic_services, org):
    html = client_for(democratic_services).get(reverse("manage:post_list")).content.decode()
    assert (
        '<caption class="govuk-table__caption govuk-table__caption--s">All posts</caption>' in html
    )
    assert '<th scope="col" class="govuk-table__header">Line manager&#x27;s post</th>' in html
    assert '<th scope="row" class="govuk-table__header">' in html
    assert 'class="govuk-breadcrumbs"' in html
    # Sorted by tier: the Chief Executive's post comes before an Officer-tier post.
    assert html.index("Chief Executive</a>") < html.index("Waste Services Officer</a>")


# --- Search ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "q", "found", "not_found"),
    [
        ("officer", "patel", "Maya Patel", "Oliver Hughes"),
        ("officer", "oliver hughes", "Oliver Hughes", "Maya Patel"),
        ("officer", "monitoring.officer", "Margaret Lewis", "Oliver Hughes"),
        ("officer", "Collections", "Maya Patel", "Oliver Hughes"),
        ("councillor", "baker", "Chris Baker", "Owen Price"),
        ("councillor", "owen", "Owen Price", "Chris Baker"),
        ("councillor", "other.councillor@example", "Owen Price", "Grace Lambert"),
    ],
)
def test_search(client_for, democratic_services, org, key, q, found, not_found):
    response = client_for(democratic_services).get(reverse(f"manage:{key}_list"), {"q": q})
    html = response.content.decode()
    assert found in html
    assert not_found not in html
    assert f'value="{q}"' in html
    assert "Clear the search" in html


def test_a_search_that_matches_nothing_says_so(client_for, democratic_services, org):
    url = reverse("manage:councillor_list")
    html = client_for(democratic_services).get(url, {"q": "zzz"}).content.decode()
    assert "No councillors match “zzz”" in html
    assert "<table" not in html


# --- A record's page --------------------------------------------------------------------------


def test_a_groups_page_shows_its_members_history_and_audit_events(
    client_for, democratic_services, org
):
    client = client_for(democratic_services)
    group = org.group_a
    client.post(
        reverse("manage:politicalgroup_edit", args=[group.pk]),
        {
            "name": "Group A",
            "short_name": "GA",
            "leader": org.councillors.councillor.pk,
            "is_active": "on",
        },
    )
    html = client.get(reverse("manage:politicalgroup_detail", args=[group.pk])).content.decode()
    assert '<h1 class="govuk-heading-l">Group A</h1>' in html
    assert 'class="govuk-summary-list"' in html
    assert '<h2 class="govuk-heading-m">Members</h2>' in html
    assert "Chris Baker" in html and "Grace Lambert" in html
    assert "Owen Price" not in html  # group B
    assert "Change history" in html
    # The change: who made it and what it changed, with the councillors' names, not ids.
    assert "Daniel Brooks" in html
    assert "Short name: A" in html
    assert "Group leader: Cllr Grace Lambert" in html and "Cllr Chris Baker" in html
    assert "Political group changed" in html and "registers.politicalgroup" not in html


def test_a_record_page_has_a_bounded_number_of_queries(
    client_for, democratic_services, org, django_assert_max_num_queries
):
    client = client_for(democratic_services)
    url = reverse("manage:post_detail", args=[org.posts.head_of_service.pk])
    for n in range(10):
        PostFactory(title=f"Report {n}", reports_to=org.posts.head_of_service)
        org.posts.head_of_service.title = f"Head {n}"
        org.posts.head_of_service.save()
    with django_assert_max_num_queries(15):  # a first view: the caches are cold
        assert client.get(url).status_code == 200
