"""Drill: every form that changes a case, sent eight times at once with the same one-time token
(a double click, a resend, an impatient person on a slow connection): the case takes one step,
each person gets one email, and every one of the eight answers goes where the first went. One
step is as many timeline rows, audit rows and emails as the same form sent once makes
(measured first, then undone).

The action pages are found by walking the URLconf for pages built from a CaseStep; the pages
that create a case are listed. Who uses each page and what it works on come from the form-page
tests (tests/test_form_pages_properties.py PAGES). PostgreSQL only: in-memory SQLite locks
whole tables across threads.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from datetime import date, datetime

import pytest
from django import forms
from django.apps import apps
from django.db import connection, transaction
from django.urls import URLResolver, get_resolver

from enquiries.services import enquiry_ask_councillor, enquiry_link, enquiry_respond
from protocol_site.calendar import council_calendar
from protocol_site.models import AuditEvent, OutboxEmail
from protocol_site.views import TOKEN
from tests.clock import clock_at
from tests.concurrency import ON_SQLITE
from tests.enquiries.factories import casework
from tests.form_world import AFTER_MEETING, NOW, World
from tests.test_form_pages_properties import PAGES, _copy, _page_form, client_for_page

pytestmark = [pytest.mark.drill, ON_SQLITE, pytest.mark.django_db(transaction=True)]

AT_ONCE = 8


def _views(resolver=None, namespace=()):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = (*namespace, entry.namespace) if entry.namespace else namespace
            yield from _views(entry, inner)
        elif entry.name:
            yield ":".join((*namespace, entry.name)), entry.callback


STEP_PAGES = sorted(name for name, view in _views() if hasattr(view, "case_step"))
# The pages that make a new case (or record) from a form.
CREATE_PAGES = [
    "enquiries:new",
    "enquiries:record",
    "complaints:new",
    "declarations:new",
    "groups:new",
    "groups:representative_new",
    "visits:new",
    "notices:new",
    "notices:period_new",
    "notices:protocol_publish",
    "panels:add",
]
# What a careful person gives where the drill's own choice would rightly be refused.
OVERRIDES: dict[str, Callable[[World], dict]] = {
    "enquiries:record": lambda w: {"received_on_0": "30", "received_on_1": "10"},
    "groups:attendance": lambda w: {
        "senior_officer": str(w.org.officers.chief_executive.pk),
        "senior_capacity": "chief_executive",
        "only_council_members": "on",
        "left_before_decision": "on",
        **_boxes("attended_on", AFTER_MEETING.date()),
    },
    "groups:new": lambda w: {"decision_meeting": "Cabinet"},
    "groups:representative_held": lambda w: {
        "local_councillor_present": "on",
        **_boxes("held_on", AFTER_MEETING.date()),
    },
    "panels:add": lambda w: {"officer": str(w.org.officers.assistant_director.pk)},
    "enquiries:share": lambda w: {"councillors": [str(w.org.councillors.group_leader.pk)]},
    "enquiries:link": lambda w: {"enquiries": casework(w.org).reference},
    "enquiries:constituent": lambda w: {"name": "Pat Jones", "consented": "yes"},
    "complaints:chief_executive_decision": lambda w: {
        "leader_told": "on",
        "group_leader_told": "on",
        "standards_chair_consulted": "on",
    },
}
# What must have happened before a page is open, where the form-page tests need nothing.
BEFORE: dict[str, Callable[[World], object]] = {
    "enquiries:answer": lambda w: enquiry_ask_councillor(
        actor=w.enquiry.assigned_to.user, enquiry=w.enquiry, question="Which houses?"
    ),
    "enquiries:unlink": lambda w: _linked(w),
    "enquiries:respond_linked": lambda w: _linked(w),
    "enquiries:follow_up": lambda w: enquiry_respond(
        actor=w.enquiry.assigned_to.user, enquiry=w.enquiry, response="Done.", minor=True
    ),
}


def _linked(world: World):
    """The world's enquiry linked with another member's about the same matter."""
    other = casework(world.org, councillor=world.org.councillors.group_leader)
    enquiry_link(actor=world.enquiry.assigned_to.user, enquiry=world.enquiry, others=[other])


# When a page is used, where that is not when the form-page tests use it.
CLOCKS = {"notices:period_end": datetime(2026, 12, 2, 9, 0, tzinfo=NOW.tzinfo)}


def _boxes(name: str, day: date) -> dict[str, str]:
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


def _day(name: str, page: str) -> date:
    """A date a careful person would give: a few weeks ahead, or in the past for a start."""
    if name.startswith(("starts", "start")) and page.startswith("declarations"):
        return date(2019, 4, 1)
    return council_calendar().add_working_days(NOW.date(), 15)


def filled(form: forms.BaseForm, page: str, world: World) -> dict:
    """What a careful person posts: what the form already shows, and a good value elsewhere."""
    data = {}
    for name, field in form.fields.items():
        key, value = form.add_prefix(name), form[name].value()
        if isinstance(field.widget, forms.MultiWidget):  # the GOV.UK date input
            day = value if isinstance(value, date) else _day(name, page)
            parts = (day.day, day.month, day.year)
            boxes = zip(field.widget.widgets_names, parts, strict=True)
            data.update({f"{key}{suffix}": str(part) for suffix, part in boxes})
        elif isinstance(field, forms.BooleanField):
            if value or field.required:
                data[key] = "on"
        elif value not in (None, "", [], ()):
            data[key] = [str(v) for v in value] if isinstance(value, list | tuple) else value
        elif isinstance(field, forms.FileField) or not field.required:
            continue
        elif isinstance(field, forms.ModelMultipleChoiceField):
            data[key] = [str(field.queryset.values_list("pk", flat=True).first())]
        elif isinstance(field, forms.ModelChoiceField):
            data[key] = str(field.queryset.values_list("pk", flat=True).first())
        elif isinstance(field, forms.ChoiceField):
            data[key] = next(str(v) for v, _ in field.choices if v not in ("", None))
        elif isinstance(field, forms.TimeField) or name.endswith("_time"):
            data[key] = "14:00"
        elif isinstance(field, forms.EmailField):
            data[key] = "drill@example.gov.uk"
        elif isinstance(field, forms.IntegerField):
            data[key] = "1"
        else:
            data[key] = "Sent at once by the drill."
    return {**data, **OVERRIDES.get(page, lambda w: {})(world)}


def _timelines() -> list[tuple[type, str]]:
    """Each kind of case's timeline model, and the name of its column for the case."""
    found = []
    for model in apps.get_models():
        name = getattr(model, "TIMELINE", None)
        if isinstance(name, str):
            relation = model._meta.get_field(name)
            found.append((relation.related_model, relation.field.name))
    return found


def _last_ids() -> dict:
    models = [AuditEvent, OutboxEmail, *(m for m, _ in _timelines())]
    return {
        m: (m.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) for m in models
    }


def _post_at_once(client, url: str, data: dict) -> list:
    """`AT_ONCE` posts of `data`, from as many threads released together; the answers."""
    barrier = threading.Barrier(AT_ONCE)
    answers, errors = [], []

    def post():
        try:
            mine = _copy(client)
            barrier.wait()
            answers.append(mine.post(url, data))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(AT_ONCE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert errors == []
    return answers


def _errors(response) -> list[str]:
    """What a refused page says is wrong (its error summary)."""
    html = response.content.decode()
    return re.findall(r'<a href="#[^"]*">([^<]*)</a>', html.partition("govuk-error-summary")[2])


def test_the_drill_covers_each_kind_of_case():
    for app in ("enquiries", "complaints", "declarations", "groups"):
        assert any(name.startswith(f"{app}:") for name in STEP_PAGES), app
    assert set(STEP_PAGES) <= set(PAGES), set(STEP_PAGES) - set(PAGES)


def _added(since: dict) -> dict[str, int]:
    return {m.__name__: m.objects.filter(pk__gt=last).count() for m, last in since.items()}


@pytest.mark.parametrize("name", STEP_PAGES + CREATE_PAGES)
def test_a_form_sent_eight_times_at_once_is_done_once(org, name):
    page = PAGES[name]
    with clock_at(NOW):
        world = World(org)
        client = client_for_page(world, page)
        url = page.url(name, client, world)  # makes what the page works on
        BEFORE.get(name, lambda w: None)(world)
    with clock_at(CLOCKS.get(name, page.clock)):
        shown = client.get(url)
        assert shown.status_code == 200, (url, shown.status_code)
        form = _page_form(shown)
        data = {**filled(form, name, world), TOKEN: str(form.submission_token)}
        before = _last_ids()
        with transaction.atomic():  # sent once, to see what once does; then undone
            sent = client.post(url, data)
            assert sent.status_code == 302, (url, data, _errors(sent))
            once = _added(before)
            transaction.set_rollback(True)
        answers = _post_at_once(client, url, data)

    refused = [a for a in answers if a.status_code != 302]
    assert not refused, (url, data, _errors(refused[0]))
    went = {a["Location"] for a in answers}
    assert len(went) == 1 and (name in CREATE_PAGES or went == {sent["Location"]})
    assert once["AuditEvent"] >= 1, "the form did something"
    # As many timeline steps, audit rows and emails as the form sent once makes.
    assert _added(before) == once
