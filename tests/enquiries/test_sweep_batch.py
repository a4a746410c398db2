"""The sweep takes its due enquiries a batch at a time: the same steps, once each, in a number
of queries that does not grow with the number of enquiries due."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from enquiries.models import Enquiry, EnquiryEvent
from enquiries.services import enquiries_sweep
from enquiries.services.ladder_steps import email_shape
from protocol_site.models import AuditEvent, OutboxEmail
from protocol_site.outbox import email_render
from protocol_site.outbox_many import Email, email_users_many
from tests.clock import at, clock_at
from tests.enquiries.factories import casework

pytestmark = pytest.mark.django_db

LOGGED = at(2026, 11, 2, 9, 0)  # a Monday: due by the end of Monday 16 November
REMINDERS = at(2026, 11, 12, 8, 0)  # two working days before
LINE_MANAGER = at(2026, 11, 17, 0, 5)  # overdue: the first rung
# SQLite takes at most 999 values a statement, so Django splits an insert of more than 52
# emails in two: a query more that is the database's, not the sweep's.
MANY = 30 if connection.vendor == "postgresql" else 24


def _enquiries(org, count: int) -> list[Enquiry]:
    """`count` enquiries logged together, each through the service (its own timeline, keys)."""
    with clock_at(LOGGED):
        return [casework(org, subject=f"Missed bin collection {n}") for n in range(count)]


def _copies(enquiry: Enquiry, count: int, *, start: int = 0) -> list[Enquiry]:
    """`count` copies of an enquiry's row (the clock columns too), written in one statement."""
    values = {
        field.attname: getattr(enquiry, field.attname)
        for field in Enquiry._meta.concrete_fields
        if not field.primary_key
    }
    rows = [
        Enquiry(**{**values, "reference": f"ENQ-2026-C{n:05d}"})
        for n in range(start, start + count)
    ]
    return Enquiry.objects.bulk_create(rows)


def _sweep_queries(now) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as queries:
        steps = enquiries_sweep(now=now)
    return steps, len(queries)


@pytest.mark.parametrize("now", [REMINDERS, LINE_MANAGER], ids=["reminders", "escalations"])
def test_the_sweeps_queries_do_not_grow_with_the_enquiries_due(org, now):
    (enquiry,) = _enquiries(org, 1)
    assert enquiries_sweep(now=now) == 1  # what is read once a process is read now
    counted = {}
    for due in (3, MANY):
        copies = _copies(enquiry, due, start=due)
        steps, counted[due] = _sweep_queries(now)
        assert steps == due
        Enquiry.objects.filter(pk__in=[e.pk for e in copies]).update(next_action_at=None)

    assert counted[MANY] == counted[3] <= 20


def test_a_batch_writes_each_step_once_with_its_audit_event_and_emails(org):
    enquiries = _enquiries(org, 5)
    audits = AuditEvent.objects.count()

    assert enquiries_sweep(now=LINE_MANAGER) == 5
    assert enquiries_sweep(now=LINE_MANAGER) == 0  # a second sweep: nothing more

    escalated = EnquiryEvent.objects.filter(kind=EnquiryEvent.Kind.ESCALATED)
    assert sorted(escalated.values_list("enquiry", flat=True)) == [e.pk for e in enquiries]
    assert set(escalated.values_list("officer", "rung", "due_at")) == {
        (org.officers.line_manager.pk, 0, at(2026, 11, 17, 0, 0))
    }
    assert AuditEvent.objects.count() == audits + 5
    assert not AuditEvent.objects.filter(action="enquiries.enquiry.escalated").exclude(
        after__rung=0
    )
    for enquiry in enquiries:
        enquiry.refresh_from_db()
        assert enquiry.escalated_to == org.officers.line_manager
        assert enquiry.escalation_rung == 1
        assert enquiry.next_action_at > LINE_MANAGER
        keys = set(
            OutboxEmail.objects.filter(
                dedupe_key__startswith=f"enquiry:{enquiry.pk}:escalated"
            ).values_list("kind", flat=True)
        )
        assert keys == {"enquiry_escalated", "enquiry_escalated_copy"}


def test_a_late_batch_climbs_every_rung_due_in_order(org):
    enquiries = _enquiries(org, 3)
    assert enquiries_sweep(now=at(2027, 1, 4, 9, 0)) == 3 * 4
    for enquiry in enquiries:
        rungs = list(
            enquiry.events.filter(kind=EnquiryEvent.Kind.ESCALATED)
            .order_by("id")
            .values_list("rung", flat=True)
        )
        assert rungs == [0, 1, 2, 3]


def _context(enquiry, officer, role):
    return {"enquiry": enquiry, "escalated_to": officer, "role": role}


@pytest.mark.parametrize("case_text", [False, True])
def test_emails_rendered_once_a_template_say_what_each_rendered_alone_would(
    org, settings, case_text
):
    """The stencil (see protocol_site.outbox_many) gives each email exactly the words the
    template gives it, whatever the names hold; with the case's text in emails, the template
    reads more than the stencil carries, and each email is rendered in full."""
    settings.EMAIL_INCLUDE_CASE_TEXT = case_text
    o = org.officers
    awkward = o.line_manager.user
    awkward.first_name, awkward.last_name = "Siân", "O'Brien & <Partners>"
    awkward.save()
    first, second = _enquiries(org, 2)
    with clock_at(LOGGED + timedelta(days=3)):
        later = casework(org, subject="Fly-tipping & <graffiti>")
    emails = [
        Email([awkward, o.director.user], template, _context(enquiry, officer, role), key, shape)
        for enquiry in (first, second, later)
        for officer, role in ((awkward.officer, "Line manager"), (o.director, "Director"))
        for template in ("enquiry_escalated", "enquiry_escalated_copy", "enquiry_reminder")
        for key, shape in ((None, email_shape),)
    ]
    before = OutboxEmail.objects.order_by("-id").values_list("id", flat=True).first()
    assert email_users_many(emails) == len(emails) * 2
    rows = iter(OutboxEmail.objects.filter(id__gt=before).order_by("id"))
    for email in emails:
        for user in email.users:
            row = next(rows)
            alone = email_render(email.template, {"recipient": user, **email.context})
            assert (row.subject, row.body_text, row.body_html) == alone
