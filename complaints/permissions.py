"""Who may do what to a complaint. Reach over records is in selectors; these are the acts.

Each rule says who; whether the complaint's state allows the step now (open, not yet
acknowledged, not yet told) is the service's one precondition, and `Actions` in the views
puts the two together for the buttons."""

from __future__ import annotations

from protocol_site.cases import denies
from registers.roles import Role, may_act_as_monitoring_officer, person_for

from .models import Complaint, Referral

Direction = Complaint.Direction


def is_monitoring_officer(user, complaint: Complaint | None = None) -> bool:
    """Holds the Monitoring Officer's powers: in general, or on `complaint` (never a party to
    it; the Deputy when the Monitoring Officer is one)."""
    return may_act_as_monitoring_officer(user, complaint)


def is_handler(user, complaint: Complaint) -> bool:
    """Handles the current stage: its handler, or whoever handles it with them."""
    return user.pk is not None and user.pk in complaint.handler_ids


def is_complainant(user, complaint: Complaint) -> bool:
    return complaint.complainant_id == user.pk


@denies("Only a councillor can raise a complaint about an officer.")
def can_complain_about_officer(user) -> bool:
    """CMP-1: a member's concern about an officer."""
    return person_for(user).councillor is not None


@denies("Only an officer can raise a complaint about a councillor.")
def can_complain_about_councillor(user) -> bool:
    """CMP-2: an officer's concern about a member."""
    return person_for(user).officer is not None


@denies("Only the handler of the current stage can do this.")
def can_handle(user, complaint: Complaint) -> bool:
    """Acknowledge the stage, record its outcome, move it up with reasons."""
    return is_handler(user, complaint)


@denies("Only the person who raised the complaint can do this.")
def can_withdraw(user, complaint: Complaint) -> bool:
    return is_complainant(user, complaint)


@denies("Only the handler or the Monitoring Officer can do this.")
def can_notify_subject(user, complaint: Complaint) -> bool:
    return is_handler(user, complaint) or is_monitoring_officer(user, complaint)


@denies(
    "Only the handler of the current stage can refer it, and only the Monitoring Officer "
    "refers to the Standards Committee."
)
def can_refer(user, complaint: Complaint, referral: str | None = None) -> bool:
    """003 §15: the handler refers it out; the Standards Committee (a member's Code of
    Conduct) only by the Monitoring Officer (003 §14.4). Without `referral`: anywhere at all.
    A Monitoring Officer who raised it or is its subject does not; the Deputy does."""
    if referral == Referral.STANDARDS_COMMITTEE:
        return is_monitoring_officer(user, complaint)
    if referral is None and is_monitoring_officer(user, complaint):
        return complaint.direction == Direction.OFFICER_ABOUT_MEMBER or is_handler(user, complaint)
    return is_handler(user, complaint)


@denies("Only the Monitoring Officer reports the outcome, and never on their own complaint.")
def can_report(user, complaint: Complaint) -> bool:
    """003 §14.2: the Monitoring Officer's report on an officer's complaint about a member
    (the Deputy's when the Monitoring Officer is away, the post vacant, or they are a party)."""
    return is_monitoring_officer(user, complaint)


@denies("Only the person who raised the complaint and the handler of its stage write on it.")
def can_message(user, complaint: Complaint) -> bool:
    """The conversation at each stage: the complainant and the current stage's handler."""
    return is_complainant(user, complaint) or is_handler(user, complaint)


@denies("Only the handler of the current stage can share a message with its subject.")
def can_share_with_subject(user, complaint: Complaint) -> bool:
    """The subject reads no message unless the handler shares one of theirs with them."""
    return is_handler(user, complaint)


# The top of the council (complaints.services.top, complaints.services.rulings).


def is_chief_executive(user) -> bool:
    return person_for(user).has(Role.CHIEF_EXECUTIVE)


@denies("Only the Chief Executive decides the action on an upheld complaint about a member.")
def can_decide_as_chief_executive(user, complaint: Complaint) -> bool:
    """002 §10.b: the Chief Executive, never a party to the complaint."""
    return is_chief_executive(user) and user.pk not in complaint.party_user_ids


@denies("Only the officer who raised the complaint can take it to the Standards Committee.")
def can_go_to_standards_committee(user, complaint: Complaint) -> bool:
    """003 §14.1, §15.1: the officer's own choice, where the council's rule allows it."""
    return complaint.direction == Direction.OFFICER_ABOUT_MEMBER and is_complainant(user, complaint)


@denies("Only the Chief Executive records rulings on interpreting the protocol.")
def can_record_ruling(user) -> bool:
    """004 §13.1: the Chief Executive arbitrates on the protocol's interpretation."""
    return is_chief_executive(user)


@denies(
    "Only Group Leaders, the Chief Executive, the Monitoring Officer and democratic "
    "services read the rulings."
)
def can_read_rulings(user) -> bool:
    person = person_for(user)
    return any(
        person.has(role)
        for role in (
            Role.GROUP_LEADER,
            Role.CHIEF_EXECUTIVE,
            Role.MONITORING_OFFICER,
            Role.DEMOCRATIC_SERVICES,
        )
    )
