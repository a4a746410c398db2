"""Who handles each stage of a complaint (CMP-1 to CMP-3).

- A member's complaint about an officer climbs the council's ladder
  (COMPLAINT_ESCALATION_LADDER, default line manager → AD → Director → Monitoring Officer).
- About a Director-tier officer: the Chief Executive, then the Monitoring Officer.
- About the Chief Executive: the Leader or the Monitoring Officer first
  (COMPLAINT_ABOUT_CHIEF_EXECUTIVE_GOES_TO), then the other; where the rule says so, the
  Monitoring Officer's stage is handled together with the Senior Human Resources Manager.
- An officer's complaint about a member (CMP-2): the officer's line manager → AD → Monitoring
  Officer.

A stage never goes to the complainant, the subject, anyone who handled an earlier stage, a rung
below the one already reached, or anyone conflicted (complaints.conflicts).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured, ValidationError

from protocol_site.council_rules import rule
from registers.ladder import Rung, Step, ladder_for, senior_hr_manager
from registers.models import DIRECTOR_TIERS, Officer, Service, StatutoryRole, Tier

from . import conflicts
from .models import Complaint

OFFICER_ABOUT_MEMBER_LADDER = (
    Rung.LINE_MANAGER,
    Rung.ASSISTANT_DIRECTOR,
    Rung.MONITORING_OFFICER,
)
DIRECTOR_LADDER = (Rung.CHIEF_EXECUTIVE, Rung.MONITORING_OFFICER)


def configured_ladder() -> tuple[Rung, ...]:
    try:
        rungs = tuple(Rung(name) for name in rule("COMPLAINT_ESCALATION_LADDER"))
    except ValueError:
        raise ImproperlyConfigured(
            "COMPLAINT_ESCALATION_LADDER: each rung must be one of "
            f"{', '.join(r.value for r in Rung)}."
        ) from None
    if not rungs:
        raise ImproperlyConfigured("COMPLAINT_ESCALATION_LADDER needs at least one rung.")
    return rungs


# COMPLAINT_ABOUT_CHIEF_EXECUTIVE_GOES_TO: the Monitoring Officer and the Senior Human
# Resources Manager together.
TOGETHER_WITH_HR = "monitoring_officer_and_hr"
CO_HANDLER_ROLE = "Senior Human Resources Manager"


def chief_executive_ladder() -> tuple[Rung, ...]:
    goes_to = rule("COMPLAINT_ABOUT_CHIEF_EXECUTIVE_GOES_TO")
    first = Rung.MONITORING_OFFICER if goes_to == TOGETHER_WITH_HR else Rung(goes_to)
    other = Rung.MONITORING_OFFICER if first == Rung.LEADER else Rung.LEADER
    return (first, other)


def co_handler_for(complaint: Complaint, step: Step, *, earlier: Iterable[int] = ()):
    """Who handles the stage with `step`'s handler: the Senior Human Resources Manager beside
    the Monitoring Officer on a councillor's complaint about the Chief Executive, where the
    council's rule says they take it together. None otherwise, and when the post is vacant,
    its holder a party, already a handler, or conflicted."""
    if (
        step.rung != Rung.MONITORING_OFFICER
        or complaint.direction != Complaint.Direction.MEMBER_ABOUT_OFFICER
        or rule("COMPLAINT_ABOUT_CHIEF_EXECUTIVE_GOES_TO") != TOGETHER_WITH_HR
        or not is_chief_executive(complaint.subject_officer)
    ):
        return None
    officer = senior_hr_manager()
    parties = parties_of(complaint)
    excluded = {parties.complainant_user_id, parties.subject_user_id, step.user_id, *earlier}
    if officer is None or officer.user_id in excluded:
        return None
    if conflicts.is_conflicted(officer.user_id, parties=parties):
        return None
    return officer


def is_chief_executive(officer: Officer) -> bool:
    if officer.statutory_roles.filter(kind=StatutoryRole.Kind.HEAD_OF_PAID_SERVICE).exists():
        return True
    post = officer.working_post
    return post is not None and post.tier == Tier.CHIEF_EXECUTIVE


def rungs_for(complaint: Complaint) -> tuple[Rung, ...]:
    """The whole ladder of this complaint, first stage first."""
    if complaint.direction == Complaint.Direction.OFFICER_ABOUT_MEMBER:
        return OFFICER_ABOUT_MEMBER_LADDER
    officer = complaint.subject_officer
    if is_chief_executive(officer):
        return chief_executive_ladder()
    post = officer.working_post
    if post is not None and post.tier in DIRECTOR_TIERS:
        return DIRECTOR_LADDER
    return configured_ladder()


def _ladder_officer(complaint: Complaint) -> Officer:
    """Whose line of management the ladder follows: the subject officer, or the complainant
    officer for a complaint about a member."""
    if complaint.direction == Complaint.Direction.OFFICER_ABOUT_MEMBER:
        return Officer.objects.select_related("user").get(user_id=complaint.complainant_id)
    return complaint.subject_officer


def parties_of(complaint: Complaint) -> conflicts.Parties:
    return conflicts.Parties(
        complainant_user_id=complaint.complainant_id, subject_user_id=complaint.subject_user_id
    )


def _rungs_after(complaint: Complaint, after_rung: str | None) -> tuple[Rung, ...]:
    rungs = rungs_for(complaint)
    if after_rung is not None and after_rung in rungs:
        return rungs[rungs.index(after_rung) + 1 :]
    return rungs


def next_rung(complaint: Complaint, *, after_rung: str | None = None) -> Rung | None:
    """The rung next in line above `after_rung`, whoever holds it (None past the top)."""
    rungs = _rungs_after(complaint, after_rung)
    return rungs[0] if rungs else None


def next_handler(
    complaint: Complaint, *, after_rung: str | None = None, earlier: Iterable[int] = ()
) -> Step | None:
    """The handler of the next stage: the first person on a rung above `after_rung` who is
    not excluded (vacant, a party, had it already, or conflicted: passed over, and the rung
    above takes its turn). None when the ladder has ended: nobody is escalated to after its
    top rung, and the Deputy Monitoring Officer stands in only when the Monitoring Officer
    cannot act, never as a rung of their own."""
    rungs = _rungs_after(complaint, after_rung)
    parties = parties_of(complaint)
    exclude = {parties.complainant_user_id, parties.subject_user_id, *earlier}
    steps = ladder_for(
        _ladder_officer(complaint),
        rungs,
        exclude_user_ids=exclude,
        is_conflicted=lambda user_id: conflicts.is_conflicted(user_id, parties=parties),
    )
    return steps[0] if steps else None


# 003 §14: who an officer's complaint about a member is reported to beyond its handlers.
REPORTABLE = (Rung.CHIEF_EXECUTIVE, Rung.DIRECTOR)


def reported_to_rungs() -> tuple[Rung, ...]:
    """COMPLAINT_ABOUT_MEMBER_REPORTED_TO: whom a complaint about a member goes to when raised."""
    names = [name.lower() for name in rule("COMPLAINT_ABOUT_MEMBER_REPORTED_TO")]
    if names == ["none"]:
        return ()
    try:
        rungs = tuple(Rung(name) for name in names)
    except ValueError:
        rungs = ()
    if not rungs or any(rung not in REPORTABLE for rung in rungs):
        raise ImproperlyConfigured(
            "COMPLAINT_ABOUT_MEMBER_REPORTED_TO: chief_executive, director, both, or none."
        )
    return rungs


def report_recipients(complaint: Complaint, rungs: Iterable[Rung]) -> list[Step]:
    """The people on `rungs` above the complainant officer (the Chief Executive, the officer's
    Director), never a party and never anyone conflicted with one."""
    parties = parties_of(complaint)
    return ladder_for(
        _ladder_officer(complaint),
        rungs,
        exclude_user_ids={parties.complainant_user_id, parties.subject_user_id},
        is_conflicted=lambda user_id: conflicts.is_conflicted(user_id, parties=parties),
    )


@dataclass(frozen=True)
class NamedOfficerStep(Step):
    """The first stage taken by a service's named complaints officer, in the first rung's
    place: the ladder carries on above that rung."""

    role: str = "service's complaints officer"

    @property
    def label(self) -> str:
        return self.role


def directed_handler(complaint: Complaint, service: Service) -> Step:
    """A member may direct a complaint to a service's named complaints officer rather than
    the line manager. Never a party to it, nor anyone with a declared relationship."""
    officer = service.complaints_officer
    field = "complaints_service"
    if officer is None or not officer.is_active or not officer.user.is_active:
        raise ValidationError(
            {
                field: f"{service} has no complaints officer named. Choose "
                "another service, or the usual route"
            }
        )
    parties = parties_of(complaint)
    if officer.user_id in (parties.complainant_user_id, parties.subject_user_id):
        raise ValidationError(
            {
                field: f"{officer} is the complaints officer for {service} and "
                "cannot handle a complaint about themselves. Choose another "
                "service, or the usual route"
            }
        )
    if conflicts.is_conflicted(officer.user_id, parties=parties):
        raise ValidationError(
            {
                field: f"{officer} cannot handle this complaint. Choose another "
                "service, or the usual route"
            }
        )
    first = rungs_for(complaint)[0]
    return NamedOfficerStep(
        rung=first,
        user_id=officer.user_id,
        person=officer,
        role=f"complaints officer for {service}",
    )
