"""ELE-1: the Monitoring Officer declares, amends and ends pre-election periods; periods never
overlap; members and senior officers are sent the guidance once per change (001 §8.01,
003 §11.3)."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from notices.models import ElectionPeriod
from notices.selectors import current_period
from notices.services import election_period_end, election_period_update
from protocol_site.models import AuditEvent, OutboxEmail

from .helpers import NOW, TODAY, declare_period, period_values

pytestmark = pytest.mark.django_db


def addresses() -> set[str]:
    return set(OutboxEmail.objects.values_list("to_address", flat=True))


def test_the_monitoring_officer_declares_a_period(monitoring_officer):
    period = declare_period(monitoring_officer)
    assert period.last_day == date(2026, 5, 7) and period.declared_by == monitoring_officer
    assert period.is_on(NOW) and period.state() == "current"
    event = AuditEvent.objects.get(action="notices.election_period.declared")
    assert event.actor == monitoring_officer and "Borough elections 7 May 2026" in event.summary
    assert period.history.count() == 1


def test_the_guidance_goes_to_members_and_senior_officers_once(org, monitoring_officer):
    declare_period(monitoring_officer)
    members = {c.user.email for c in vars(org.councillors).values()}
    senior = {
        getattr(org.officers, key).user.email
        for key in (
            "chief_executive",
            "director",
            "assistant_director",
            "head_of_service",
            "monitoring_officer",
        )
    }
    assert addresses() == members | senior
    assert OutboxEmail.objects.count() == len(members | senior)
    email = OutboxEmail.objects.filter(to_address=org.councillors.councillor.user.email).get()
    assert email.subject.startswith("The Monitoring Officer has declared a pre-election period")
    assert "No new publicity campaigns until polling day." in email.body_text


def test_a_council_may_send_it_to_every_officer(org, monitoring_officer, settings):
    settings.ELECTION_GUIDANCE_TO_ALL_OFFICERS = True
    declare_period(monitoring_officer)
    assert org.officers.officer.user.email in addresses()
    assert org.officers.democratic_services.user.email in addresses()


def test_a_past_period_is_recorded_without_emails(monitoring_officer):
    period = declare_period(
        monitoring_officer,
        name="Borough elections 1 May 2025",
        starts_on=date(2025, 3, 24),
        polling_day=date(2025, 5, 1),
    )
    assert period.state() == "over" and not OutboxEmail.objects.exists()


@pytest.mark.parametrize(
    "who", ["officer", "director", "chief_executive", "democratic_services", "councillor"]
)
def test_only_the_monitoring_officer_declares(request, who):
    with pytest.raises(PermissionDenied):
        declare_period(request.getfixturevalue(who))
    assert not ElectionPeriod.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": " "}, "name"),
        ({"guidance": ""}, "guidance"),
        ({"starts_on": None}, "starts_on"),
        ({"polling_day": None}, "polling_day"),
        ({"polling_day": date(2026, 3, 31)}, "polling_day"),
    ],
)
def test_bad_input_is_refused_field_by_field(monitoring_officer, changes, field):
    with pytest.raises(ValidationError) as raised:
        declare_period(monitoring_officer, **changes)
    assert field in raised.value.message_dict
    assert not ElectionPeriod.objects.exists()


@pytest.mark.parametrize(
    ("starts_on", "polling_day"),
    [
        (date(2026, 5, 7), date(2026, 6, 4)),  # starts on the other's polling day
        (date(2026, 3, 1), date(2026, 4, 1)),  # ends on the other's first day
        (date(2026, 4, 10), date(2026, 4, 20)),  # inside it
        (date(2026, 3, 1), date(2026, 6, 1)),  # around it
    ],
)
def test_overlapping_periods_are_refused(monitoring_officer, starts_on, polling_day):
    declare_period(monitoring_officer)
    with pytest.raises(ValidationError) as raised:
        declare_period(monitoring_officer, name="By", starts_on=starts_on, polling_day=polling_day)
    assert "overlap Borough elections 7 May 2026" in raised.value.message_dict["starts_on"][0]
    assert ElectionPeriod.objects.count() == 1


def test_periods_side_by_side_are_allowed(monitoring_officer):
    declare_period(monitoring_officer)
    later = declare_period(
        monitoring_officer,
        name="Hillside by-election",
        starts_on=date(2026, 5, 8),
        polling_day=date(2026, 6, 11),
    )
    assert later.state() == "upcoming"


def test_amending_checks_overlap_against_the_others_only(monitoring_officer):
    period = declare_period(monitoring_officer)
    later = declare_period(
        monitoring_officer,
        name="Hillside by-election",
        starts_on=date(2026, 5, 8),
        polling_day=date(2026, 6, 11),
    )
    moved = election_period_update(
        actor=monitoring_officer,
        period=period,
        **period_values(period, polling_day=date(2026, 5, 6)),
    )
    assert moved.last_day == date(2026, 5, 6)
    with pytest.raises(ValidationError):
        election_period_update(
            actor=monitoring_officer,
            period=later,
            **period_values(later, starts_on=date(2026, 5, 1)),
        )


def test_an_amendment_is_emailed_once_and_kept_in_history(monitoring_officer):
    period = declare_period(monitoring_officer)
    first_round = OutboxEmail.objects.count()
    values = period_values(period, guidance="Updated guidance: no new consultations either.")
    changed = election_period_update(actor=monitoring_officer, period=period, **values)
    assert changed.revision == 1
    assert OutboxEmail.objects.count() == 2 * first_round
    election_period_update(actor=monitoring_officer, period=changed, **values)  # no change
    assert OutboxEmail.objects.count() == 2 * first_round
    assert changed.history.count() == 2
    event = AuditEvent.objects.get(action="notices.election_period.changed")
    assert set(event.after) == {"guidance"}


def test_only_the_monitoring_officer_amends_or_ends(monitoring_officer, chief_executive):
    period = declare_period(monitoring_officer)
    with pytest.raises(PermissionDenied):
        election_period_update(actor=chief_executive, period=period, **period_values(period))
    with pytest.raises(PermissionDenied):
        election_period_end(actor=chief_executive, period=period)


def test_ending_early_takes_the_period_off_now(monitoring_officer, frozen_clock):
    period = declare_period(monitoring_officer)
    assert current_period() == period
    ended = election_period_end(
        actor=monitoring_officer, period=period, reason="The by-election was uncontested."
    )
    assert ended.ended_at == NOW and ended.last_day == TODAY and ended.state() == "over"
    assert current_period() is None  # the cached banner was cleared
    assert OutboxEmail.objects.filter(subject__startswith="The pre-election period has ended")
    with pytest.raises(ValidationError, match="already over"):
        election_period_end(actor=monitoring_officer, period=ended)
    with pytest.raises(ValidationError, match="ended early"):
        election_period_update(actor=monitoring_officer, period=ended, **period_values(ended))
    # A new period may start the next day.
    frozen_clock.move_to(NOW + timedelta(days=1))
    assert declare_period(monitoring_officer, name="Again", starts_on=TODAY + timedelta(days=1)).pk


def test_a_period_not_yet_started_is_changed_not_ended(monitoring_officer):
    period = declare_period(monitoring_officer, starts_on=date(2026, 4, 20))
    with pytest.raises(ValidationError, match="not started"):
        election_period_end(actor=monitoring_officer, period=period)
