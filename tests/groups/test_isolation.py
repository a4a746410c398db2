"""Isolation is absolute (GRP-7): nothing of group A's requests, notes, attendance or meetings
reaches a member of group B, or an officer whose role does not need it, through any page, list,
search or email; unless disclosed under equal access (GRP-6) or the member's permission (GRP-7).

The walk takes every URL in groups/urls.py, fills each id with every id of group A's records
(requests, notes, offers, shares, attendance, meetings), and asks with GET and POST: the answer
is 403 or 404, or a page with none of A's words on it."""

import itertools
import re
from datetime import datetime

import pytest
from django.urls import URLPattern, reverse

from groups import urls as group_urls
from groups.models import (
    Attendance,
    BriefingNote,
    BriefingOffer,
    BriefingRequest,
    BriefingShare,
    RepresentativeMeeting,
)
from groups.services import (
    briefing_note_save,
    briefing_share,
    representative_meeting_authorise,
    representative_meeting_request,
)
from protocol_site.models import OutboxEmail
from tests.clock import LONDON

from .helpers import MEETING, ask, cleared, issued, record_attendance

pytestmark = pytest.mark.django_db

# Words only group A's records hold. The subject of an offered note is disclosed under equal
# access (it is what is offered); the rest never is.
SUBJECT = "ZQXSUBJECT"
CONTENT = ("ZQXFACTS", "ZQXDETAILS", "ZQXPRESENT", "ZQXDRAFT", "ZQXSECRET", "ZQXREP")
CONFIDENTIAL = ("ZQXSECRET",)
AFTER = datetime(2026, 11, 10, 21, tzinfo=LONDON)
PARAM = re.compile(r"<int:(\w+)>")


def _group_a_records(org, chief_executive, group_c, clock):
    """Every kind of record group A can have, each holding a marker."""
    attending = cleared(org, kind=BriefingRequest.Kind.ATTENDANCE, subject=f"{SUBJECT} attend")
    leader = org.councillors.group_leader.user
    issued(
        org,
        subject=f"{SUBJECT} note",
        details="ZQXDETAILS",
        others_present="ZQXPRESENT",
        facts="ZQXFACTS",
    )
    drafted = cleared(org, subject=f"{SUBJECT} draft")
    briefing_note_save(actor=drafted.officer.user, briefing=drafted, facts="ZQXDRAFT", options="x")
    ask(org, subject=f"{SUBJECT} pending", details="ZQXDETAILS")
    secret = issued(org, subject="ZQXSECRET briefing", facts="ZQXSECRET", confidential=True)
    briefing_share(actor=leader, briefing=secret, user=group_c.leader.user)
    meeting = representative_meeting_request(
        actor=org.officers.director.user,
        kind=RepresentativeMeeting.Kind.MP,
        representative="ZQXREP",
        representative_role="MP",
        subject="ZQXREP",
        meeting_date=MEETING,
        ward=org.ward,
        local_councillor=org.councillors.councillor,
    )
    representative_meeting_authorise(actor=chief_executive, meeting=meeting)
    clock.move_to(AFTER)
    record_attendance(org, attending)


def _all_ids() -> list[int]:
    ids = set()
    for model in (
        BriefingRequest,
        BriefingNote,
        BriefingOffer,
        BriefingShare,
        Attendance,
        RepresentativeMeeting,
    ):
        ids |= set(model.objects.values_list("pk", flat=True))
    return sorted(ids)


def _urls(ids: list[int]) -> list[str]:
    found = []
    for pattern in group_urls.urlpatterns:
        assert isinstance(pattern, URLPattern)
        params = PARAM.findall(str(pattern.pattern))
        for values in itertools.product(ids, repeat=len(params)):
            kwargs = dict(zip(params, values, strict=True))
            found.append(reverse(f"groups:{pattern.name}", kwargs=kwargs))
    return found


def _walk(client, markers, ids) -> list[str]:
    leaks = []
    urls = _urls(ids)
    lists = [reverse("groups:list"), reverse("groups:representatives")]
    searches = [
        f"{lists[0]}?tab={tab}&q={word}&status=any"
        for tab in ("group", "decide", "assigned", "addressed", "all")
        for word in ("", "ZQX")
    ]
    for url in urls + searches + [reverse("home")]:
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            if response.status_code == 404:
                break  # the same selector answers every method: out of scope is 404
            if response.status_code in (403, 405):
                continue
            body = response.content.decode()
            leaks += [f"{method.upper()} {url}: {m}" for m in markers if m in body]
    return leaks


def _emails(user, markers) -> list[str]:
    rows = OutboxEmail.objects.filter(recipient=user)
    return [
        f"email {r.subject}: {m}" for r in rows for m in markers if m in r.body_text + r.body_html
    ]


def test_the_walk_covers_every_group_url():
    names = {p.name for p in group_urls.urlpatterns}
    assert {"detail", "note", "offer", "shared", "representative", "equal_access"} <= names
    assert len(_urls([1, 2])) > len(names)


@pytest.mark.parametrize(
    "who",
    ["other_group_councillor", "group_b_leader", "officer", "democratic_services", "outsider"],
)
def test_nothing_of_group_a_reaches_another_group_or_an_uninvolved_officer(
    request, client_for, org, chief_executive, group_b_leader, group_c, settings, frozen_clock, who
):
    settings.GROUP_BRIEFING_EQUAL_ACCESS = False
    _group_a_records(org, chief_executive, group_c, frozen_clock)
    user = request.getfixturevalue(who)
    assert _walk(client_for(user), (SUBJECT, *CONTENT), _all_ids()) == []
    # 004 §8.2: every Group Leader is told of an officer's meeting with an MP (not a group's).
    assert _emails(user, [m for m in CONTENT if m != "ZQXREP"]) == []


def test_offered_notes_disclose_only_the_offer_until_received(
    client_for, org, chief_executive, group_b_leader, group_c, other_group_councillor, frozen_clock
):
    _group_a_records(org, chief_executive, group_c, frozen_clock)
    assert BriefingOffer.objects.filter(group=org.group_b).count() == 1
    leaks = _walk(client_for(other_group_councillor), CONTENT, _all_ids())
    assert leaks == []
    assert _emails(group_b_leader, [m for m in CONTENT if m != "ZQXREP"]) == []


def test_a_confidential_briefing_stays_from_the_members_own_group(
    client_for, org, chief_executive, group_c, councillor, group_leader, frozen_clock
):
    _group_a_records(org, chief_executive, group_c, frozen_clock)
    assert _walk(client_for(councillor), CONFIDENTIAL, _all_ids()) == []
    share = BriefingShare.objects.get()
    page = client_for(group_c.leader.user).get(reverse("groups:shared", args=[share.pk]))
    assert "ZQXSECRET" in page.content.decode()  # disclosed by the member's permission
