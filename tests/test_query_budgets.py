"""Every key page costs at most QUERY_BUDGET queries, and the same number whatever the amount
of data: each page is counted on a small council, then again with three times as many
enquiries, complaints, stages, briefings, people and events. Each page's exact count is pinned
too, with the queries it is made of, so a query added or saved shows up here by name.

Every page starts with the same two queries, not repeated in the lists below: the session
and the signed-in user; who they are in the council (the user with each of their roles as an
EXISTS column, one query) is kept between views until the registers change
(protocol_site.register_cache), so a page counted after another costs none for it. The API starts
with one: the token with its user.
A page that records a view in the audit trail takes one more query on PostgreSQL: the advisory
lock that keeps the audit hash chain in order (SQLite writes one at a time already)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from complaints.services import (
    complaint_message,
    complaint_notify_subject,
    complaint_stage_acknowledge,
)
from enquiries.services import (
    enquiry_add_note,
    enquiry_ask_councillor,
    enquiry_follow_up,
    enquiry_link,
    enquiry_message,
    enquiry_respond,
    enquiry_share,
)
from tests.busy_council import NOW, busier, grow, higher
from tests.clients import token_client
from tests.clock import clock_fixture
from tests.complaints.helpers import about_officer
from tests.enquiries.factories import casework
from tests.groups.helpers import make_group_b_leader

pytestmark = pytest.mark.django_db

QUERY_BUDGET = 15
PAGE_START = 2  # session, user
API_START = 1  # token and user
REPORT_PERIOD = {
    "start_0": "1",
    "start_1": "5",
    "start_2": "2026",
    "last_0": "30",
    "last_1": "4",
    "last_2": "2027",
}


frozen_clock = clock_fixture(NOW)


def count(client, url, params=None) -> tuple[int, list[str]]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params or {})
    assert response.status_code == 200, (url, response.status_code)
    return len(ctx.captured_queries), [q["sql"][:300] for q in ctx.captured_queries]


def audit_lock() -> int:
    """The query that orders the audit chain: PostgreSQL's advisory lock; none on SQLite."""
    return 1 if connection.vendor == "postgresql" else 0


def assert_flat(org, client, url, params=None, *, exact: int, grow_more=None) -> int:
    """Counts the page on a small council, triples the data, and counts it again; both counts
    are `exact`."""
    grow(org)
    client.get(url, params or {})  # the first view of the day fills the banner's cache
    few, _ = count(client, url, params)
    if grow_more is not None:
        grow_more()
    grow(org, 2)
    client.get(url, params or {})  # new people: who the viewer is is read again once
    many, sql = count(client, url, params)
    listing = "\n".join(sql)
    assert many == few, f"{few} queries grew to {many}:\n{listing}"
    assert many <= QUERY_BUDGET, f"{many} queries:\n{listing}"
    assert many == exact, f"{many} queries, pinned at {exact}:\n{listing}"
    return many


# The queries after PAGE_START, for officers' home pages.
SAVED_VIEWS = "the viewer's saved views (their counts ride in the query of counts)"
OFFICER_HOME = [
    "the chain of posts above the viewer's, with their holders (one recursive query)",
    "who holds each statutory role",
    "the posts reporting to the viewer's, with their holders",
    "declarations that concern the viewer",
    "the viewer's registered interests",
    "the viewer's enquiry counts (one query of counts)",
    SAVED_VIEWS,
]
COUNCILLOR_HOME = [
    "the viewer's current councillor roles",
    "the other members for the viewer's ward",
    "the viewer's open enquiries with their officers",
    "declarations that concern the viewer",
    "ward notices for the viewer's ward",
    "the viewer's training",
    SAVED_VIEWS,
]
# The filters' options (services, wards, directorates, councillors) come from the cache after
# the first view (protocol_site.choices): no query of their own.
ENQUIRY_LIST = [
    "count of the enquiries in reach",
    "the page of enquiries with their people",
]
COMPLAINT_LIST = [
    "count of the complaints in reach",
    "the page, each with its current stage",
]
ANNUAL_REPORT = [
    "enquiries by directorate and service (one grouped query)",
    "first-reply working days",
    "closure days (the working-day calendar)",
    "complaints closed, grouped",
    "complaints referred on, grouped",
    "declarations, advice, lobbying, complaints at the top and rulings (one compound query)",
    "visits by directorate",
    "training sessions, ward notices and members' public meetings by kind (one union)",
    "training by political group",
    "briefing requests by political group",
]
PROTOCOL = "the council's protocol: its references and options, once a page"

PAGES = [
    # (page, role, url name, query string, the queries after PAGE_START)
    ("enquiry queue", "officer", "enquiries:list", {}, ENQUIRY_LIST),
    ("enquiry list", "councillor", "enquiries:list", {}, ENQUIRY_LIST),
    # the director's reach is their directorate's posts: one recursive subquery in each
    (
        "enquiry list",
        "director",
        "enquiries:list",
        {"scope": "all", "status": "any"},
        ENQUIRY_LIST,
    ),
    ("enquiry list", "democratic_services", "enquiries:list", {}, ENQUIRY_LIST),
    (
        "home",
        "director",
        "home",
        {},
        [
            *OFFICER_HOME[:3],
            "the directorate's services with their officer counts",
            OFFICER_HOME[3],
            "the directorate's service ids",
            "the directorate's enquiry figures (one aggregate)",
            *OFFICER_HOME[4:],
        ],
    ),
    (
        "home",
        "councillor",
        "home",
        {},
        # The council's rules (equal access) come from the cache: no query.
        [*COUNCILLOR_HOME, "the viewer's complaint counts"],
    ),
    (
        "home",
        "group_leader",
        "home",
        {},
        [
            *COUNCILLOR_HOME,
            "the group's counts: members, complaints, briefings (one query)",
        ],
    ),
    ("home", "officer", "home", {}, OFFICER_HOME),
    ("home", "line_manager", "home", {}, OFFICER_HOME),
    # at the top: no chain above
    ("home", "chief_executive", "home", {}, OFFICER_HOME[1:]),
    ("home", "monitoring_officer", "home", {}, OFFICER_HOME),
    (
        "home",
        "democratic_services",
        "home",
        {},
        [
            *OFFICER_HOME[:3],
            "the next closure days",
            *OFFICER_HOME[3:5],
            SAVED_VIEWS,
            "the registers' counts (one query of counts)",
        ],
    ),
    (
        "complaints queue",
        "monitoring_officer",
        "complaints:list",
        {"tab": "queue"},
        COMPLAINT_LIST,
    ),
    (
        "complaints list",
        "monitoring_officer",
        "complaints:list",
        {"tab": "all"},
        COMPLAINT_LIST,
    ),
    ("complaints list", "line_manager", "complaints:list", {}, COMPLAINT_LIST),
    ("complaints list", "councillor", "complaints:list", {}, COMPLAINT_LIST),
    (
        "briefings",
        "group_leader",
        "groups:list",
        {},
        [
            "count of the requests in reach",
            PROTOCOL,
            "notes offered to the viewer's group",
            "briefings shared with the viewer",
            "the page of requests with their group and officer",
        ],
    ),
    *(
        (
            "briefings",
            "chief_executive",
            "groups:list",
            tab,
            [
                "count of the requests in reach",
                "briefings shared with the viewer",
                "the page of requests with their group and officer",
                PROTOCOL,
            ],
        )
        for tab in ({}, {"tab": "all"})
    ),
    (
        "equal-access log",
        "chief_executive",
        "groups:equal_access",
        {},
        [
            "the active political groups",
            "briefing notes with their request and group",
            "the offers of those notes (prefetched)",
            "each group's totals (one grouped query)",
            PROTOCOL,
        ],
    ),
    (
        "annual report",
        "monitoring_officer",
        "reports:annual",
        REPORT_PERIOD,
        [*ANNUAL_REPORT, PROTOCOL],
    ),
    (
        "annual report",
        "democratic_services",
        "reports:annual",
        REPORT_PERIOD,
        [*ANNUAL_REPORT, PROTOCOL],
    ),
    (
        "directorate report",
        "director",
        "reports:directorate",
        {},
        [
            "the viewer's directorates",
            "their services",
            "enquiries by service (one grouped query)",
            "first-reply working days",
        ],
    ),
]


PAGE_IDS = [f"{page}-{who}".replace(" ", "-") + f"-{n}" for n, (page, who, *_) in enumerate(PAGES)]


@pytest.mark.parametrize(("page", "who", "name", "params", "queries"), PAGES, ids=PAGE_IDS)
def test_page_costs_the_same_few_queries(
    request, client_for, org, page, who, name, params, queries
):
    make_group_b_leader(org)
    client = client_for(request.getfixturevalue(who))
    assert_flat(org, client, reverse(name), params, exact=PAGE_START + len(queries))


# No count: the lists page by keyset (protocol_site.api_pagination), one row more than a page.
API_ENQUIRIES = [
    "the page of enquiries with their councillor, ward and service",
    "the page's officers, by name",
    "the council's calendar, once, for until when each response may be followed up",
]
API_COMPLAINTS = [
    "the page of complaints with their people",
    "their stages (prefetched)",
    "their timelines (prefetched)",
]


@pytest.mark.parametrize(
    ("who", "url", "queries"),
    [
        ("officer", "/api/v1/enquiries/", API_ENQUIRIES),
        ("democratic_services", "/api/v1/enquiries/", API_ENQUIRIES),
        ("councillor", "/api/v1/enquiries/", API_ENQUIRIES),
        ("monitoring_officer", "/api/v1/complaints/", API_COMPLAINTS),
        ("councillor", "/api/v1/complaints/", API_COMPLAINTS),
    ],
)
def test_api_list_costs_the_same_few_queries(request, org, who, url, queries):
    make_group_b_leader(org)
    client = token_client(request.getfixturevalue(who))
    assert_flat(org, client, url, exact=API_START + len(queries))


ENQUIRY = ["the enquiry with its people", "its visible timeline"]
AUDITED_VIEW = [  # plus audit_lock() on PostgreSQL
    "savepoint",
    "the audit chain's last hash",
    "the audit row: viewed",
    "release savepoint",
]
PENDING_EXTENSION = "its pending extension request"
LINKED = "the enquiries linked with it (an officer's view)"
SHARED = "who it is shared with (its councillor's view)"
# The files on its steps, for those who may read the casework (none asked for otherwise).
FILES = "the files the viewer may download, by step"
ENQUIRY_DETAIL = {
    "councillor": ([*ENQUIRY, FILES, SHARED], False),
    # an officer's view of a councillor's casework is recorded
    "officer": ([ENQUIRY[0], *AUDITED_VIEW, ENQUIRY[1], FILES, PENDING_EXTENSION, LINKED], True),
    "director": ([ENQUIRY[0], *AUDITED_VIEW, ENQUIRY[1], FILES, PENDING_EXTENSION, LINKED], True),
    "democratic_services": (
        [
            *ENQUIRY,
            PENDING_EXTENSION,
            LINKED,
            "posts the viewer acts in",
            "the viewer's post",
            "the chain of posts above it (one recursive query)",
            "posts the viewer acts in, again",
        ],
        False,
    ),
}


@pytest.mark.parametrize("who", ["officer", "councillor", "director", "democratic_services"])
def test_enquiry_detail_costs_the_same_few_queries(request, client_for, org, who):
    enquiry = casework(org, subject="The one we look at")
    client = client_for(request.getfixturevalue(who))
    url = reverse("enquiries:detail", args=[enquiry.pk])
    queries, audited = ENQUIRY_DETAIL[who]
    exact = PAGE_START + len(queries) + (audit_lock() if audited else 0)
    assert_flat(org, client, url, exact=exact, grow_more=busier(org, enquiry))


CONVERSATION = {
    "councillor": ([*ENQUIRY, FILES, "its clock's pauses", SHARED], False),
    "officer": (
        [ENQUIRY[0], *AUDITED_VIEW, ENQUIRY[1], FILES, PENDING_EXTENSION, "its pauses", LINKED],
        True,
    ),
}


@pytest.mark.parametrize("who", ["officer", "councillor"])
def test_an_enquiry_with_fifty_messages_costs_the_same_few_queries(request, client_for, org, who):
    """The conversation adds two queries (the clock's pauses, the files on its steps) however
    long it grows, and however many files its messages and notes carry."""
    councillor, officer = org.councillors.councillor.user, org.officers.officer.user
    enquiry = casework(org, subject="The one we talk about")
    enquiry_ask_councillor(actor=officer, enquiry=enquiry, question="Which bins?")
    client = client_for(request.getfixturevalue(who))
    url = reverse("enquiries:detail", args=[enquiry.pk])
    queries, audited = CONVERSATION[who]

    def fifty_messages():
        for n in range(25):
            files = [
                SimpleUploadedFile(f"m{n}.pdf", b"%PDF-1.4\n"),
                SimpleUploadedFile("t.txt", b"x"),
            ]
            enquiry_message(actor=councillor, enquiry=enquiry, message=f"Message {n}", files=files)
            note = [SimpleUploadedFile(f"n{n}.pdf", b"%PDF-1.4\n")]
            enquiry_add_note(actor=officer, enquiry=enquiry, note=f"Note {n}", files=note)

    exact = PAGE_START + len(queries) + (audit_lock() if audited else 0)
    assert_flat(org, client, url, exact=exact, grow_more=fifty_messages)
    assert enquiry.events.count() > 50


def test_an_enquiry_linked_with_many_costs_the_same_few_queries(client_for, org):
    """However many enquiries are linked with it, the officer's page reads them in one query
    and which of them the officer may open in one more; however many colleagues it is shared
    with, its councillor's page reads them in one."""
    councillor, officer = org.councillors.councillor, org.officers.officer.user
    enquiry = casework(org, subject="The matter many asked about")
    colleagues = [org.councillors.group_leader, org.councillors.other_group_councillor]
    enquiry_link(actor=officer, enquiry=enquiry, others=[casework(org)])
    enquiry_share(actor=councillor.user, enquiry=enquiry, councillors=colleagues[:1])

    def more():
        enquiry_link(actor=officer, enquiry=enquiry, others=[casework(org) for _ in range(10)])
        enquiry_share(actor=councillor.user, enquiry=enquiry, councillors=colleagues)

    url = reverse("enquiries:detail", args=[enquiry.pk])
    officer_queries = [ENQUIRY[0], *AUDITED_VIEW, ENQUIRY[1], FILES, PENDING_EXTENSION, LINKED]
    officer_queries.append("which linked enquiries the officer may open")
    exact = PAGE_START + len(officer_queries) + audit_lock()
    assert_flat(org, client_for(officer), url, exact=exact, grow_more=more)
    exact = PAGE_START + len([*ENQUIRY, FILES, SHARED])
    assert_flat(org, client_for(councillor.user), url, exact=exact)


def test_an_enquiry_followed_up_round_after_round_costs_the_same_few_queries(
    client_for, org, councillor
):
    """A responded enquiry says until when it may be followed up (one look at the council's
    calendar), however many rounds its follow-ups opened."""
    officer = org.officers.officer.user
    enquiry = casework(org, subject="The one that keeps coming back")

    def answer():
        enquiry_respond(actor=officer, enquiry=enquiry, response="Done.", minor=True)
        enquiry.refresh_from_db()

    def five_more_rounds():
        for n in range(5):
            enquiry_follow_up(actor=councillor, enquiry=enquiry, message=f"Round {n}")
            enquiry.refresh_from_db()
            answer()

    answer()
    url = reverse("enquiries:detail", args=[enquiry.pk])
    queries = [
        *ENQUIRY,
        FILES,
        SHARED,
        "the council's calendar",
        "the council's protocol, for its paragraph",
    ]
    assert_flat(
        org,
        client_for(councillor),
        url,
        exact=PAGE_START + len(queries),
        grow_more=five_more_rounds,
    )
    assert enquiry.follow_ups == 5


# Every view of a complaint is recorded (plus audit_lock() on PostgreSQL).
COMPLAINT = [
    "the complaint with its people",
    "its stages",
    "its timeline",
    "the audit chain's last hash",
    "the audit row: viewed",
    "the copies sent",
]


@pytest.mark.parametrize(
    ("who", "queries"),
    [
        ("monitoring_officer", COMPLAINT),
        ("line_manager", COMPLAINT),
        ("councillor", COMPLAINT),
    ],
)
def test_complaint_detail_costs_the_same_few_queries(request, client_for, org, who, queries):
    complaint = about_officer(org, summary="The one we look at")
    complaint_stage_acknowledge(actor=org.officers.line_manager.user, complaint=complaint)
    client = client_for(request.getfixturevalue(who))
    url = reverse("complaints:detail", args=[complaint.pk])
    exact = PAGE_START + len(queries) + audit_lock()
    assert_flat(org, client, url, exact=exact, grow_more=higher(org, complaint))


@pytest.mark.parametrize("who", ["councillor", "line_manager", "officer"])
def test_a_complaint_with_fifty_messages_costs_the_same_few_queries(request, client_for, org, who):
    """The messages are steps on the timeline, read in its one query, however many there are,
    for the complainant, the handler and the subject (who reads only those shared)."""
    councillor, handler = org.councillors.councillor.user, org.officers.line_manager.user
    complaint = about_officer(org, summary="The one we write on")
    complaint_notify_subject(actor=handler, complaint=complaint)
    client = client_for(request.getfixturevalue(who))
    url = reverse("complaints:detail", args=[complaint.pk])

    def fifty_messages():
        for n in range(25):
            complaint_message(actor=councillor, complaint=complaint, message=f"Message {n}")
            complaint_message(
                actor=handler, complaint=complaint, message=f"Reply {n}", share_with_subject=n < 5
            )

    exact = PAGE_START + len(COMPLAINT) + audit_lock()
    assert_flat(org, client, url, exact=exact, grow_more=fifty_messages)
    assert complaint.events.count() > 50
