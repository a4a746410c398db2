"""Each person chooses how emails for their information reach them: as they happen, in one
summary each working day, or not at all. Emails that need them to act always go at once."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from protocol_site.digest import digest_send, digest_send_all
from protocol_site.email_preferences import FOR_INFORMATION, email_preference_set
from protocol_site.models import AuditEvent, EmailPreference, OutboxEmail
from protocol_site.outbox import email_user, outbox_send_pending
from protocol_site.tasks import send_email_digests
from tests.enquiries.factories import casework

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
MONDAY = date(2026, 12, 7)
Choice = EmailPreference.ForInformation
Status = OutboxEmail.Status


@pytest.fixture
def enquiry(org):
    case = casework(org)
    OutboxEmail.objects.all().delete()  # the emails its logging sent are not these tests'
    return case


def copy_to(user, enquiry, n=1):
    """A Director's copy of an enquiry: an email for information only."""
    assert "enquiry_copied_to_director" in FOR_INFORMATION
    return email_user(
        user=user,
        template="enquiry_copied_to_director",
        context={"enquiry": enquiry},
        dedupe_key=f"copy:{n}",
    )


def action_for(user, enquiry):
    """A reminder that an enquiry is due: it needs them to act."""
    assert "enquiry_reminder" not in FOR_INFORMATION
    return email_user(user=user, template="enquiry_reminder", context={"enquiry": enquiry})


def test_as_they_happen_by_default(director, enquiry):
    assert copy_to(director, enquiry).status == Status.PENDING


def test_never_writes_no_email_for_information_but_still_sends_what_needs_action(director, enquiry):
    email_preference_set(actor=director, for_information=Choice.NEVER)
    assert copy_to(director, enquiry) is None
    assert not OutboxEmail.objects.filter(kind="enquiry_copied_to_director").exists()
    assert action_for(director, enquiry).status == Status.PENDING


def test_the_choice_is_audited(director):
    email_preference_set(actor=director, for_information=Choice.DAILY)
    email_preference_set(actor=director, for_information=Choice.NEVER)
    events = AuditEvent.objects.filter(action="protocol_site.email_preference.changed")
    assert [e.after["for_information"] for e in events.order_by("id")] == ["daily", "never"]
    assert events.last().before == {"for_information": "daily"}
    assert EmailPreference.objects.get(user=director).for_information == Choice.NEVER


def test_daily_holds_them_for_one_summary_with_a_link_to_each(director, settings, enquiry):
    email_preference_set(actor=director, for_information=Choice.DAILY)
    held = [copy_to(director, enquiry, n) for n in range(3)]
    urgent = action_for(director, enquiry)
    assert {row.status for row in held} == {Status.HELD}
    assert urgent.status == Status.PENDING
    outbox_send_pending()  # held emails are not sent on their own
    assert all(OutboxEmail.objects.get(pk=row.pk).status == Status.HELD for row in held)
    with time_machine.travel(datetime(2026, 12, 7, 7, 30, tzinfo=LONDON), tick=False):
        assert send_email_digests() == 1
    digest = OutboxEmail.objects.get(kind="digest")
    assert digest.recipient == director and digest.status == Status.PENDING
    assert "3 updates for your information" in digest.subject
    assert "Monday 7 December 2026" in digest.subject
    for row in held:
        row.refresh_from_db()
        assert row.status == Status.IN_DIGEST and row.digest == digest
        assert row.link and row.link in digest.body_text and row.link in digest.body_html
        assert row.subject in digest.body_text
    assert "/account/email/" in digest.body_text


def test_one_summary_per_person_per_day_however_often_the_task_runs(director, officer, enquiry):
    email_preference_set(actor=director, for_information=Choice.DAILY)
    email_preference_set(actor=officer, for_information=Choice.DAILY)
    copy_to(director, enquiry, 1), copy_to(officer, enquiry, 1)
    assert digest_send_all(today=MONDAY) == 2
    copy_to(director, enquiry, 2)  # arrives after the day's summary: it waits for the next one
    assert digest_send_all(today=MONDAY) == 0
    assert digest_send(recipient_id=director.pk, day=MONDAY) is False
    assert OutboxEmail.objects.filter(kind="digest").count() == 2
    assert OutboxEmail.objects.filter(status=Status.HELD).count() == 1
    assert digest_send_all(today=date(2026, 12, 8)) == 1
    assert not OutboxEmail.objects.filter(status=Status.HELD).exists()


def test_no_summary_on_a_day_that_is_not_a_working_day(director, enquiry):
    email_preference_set(actor=director, for_information=Choice.DAILY)
    copy_to(director, enquiry)
    assert digest_send_all(today=date(2026, 12, 5)) == 0  # a Saturday
    assert digest_send_all(today=date(2026, 12, 25)) == 0  # Christmas Day
    assert OutboxEmail.objects.filter(status=Status.HELD).count() == 1
    assert not OutboxEmail.objects.filter(kind="digest").exists()


def test_nobody_with_nothing_held_gets_a_summary(director, enquiry):
    email_preference_set(actor=director, for_information=Choice.DAILY)
    action_for(director, enquiry)
    assert digest_send_all(today=MONDAY) == 0


def test_the_digest_runs_at_half_past_seven_london_time(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["send-email-digests"]
    assert entry["task"] == "protocol_site.tasks.send_email_digests"
    assert entry["schedule"].hour == {7} and entry["schedule"].minute == {30}
    assert settings.CELERY_TIMEZONE == "Europe/London"


def test_emails_sent_in_a_summary_are_purged_when_old(director, enquiry):
    from datetime import timedelta

    from django.utils import timezone

    from protocol_site.outbox import outbox_purge_sent

    email_preference_set(actor=director, for_information=Choice.DAILY)
    old, recent = copy_to(director, enquiry, 1), copy_to(director, enquiry, 2)
    digest_send_all(today=MONDAY)
    OutboxEmail.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=200))
    assert outbox_purge_sent() == 1
    assert not OutboxEmail.objects.filter(pk=old.pk).exists()
    assert OutboxEmail.objects.filter(pk=recent.pk, status=Status.IN_DIGEST).exists()
