"""`seed_scale` at a tiny factor on the test database: the counts and the mix of states are the
plan's, every deadline is the calendar's, every escalation went to whom the ladder says, and
the beat sweeps then have nothing to do at the dataset's "now" and work cleanly after it."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from complaints.models import Complaint
from complaints.routing import next_handler
from declarations.models import Declaration
from enquiries.models import OPEN_STATUSES, Enquiry, EnquiryEvent, ExtensionRequest
from enquiries.policy import escalation_ladder
from enquiries.routing import conflict_check
from groups.models import Attendance, BriefingNote, BriefingRequest
from protocol_site.calendar import council_calendar
from registers.ladder import ladder_for
from registers.models import Councillor, Officer, PoliticalGroup, StatutoryRole
from scale.bench_sweep import run_sweeps
from scale.models import SeedRecord
from scale.plan import Plan

pytestmark = pytest.mark.django_db
FACTOR = 0.001


@pytest.fixture
def seeded():
    call_command("seed_scale", factor=FACTOR, stdout=StringIO())
    return SeedRecord.objects.get()


def test_the_counts_are_the_plans(seeded):
    plan = Plan.for_factor(FACTOR)
    assert Enquiry.objects.count() == plan.enquiries == 1000
    assert Enquiry.objects.filter(status__in=OPEN_STATUSES).count() == plan.open_enquiries == 50
    assert Complaint.objects.count() == plan.complaints == 40
    assert Declaration.objects.count() == plan.declarations == 10
    assert BriefingRequest.objects.count() == plan.briefings == 30
    assert Councillor.objects.count() == plan.councillors == 12
    assert PoliticalGroup.objects.count() == 6
    assert plan.officers * 0.9 <= Officer.objects.count() <= plan.officers * 1.1
    assert StatutoryRole.objects.count() == 4
    assert seeded.counts["plan"]["enquiries"] == 1000


def test_a_realistic_mix_of_states(seeded):
    today = seeded.reference_time.date()
    open_ = Enquiry.objects.filter(status__in=OPEN_STATUSES)
    assert open_.filter(target_date__lt=today, escalated_to__isnull=False).exists()
    assert open_.filter(target_date__gte=today).exists()
    assert open_.filter(status="holding").exists()
    assert ExtensionRequest.objects.filter(outcome="agreed").exists()
    assert ExtensionRequest.objects.filter(outcome="pending").exists()
    answered = Enquiry.objects.exclude(first_reply_working_days=None)
    on_time = answered.filter(first_reply_working_days__lte=10).count() / answered.count()
    assert 0.7 < on_time < 0.95
    assert Enquiry.objects.filter(status="declined").exists()
    stages = set(Complaint.objects.values_list("stage_number", flat=True))
    assert {1, 2} <= stages
    assert {"open", "resolved"} <= set(Complaint.objects.values_list("status", flat=True))
    assert BriefingNote.objects.exists() and Attendance.objects.exists()
    # A deep structure: officer, team leader, manager, head of service, AD, Director, CE.
    deepest = max(len(_chain(o)) for o in Officer.objects.select_related("post"))
    assert deepest == 6


def _chain(officer):
    chain, post = [], officer.post
    while post.reports_to_id:
        post = post.reports_to
        chain.append(post)
    return chain


def test_every_deadline_is_the_calendars(seeded):
    calendar = council_calendar()
    for enquiry in Enquiry.objects.all():
        worked = calendar.explain(enquiry.received_at, 10)
        assert (enquiry.day_of_receipt, enquiry.due_date) == (worked.day_of_receipt, worked.due)
        assert enquiry.due_explanation == str(worked)


def test_every_escalation_went_where_the_ladder_says(seeded):
    rungs = [r.rung for r in escalation_ladder()]
    events = EnquiryEvent.objects.filter(kind="escalated").select_related(
        "enquiry__assigned_to", "enquiry__councillor"
    )
    assert events.exists()
    for event in events:
        enquiry = event.enquiry
        before = list(
            enquiry.events.filter(kind="escalated", cycle=event.cycle, rung__lt=event.rung)
            .values_list("officer__user_id", "rung")
        )  # fmt: skip
        start = max((rung for _, rung in before), default=-1) + 1  # above the last to have it
        steps = ladder_for(
            enquiry.assigned_to,
            rungs[start:],
            exclude_user_ids={user_id for user_id, _ in before},
            is_conflicted=conflict_check(enquiry.councillor),
        )
        assert steps[0].person.pk == event.officer_id
        assert (steps[0].rung, event.due_at) == (event.reached_rung, event.at)
        assert start + rungs[start:].index(steps[0].rung) == event.rung


def test_every_complaint_stage_went_to_the_next_handler(seeded):
    for complaint in Complaint.objects.select_related("subject_officer"):
        earlier, after = set(), None
        for stage in complaint.stages.order_by("number"):
            step = next_handler(complaint, after_rung=after, earlier=earlier)
            assert step.user_id == stage.handler_id
            earlier.add(stage.handler_id)
            after = stage.rung


def test_the_sweeps_have_nothing_due_then_run_cleanly(seeded):
    now = seeded.reference_time
    assert run_sweeps(now)[1] == 0
    later = now + timedelta(days=7)
    _seconds, steps = run_sweeps(later)
    assert steps > 0
    assert run_sweeps(later)[1] == 0  # each step once


def test_it_refuses_a_database_with_data_unless_reset(seeded):
    with pytest.raises(CommandError, match="--reset"):
        call_command("seed_scale", factor=FACTOR, stdout=StringIO())
    call_command("seed_scale", factor=FACTOR, reset=True, stdout=StringIO())
    assert Enquiry.objects.count() == 1000
    assert SeedRecord.objects.count() == 1


def test_it_skips_when_already_seeded_at_that_factor(seeded):
    out = StringIO()
    call_command("seed_scale", factor=FACTOR, skip_if_seeded=True, reset=True, stdout=out)
    assert "nothing to do" in out.getvalue()
    assert SeedRecord.objects.get().pk == seeded.pk


@pytest.mark.parametrize("command", ["seed_scale", "bench"])
def test_never_with_production_settings(command):
    with (
        override_settings(SETTINGS_MODULE="protocol_site.settings.production"),
        pytest.raises(CommandError, match="production"),
    ):
        call_command(command, stdout=StringIO())


def test_the_factor_must_be_sensible():
    with pytest.raises(CommandError):
        call_command("seed_scale", factor=0, stdout=StringIO())
