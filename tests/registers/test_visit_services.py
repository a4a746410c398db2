"""Members' visits to council premises (REG-3; 000 §4.6, 002 §8): asking, arranging and
cancelling through the services, with the notice period counted in working days."""

from datetime import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings
from django_fsm import TransitionNotAllowed

from protocol_site.models import AuditEvent, OutboxEmail
from registers.ladder import director_for_service
from registers.models import Tier, Visit
from registers.services import visit_arrange, visit_cancel
from tests.clock import at, clock_fixture
from tests.protocol_site.factories import ClosureDayFactory
from tests.registers.factories import OfficerFactory, PostFactory, ServiceFactory

from .helpers import NOW, ask_for_visit

pytestmark = pytest.mark.django_db


monday_morning = clock_fixture(NOW, name="monday_morning")


def emails_to(user):
    return list(OutboxEmail.objects.filter(recipient=user).order_by("id"))


# --- Asking for a visit ----------------------------------------------------------------------


def test_a_councillor_asks_and_the_director_is_told_in_advance(org, councillor, director):
    visit = ask_for_visit(org)
    assert visit.status == Visit.Status.REQUESTED
    assert visit.councillor == org.councillors.councillor
    assert visit.directorate == org.directorate
    assert visit.director == org.officers.director
    [email] = emails_to(director)
    assert "Mill Lane Depot" in email.subject and "please make arrangements" in email.subject
    assert "Cllr Chris Baker has asked to visit Mill Lane Depot" in email.body_text
    assert "Tuesday 10 November 2026 at 10:00" in email.body_text
    assert f"/visits/{visit.pk}/arrange/" in email.body_text
    event = AuditEvent.objects.get(action="registers.visit.requested")
    assert event.actor == councillor and event.object_id == str(visit.pk)
    assert [h.history_type for h in visit.history.all()] == ["+"]
    assert visit.history.get().history_user == councillor


def test_an_acting_director_is_told_and_may_arrange(org, assistant_director, director):
    post = org.posts.director
    post.acting_holder = org.officers.assistant_director
    post.save()
    assert director_for_service(org.service) == org.officers.assistant_director
    visit = ask_for_visit(org)
    assert visit.director == org.officers.assistant_director
    assert len(emails_to(assistant_director)) == 1
    assert emails_to(director) == []
    visit_arrange(
        actor=assistant_director, visit=visit, meeting_officer=org.officers.head_of_service
    )
    assert Visit.objects.get(pk=visit.pk).status == Visit.Status.ARRANGED


def test_the_director_post_is_preferred_to_an_executive_directors():
    service = ServiceFactory()
    executive = OfficerFactory(
        post=PostFactory(
            tier=Tier.EXECUTIVE_DIRECTOR, service=None, directorate=service.directorate
        )
    )
    assert director_for_service(service) == executive
    director = OfficerFactory(
        post=PostFactory(tier=Tier.DIRECTOR, service=None, directorate=service.directorate)
    )
    assert director_for_service(service) == director


@pytest.mark.parametrize(
    ("who", "error"),
    [("officer", PermissionDenied), ("director", PermissionDenied), ("outsider", PermissionDenied)],
)
def test_only_a_councillor_asks(request, org, who, error):
    with pytest.raises(error):
        ask_for_visit(org, actor=request.getfixturevalue(who))
    assert not Visit.objects.exists()


@pytest.mark.parametrize(
    ("starts_at", "field", "message"),
    [
        (at(2026, 10, 30, 10, 0), "starts_at", "The visit must be in the future"),
        (at(2026, 11, 2, 8, 0), "starts_at", "The visit must be in the future"),
        (at(2026, 11, 3, 16, 0), "starts_at", "choose Wednesday 4 November 2026 or later"),
    ],
)
def test_a_visit_needs_notice_in_working_days(org, starts_at, field, message):
    with pytest.raises(ValidationError) as error:
        ask_for_visit(org, starts_at=starts_at)
    assert message in " ".join(error.value.message_dict[field])
    assert not Visit.objects.exists()
    assert not OutboxEmail.objects.exists()


def test_the_first_allowed_day_is_accepted(org):
    assert ask_for_visit(org, starts_at=at(2026, 11, 4, 8, 30)).pk


def test_a_request_at_the_weekend_counts_from_monday(org, monday_morning):
    monday_morning.move_to(at(2026, 11, 7, 11, 0))  # Saturday
    with pytest.raises(ValidationError, match="Wednesday 11 November"):
        ask_for_visit(org, starts_at=at(2026, 11, 10, 10, 0))
    assert ask_for_visit(org, starts_at=at(2026, 11, 11, 10, 0)).pk


def test_bank_holidays_and_closure_days_are_not_working_days(org, monday_morning):
    monday_morning.move_to(at(2026, 12, 24, 10, 0))  # 25 and 28 Dec are bank holidays
    with pytest.raises(ValidationError, match="Wednesday 30 December"):
        ask_for_visit(org, starts_at=at(2026, 12, 29, 10, 0))
    ClosureDayFactory(date=at(2026, 12, 29, 0, 0).date(), reason="Christmas closure")
    with pytest.raises(ValidationError, match="Thursday 31 December"):
        ask_for_visit(org, starts_at=at(2026, 12, 30, 10, 0))
    assert ask_for_visit(org, starts_at=at(2026, 12, 31, 10, 0)).pk


@override_settings(VISIT_NOTICE_WORKING_DAYS=5)
def test_the_notice_period_is_a_setting(org):
    with pytest.raises(ValidationError, match="5 working days' notice"):
        ask_for_visit(org, starts_at=at(2026, 11, 6, 10, 0))
    assert ask_for_visit(org, starts_at=at(2026, 11, 9, 10, 0)).pk


def test_blank_premises_and_purpose_are_refused(org):
    with pytest.raises(ValidationError) as error:
        ask_for_visit(org, premises="  ", purpose="")
    assert set(error.value.message_dict) == {"premises", "purpose"}


def test_a_service_with_no_director_or_closed_is_refused(org):
    with pytest.raises(ValidationError, match="Nobody holds the Director's post"):
        ask_for_visit(org, service=org.legal_service)  # Resources has no Director
    org.service.is_active = False
    org.service.save()
    with pytest.raises(ValidationError, match="Select a current service"):
        ask_for_visit(org)


def test_a_naive_time_is_a_programming_error(org):
    with pytest.raises(ValueError):
        ask_for_visit(org, starts_at=datetime(2026, 11, 10, 10, 0))


# --- Arranging -------------------------------------------------------------------------------


def test_the_director_arranges_and_the_councillor_and_officer_are_told(
    org, councillor, director, head_of_service
):
    visit = ask_for_visit(org)
    visit = visit_arrange(
        actor=director,
        visit=visit,
        meeting_officer=org.officers.head_of_service,
        conditions="  Wear boots; sign in at the gate.  ",
    )
    visit.refresh_from_db()
    assert visit.status == Visit.Status.ARRANGED
    assert visit.meeting_officer == org.officers.head_of_service
    assert visit.conditions == "Wear boots; sign in at the gate."
    assert visit.arranged_by == director and visit.arranged_at == NOW
    [to_councillor] = emails_to(councillor)
    assert "arranged" in to_councillor.subject
    assert "Gareth Evans will meet the member" in to_councillor.body_text
    assert "Wear boots" not in to_councillor.body_text  # the conditions stay on the visit's page
    assert f"/visits/{visit.pk}/" in to_councillor.body_text
    [to_officer] = emails_to(head_of_service)
    assert f"/visits/{visit.pk}/" not in to_officer.body_text  # they cannot open it
    assert AuditEvent.objects.filter(action="registers.visit.arranged", actor=director).exists()
    assert visit.history.first().history_type == "~"
    assert visit.history.first().history_user == director


@pytest.mark.parametrize(
    "who",
    ["councillor", "officer", "assistant_director", "chief_executive", "democratic_services"],
)
def test_only_the_director_of_the_directorate_arranges(request, org, who):
    visit = ask_for_visit(org)
    with pytest.raises(PermissionDenied):
        visit_arrange(
            actor=request.getfixturevalue(who),
            visit=visit,
            meeting_officer=org.officers.head_of_service,
        )
    assert Visit.objects.get(pk=visit.pk).status == Visit.Status.REQUESTED


def test_a_director_of_another_directorate_cannot_arrange(org):
    other = OfficerFactory(
        post=PostFactory(tier=Tier.DIRECTOR, service=None, directorate=org.resources)
    )
    visit = ask_for_visit(org)
    with pytest.raises(PermissionDenied):
        visit_arrange(actor=other.user, visit=visit, meeting_officer=org.officers.head_of_service)


def test_a_visit_is_arranged_once(org, director):
    visit = ask_for_visit(org)
    visit_arrange(actor=director, visit=visit, meeting_officer=org.officers.head_of_service)
    with pytest.raises(ValidationError, match="arranged"):
        visit_arrange(actor=director, visit=visit, meeting_officer=org.officers.line_manager)
    assert Visit.objects.get(pk=visit.pk).meeting_officer == org.officers.head_of_service


def test_an_inactive_officer_cannot_meet_the_member(org, director):
    visit = ask_for_visit(org)
    org.officers.line_manager.is_active = False
    org.officers.line_manager.save()
    with pytest.raises(ValidationError) as error:
        visit_arrange(actor=director, visit=visit, meeting_officer=org.officers.line_manager)
    assert "meeting_officer" in error.value.message_dict


def test_a_past_visit_is_not_arranged_or_cancelled(org, director, councillor, monday_morning):
    visit = ask_for_visit(org)
    monday_morning.move_to(at(2026, 11, 10, 11, 0))
    with pytest.raises(ValidationError, match="time has passed"):
        visit_arrange(actor=director, visit=visit, meeting_officer=org.officers.head_of_service)
    with pytest.raises(ValidationError, match="time has passed"):
        visit_cancel(actor=councillor, visit=visit)


# --- Cancelling ------------------------------------------------------------------------------


@pytest.mark.parametrize("arranged", [False, True])
def test_the_councillor_cancels_and_those_involved_are_told(
    org, councillor, director, head_of_service, arranged
):
    visit = ask_for_visit(org)
    if arranged:
        visit_arrange(actor=director, visit=visit, meeting_officer=org.officers.head_of_service)
    visit_cancel(actor=councillor, visit=visit, reason="The council meeting moved.")
    visit.refresh_from_db()
    assert visit.status == Visit.Status.CANCELLED
    assert visit.cancelled_at == NOW and visit.cancel_reason == "The council meeting moved."
    cancelled = [e for e in emails_to(director) if "cancelled" in e.subject]
    assert len(cancelled) == 1 and "The council meeting moved." not in cancelled[0].body_text
    to_officer = [e for e in emails_to(head_of_service) if "cancelled" in e.subject]
    assert len(to_officer) == (1 if arranged else 0)
    assert AuditEvent.objects.filter(action="registers.visit.cancelled", actor=councillor).exists()


@pytest.mark.parametrize("who", ["other_group_councillor", "director", "democratic_services"])
def test_only_the_councillor_who_asked_cancels(request, org, who):
    visit = ask_for_visit(org)
    with pytest.raises(PermissionDenied):
        visit_cancel(actor=request.getfixturevalue(who), visit=visit)
    assert Visit.objects.get(pk=visit.pk).status == Visit.Status.REQUESTED


def test_a_cancelled_visit_stays_cancelled(org, councillor, director):
    visit = ask_for_visit(org)
    visit_cancel(actor=councillor, visit=visit)
    with pytest.raises(ValidationError, match="already cancelled"):
        visit_cancel(actor=councillor, visit=visit)
    with pytest.raises(ValidationError, match="cancelled"):
        visit_arrange(actor=director, visit=visit, meeting_officer=org.officers.head_of_service)
    assert len([e for e in emails_to(director) if "cancelled" in e.subject]) == 1


# --- The state is protected ------------------------------------------------------------------


def test_the_status_cannot_be_assigned_or_skipped(org):
    visit = ask_for_visit(org)
    with pytest.raises(AttributeError):
        visit.status = Visit.Status.ARRANGED
    visit.cancel()
    with pytest.raises(TransitionNotAllowed):
        visit.arrange()
