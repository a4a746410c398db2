"""Every page that takes a POST, posted anything at all by someone who may use it: never a
server error, and when the post is refused nothing is half-saved (no audit row, no email).

The URLconf is walked as in test_urls_require_sign_in.py: a URL that answers a POST with
anything but 405 must be listed in PAGES with who uses it and what it works on, or the first
test fails. Each page's fields are read from its own form (GET it first); each example runs
in a savepoint that is rolled back, so every example starts from the same council.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

import pytest
from django import forms
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.plugins.otp_totp.models import TOTPDevice
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from complaints.models import Outcome
from complaints.models import Status as ComplaintStatus
from complaints.services import complaint_stage_resolve
from enquiries.models import Enquiry
from enquiries.services import enquiry_mark_urgent
from protocol_site.models import AuditEvent, OutboxEmail
from registers.manage.registry import register_for
from tests.clock import clock_at
from tests.form_fuzz import form_data, text
from tests.form_world import AFTER_MEETING, NOW, World
from tests.test_api_properties import ENQUIRY_FIELDS

EXAMPLES = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# A declaration made at NOW is due to be re-confirmed by 2 November 2027.
CONFIRMING = datetime(2027, 10, 25, 9, 0, tzinfo=NOW.tzinfo)
FINE = {200, 302, 400, 403, 404}
SUCCESS = {201, 302}


@dataclass(frozen=True)
class Page:
    role: str | None  # a standard person (tests/conftest.py), or None: not signed in
    args: Callable[[World], dict] | None = None  # the URL's arguments, from the world
    clock: datetime = NOW
    prepare: Callable | None = None  # (client, world) -> URL, for pages reached by a link

    def url(self, name: str, client: Client, world: World) -> str:
        if self.prepare is not None:
            return self.prepare(client, world)
        return reverse(name, kwargs=self.args(world) if self.args else None)


def _choose_password(client: Client, world: World) -> str:
    """The emailed link, followed: it stores the token and goes to the password form."""
    user = world.user("officer")
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    link = reverse("password_reset_confirm", args=[uid, default_token_generator.make_token(user)])
    return client.get(link)["Location"]


def _with_app(client: Client, world: World) -> str:
    """The second factor's code page, for someone with an authenticator app set up."""
    TOTPDevice.objects.get_or_create(user=world.user("monitoring_officer"), confirmed=True)
    return reverse("second_factor_verify")


def _replacing_app(client: Client, world: World) -> str:
    """Setting up a new authenticator app, for someone with one."""
    TOTPDevice.objects.get_or_create(user=world.user("monitoring_officer"), confirmed=True)
    return reverse("second_factor_replace")


def _resetting_app(client: Client, world: World) -> str:
    """Democratic services resetting the Monitoring Officer's authenticator app."""
    user = world.user("monitoring_officer")
    TOTPDevice.objects.get_or_create(user=user, confirmed=True)
    return reverse("second_factor_reset", kwargs={"pk": user.pk})


def _upheld_grievance(client: Client, world: World) -> str:
    """The Chief Executive's decision on an officer's grievance about a member, upheld."""
    complaint = world.complaint_about_member
    complaint.refresh_from_db()
    if complaint.status == ComplaintStatus.OPEN:
        complaint_stage_resolve(
            actor=world.user(world.complaint_handler(complaint)),
            complaint=complaint,
            outcome=Outcome.UPHELD,
            note="The criticism was unfair and public.",
        )
    return reverse("complaints:chief_executive_decision", kwargs={"pk": complaint.pk})


def pk(thing: str) -> Callable[[World], dict]:
    return lambda w: {"pk": getattr(w, thing).pk}


def _entry(key: str, w: World):
    w.registers  # noqa: B018 -- every register has an entry
    return register_for(key).model.objects.order_by("pk").first()


def _urgent(name: str) -> Callable:
    """The world's enquiry, marked urgent (if it is not already), for the pages that undo it."""

    def prepare(client: Client, world: World) -> str:
        enquiry = Enquiry.objects.get(pk=world.enquiry.pk)
        if not enquiry.urgent:
            enquiry_mark_urgent(actor=world.user("councillor"), enquiry=enquiry, reason="Risk.")
        return reverse(name, kwargs={"pk": enquiry.pk})

    return prepare


# The API pages that also take a DELETE (with the same JSON body as their POST).
DELETES = {"api:enquiry-urgent"}


def _walk(resolver, prefix="", namespace=()):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = (*namespace, entry.namespace) if entry.namespace else namespace
            yield from _walk(entry, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield prefix + str(entry.pattern), ":".join((*namespace, entry.name))


ROUTES = {name: route for route, name in _walk(get_resolver()) if "admin" not in route}

PAGES: dict[str, Page] = {
    "login": Page(None),
    "logout": Page("officer"),
    "password_reset": Page(None),
    "password_reset_confirm": Page(None, prepare=_choose_password),
    "second_factor_set_up": Page("democratic_services"),
    "second_factor_verify": Page("monitoring_officer", prepare=_with_app),
    "second_factor_replace": Page("monitoring_officer", prepare=_replacing_app),
    "second_factor_reset": Page("democratic_services", prepare=_resetting_app),
    "enquiries:team_delegate": Page("head_of_service"),
    "complaints:ruling_new": Page("chief_executive"),
    "complaints:standards_committee": Page("officer", pk("complaint_about_member")),
    "complaints:chief_executive_decision": Page("chief_executive", prepare=_upheld_grievance),
    "visits:new": Page("councillor"),
    "visits:arrange": Page("director", pk("visit")),
    "visits:cancel": Page("councillor", pk("visit")),
    "visits:unannounced": Page("councillor"),
    "member_meetings:new": Page("councillor"),
    "member_meetings:cancel": Page("councillor", pk("member_meeting")),
    "enquiries:new": Page("councillor"),
    "enquiries:pick_up": Page("officer", pk("queued")),
    "enquiries:bulk": Page("officer"),
    "enquiries:allocate": Page("head_of_service", pk("queued")),
    "cover:new": Page("officer"),
    "cover:end": Page("officer", pk("absence")),
    "enquiries:record": Page("democratic_services"),
    "enquiries:decline": Page("director", pk("enquiry")),
    "enquiries:extension_decide": Page(
        "director", lambda w: {"pk": w.enquiry.pk, "req": w.extension.pk}
    ),
    "complaints:new": Page("councillor"),
    "complaints:withdraw": Page("councillor", pk("complaint")),
    "complaints:report": Page("monitoring_officer", pk("complaint_about_member")),
    "groups:new": Page("group_leader"),
    "groups:decide": Page("chief_executive", pk("briefing")),
    "groups:withdraw": Page("group_leader", pk("briefing")),
    "groups:note": Page("director", pk("cleared_note")),
    "groups:attendance": Page("director", pk("cleared_attendance"), clock=AFTER_MEETING),
    "groups:share": Page("group_leader", pk("confidential")),
    "groups:unshare": Page(
        "group_leader", lambda w: {"pk": w.confidential.pk, "share_pk": w.share.pk}
    ),
    "groups:offer": Page("group_b_leader", pk("offer")),
    "groups:representative_new": Page("officer"),
    "groups:representative_decide": Page("chief_executive", pk("representative")),
    "groups:representative_held": Page(
        "officer", pk("representative_authorised"), clock=AFTER_MEETING
    ),
    "declarations:new": Page("officer", lambda w: {"user_pk": w.user("other_group_councillor").pk}),
    "declarations:change": Page("officer", pk("declaration")),
    "declarations:withdraw": Page("officer", pk("declaration")),
    "declarations:confirm": Page("officer", pk("declaration"), clock=CONFIRMING),
    "declarations:answer": Page("councillor", pk("declaration_asked")),
    "declarations:review": Page("monitoring_officer", pk("declaration")),
    "declarations:ask": Page("monitoring_officer", pk("declaration")),
    "panels:add": Page("democratic_services"),
    "panels:change": Page("democratic_services", pk("panel")),
    "notices:new": Page("officer"),
    "notices:change": Page("officer", pk("notice")),
    "notices:withdraw": Page("officer", pk("notice")),
    "notices:period_new": Page("monitoring_officer"),
    "notices:period_change": Page("monitoring_officer", pk("period")),
    "notices:period_end": Page("monitoring_officer", pk("period")),
    "notices:protocol_publish": Page("democratic_services"),
    "notices:protocol_confirm": Page("councillor", pk("protocol_version")),
    "notices:protocol_remind": Page("democratic_services", pk("protocol_version")),
    "inbox:turn": Page("democratic_services", pk("inbound")),
    "inbox:discard": Page("democratic_services", pk("inbound")),
    "manage:closureday_delete": Page(
        "democratic_services", lambda w: {"pk": _entry("closureday", w).pk}
    ),
    "manage:protocol": Page("democratic_services"),
    "email_preferences": Page("councillor"),
    "failed_emails": Page("democratic_services"),
    "manage:protocol_preset": Page("democratic_services"),
    "manage:rules": Page("democratic_services"),
    "api:enquiry-list": Page("councillor"),
    "enquiries:constituent": Page("councillor", pk("enquiry")),
    "enquiries:seek_advice": Page("councillor", pk("officer_constituent")),
    "advice:new": Page("officer"),
    "advice:respond": Page("monitoring_officer", pk("advice")),
    "advice:withdraw": Page("councillor", pk("advice")),
    "advice:lobbying_new": Page("councillor"),
    "advice:lobbying_action": Page("monitoring_officer", pk("lobbying")),
    "retention:rule_change": Page("democratic_services", lambda w: {"kind": "enquiry"}),
    "retention:hold_new": Page("monitoring_officer"),
    "retention:hold_lift": Page("monitoring_officer", pk("legal_hold")),
    "retention:person_erase": Page(
        "democratic_services", lambda w: {"pk": w.user("councillor").pk}
    ),
    "retention:constituent_erase": Page("monitoring_officer", pk("constituent")),
    "retention:sender_erase": Page("monitoring_officer", pk("inbound")),
    "api:enquiry-constituent": Page("councillor", pk("enquiry")),
    "enquiries:wording_add": Page("democratic_services"),
    "enquiries:saved_add": Page("officer"),
    "enquiries:saved_rename": Page("officer", pk("saved_view")),
    "enquiries:saved_delete": Page("officer", pk("saved_view")),
    "enquiries:wording_change": Page("democratic_services", pk("wording")),
    "enquiries:wording_retire": Page("democratic_services", pk("wording")),
}
for _step in ("acknowledge", "holding", "extension", "guidance", "reassign", "respond"):
    PAGES[f"enquiries:{_step}"] = Page("officer", pk("enquiry"))
for _step, _role in (
    ("message", "councillor"),
    ("note", "officer"),
    ("ask", "officer"),
    ("answer", "councillor"),
    ("chase", "councillor"),
    ("withdraw", "councillor"),
    ("follow_up", "councillor"),
    ("urgent", "councillor"),
):
    PAGES[f"enquiries:{_step}"] = Page(_role, pk("enquiry"))
    _api = {"message": "messages", "note": "notes"}.get(_step, _step.replace("_", "-"))
    PAGES[f"api:enquiry-{_api}"] = Page(_role, pk("enquiry"))
PAGES["enquiries:not_urgent"] = Page("councillor", prepare=_urgent("enquiries:not_urgent"))
PAGES["api:enquiry-urgent"] = Page("councillor", prepare=_urgent("api:enquiry-urgent"))
PAGES["enquiries:share"] = Page("councillor", pk("enquiry"))
PAGES["api:enquiry-sharing"] = Page("councillor", pk("enquiry"))
for _step in ("link", "unlink", "respond_linked"):
    PAGES[f"enquiries:{_step}"] = Page("officer", pk("enquiry"))
    PAGES[f"api:enquiry-{_step.replace('_', '-')}"] = Page("officer", pk("enquiry"))
PAGES["api:enquiry-links"] = PAGES.pop("api:enquiry-link")
for _step in ("acknowledge", "resolve", "refer", "escalate", "notify_subject", "message"):
    PAGES[f"complaints:{_step}"] = Page("line_manager", pk("complaint"))
PAGES["api:complaint-messages"] = Page("councillor", pk("complaint"))
for _name in ROUTES:  # every register democratic services keep: add, and change one entry
    _key = _name.removeprefix("manage:").rpartition("_")[0]
    if _name.startswith("manage:") and _name.endswith("_add"):
        PAGES[_name] = Page("democratic_services")
    elif _name.startswith("manage:") and _name.endswith("_edit"):
        PAGES[_name] = Page("democratic_services", lambda w, key=_key: {"pk": _entry(key, w).pk})

# The API takes JSON: the fields of an enquiry, as anything JSON can carry.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=6,
)
API_FIELDS = [
    *ENQUIRY_FIELDS,
    # The conversation's steps.
    "message",
    "note",
    "question",
    "answer",
    "reason",
    # The constituent's details.
    "name",
    "address",
    "phone",
    "email",
    "consented",
]


@pytest.fixture
def world(org):
    with clock_at(NOW):
        yield World(org)


def client_for_page(world: World, page: Page) -> Client:
    client = Client()
    if page.role is not None:
        client.force_login(world.user(page.role))
    return client


def _copy(client: Client) -> Client:
    """Another client in the same session (its cookies as they were before any example)."""
    other = Client()
    other.cookies = copy.deepcopy(client.cookies)
    return other


@contextmanager
def rolled_back():
    """One example: whatever it saves is undone, and nothing it cached survives."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)
    cache.clear()


def _sample(route: str) -> str:
    return "/" + re.sub(r"<(?:\w+:)?\w+>", "999999", route)


@pytest.mark.django_db
def test_every_page_that_takes_a_post_is_listed(world):
    assert set(PAGES) <= set(ROUTES), set(PAGES) - set(ROUTES)
    users = [world.user(r) for r in ("democratic_services", "councillor", "chief_executive")]
    unlisted = []
    for name, route in ROUTES.items():
        if name in PAGES:
            continue
        answers = set()
        for user in users:
            client = Client()
            client.force_login(user)
            answers.add(client.post(_sample(route)).status_code)
        if 405 not in answers:
            unlisted.append(f"{name} ({route}): {sorted(answers)}")
    assert not unlisted, (
        "These pages take a POST: add each to PAGES in tests/test_form_pages_properties.py "
        "with who uses it and what it works on:\n" + "\n".join(unlisted)
    )


def _page_form(response) -> forms.BaseForm | None:
    """The form the page shows: `form`, or else any form in its context."""
    context = response.context
    if context is None:
        return None
    keys = ["form", *sorted(k for k in context.keys() if k != "form")]  # noqa: SIM118
    return next((context[k] for k in keys if isinstance(context.get(k), forms.BaseForm)), None)


def _counts() -> tuple[int, int]:
    return AuditEvent.objects.count(), OutboxEmail.objects.count()


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(PAGES))
def test_a_page_posted_anything_never_fails_and_never_half_saves(world, name):
    page = PAGES[name]
    signed_in = client_for_page(world, page)
    url = page.url(name, signed_in, world)  # makes what the page works on, to keep
    with clock_at(page.clock):
        with rolled_back():
            shown = _copy(signed_in).get(url)
        assert shown.status_code in (200, 302, 405), (url, shown.status_code)
        if name.startswith("api:"):
            strategy = st.fixed_dictionaries({}, optional=dict.fromkeys(API_FIELDS, json_values))
        else:
            form = _page_form(shown) if shown.status_code == 200 else None
            strategy = form_data(form) if form is not None else st.dictionaries(text, text)

        @EXAMPLES
        @given(drawn=strategy)
        def check(drawn):
            with rolled_back():
                client = _copy(signed_in)
                page_url = url if page.prepare is None else page.url(name, client, world)
                before = _counts()
                if name in DELETES and drawn.get("reason") is not None:
                    response = client.delete(page_url, drawn, content_type="application/json")
                elif name.startswith("api:"):
                    response = client.post(page_url, drawn, content_type="application/json")
                else:
                    data, files = drawn if isinstance(drawn, tuple) else (drawn, {})
                    for upload in files.values():
                        upload.seek(0)
                    response = client.post(page_url, {**data, **files})
                status = response.status_code
                assert status in FINE | SUCCESS, (page_url, status)
                # The API answers a step taken with 200 and the case as it is now.
                done = SUCCESS | ({200} if name.startswith("api:") else set())
                if status not in done:
                    assert _counts() == before, f"{page_url} answered {status} but saved something"
                if status == 200 and not name.startswith("api:"):
                    assert b"govuk-error-summary" in response.content, page_url

        check()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["enquiries:holding", "enquiries:extension"])
def test_a_date_with_no_room_to_count_on_from_is_refused_on_the_page(world, name):
    page = PAGES[name]
    client = client_for_page(world, page)
    url = page.url(name, client, world)
    field = "expected_date" if name == "enquiries:holding" else "proposed_date"
    data = {"explanation": "x", "reason": "x", f"{field}_0": "31", f"{field}_1": "12"}
    before = _counts()
    response = client.post(url, {**data, f"{field}_2": "9999"})
    assert response.status_code == 200
    assert b"govuk-error-summary" in response.content
    assert _counts() == before
