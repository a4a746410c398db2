"""Who may do what to an enquiry. Reach over records is in selectors; these are the acts."""

from __future__ import annotations

from django.core.exceptions import ObjectDoesNotExist

from declarations.conflicts import are_related
from protocol_site.cases import denies
from registers.cover.rules import covers
from registers.ladder import chief_executive, ladder_for, posts_above
from registers.models import Councillor, Officer, Tier
from registers.roles import Person, Role, person_for

from .models import Enquiry, EnquiryShare
from .models.sharing import serves_now

SENIOR_TIERS = (
    Tier.CHIEF_EXECUTIVE,
    Tier.EXECUTIVE_DIRECTOR,
    Tier.DIRECTOR,
    Tier.ASSISTANT_DIRECTOR,
    Tier.HEAD_OF_SERVICE,
)


def _managers_of(enquiry: Enquiry) -> set[int]:
    """The user ids above the assigned officer: line manager up to Director."""
    from registers.ladder import Rung

    rungs = (Rung.LINE_MANAGER, Rung.ASSISTANT_DIRECTOR, Rung.DIRECTOR)
    ids = {step.user_id for step in ladder_for(enquiry.assigned_to, rungs)}
    for post in posts_above(enquiry.assigned_to.working_post):
        occupant = post.occupant()
        if occupant is not None:
            ids.add(occupant.user_id)
    return ids


def _manages(person, enquiry: Enquiry) -> bool:
    """Line-management reach: above the assigned officer, or the Chief Executive over every
    enquiry; never for someone with a declared relationship with the councillor (REG-2)."""
    uid = person.user.pk
    if not (person.has(Role.CHIEF_EXECUTIVE) or uid in _managers_of(enquiry)):
        return False
    return not are_related(uid, enquiry.councillor.user_id)


def can_record(person: Person) -> bool:
    """Record an enquiry received by email, phone, letter or in person (ENQ-1): an officer or
    democratic services."""
    return person.officer is not None or person.has(Role.DEMOCRATIC_SERVICES)


@denies("Only the councillor, an officer or democratic services can log it.")
def can_log(user, councillor: Councillor) -> bool:
    """A councillor logs their own enquiry; an officer or democratic services records one."""
    person = person_for(user)
    own = person.councillor is not None and person.councillor.pk == councillor.pk
    return own or can_record(person)


@denies("You cannot work on this enquiry.")
def can_work(user, enquiry: Enquiry) -> bool:
    """Acknowledge, hold, respond, ask for time, seek guidance, reassign."""
    person = person_for(user)
    if person.officer is None:
        return False
    if user.pk in (
        enquiry.assigned_to.user_id,
        getattr(enquiry.director, "user_id", None),
        getattr(enquiry.escalated_to, "user_id", None),
    ):
        return True
    known = enquiry if hasattr(enquiry, "away_cover_user_id") else None
    if covers(user, enquiry.assigned_to_id, known=known):  # covering while its officer is away
        return True
    return _manages(person, enquiry)


def is_senior(user) -> bool:
    person = person_for(user)
    post = person.officer.working_post if person.officer else None
    return post is not None and post.tier in SENIOR_TIERS


@denies("Only senior management above the officer can decide.")
def can_decide_extension(user, enquiry: Enquiry) -> bool:
    """Senior management above the officer (003 §8.2), or the Chief Executive."""
    person = person_for(user)
    is_director = user.pk == getattr(enquiry.director, "user_id", None)
    if person.has(Role.CHIEF_EXECUTIVE):
        return is_director or _manages(person, enquiry)
    if not is_senior(user) or user.pk == enquiry.assigned_to.user_id:
        return False
    return is_director or _manages(person, enquiry)


def extension_decider(enquiry: Enquiry) -> Officer | None:
    """Who a request for more time goes to: the enquiry's Director, or where the Director may
    not decide it (the Director holds the enquiry, or is conflicted) the next person up the
    ladder who may, ending with the Chief Executive."""
    candidates = [enquiry.director]
    candidates += [post.occupant() for post in posts_above(enquiry.assigned_to.working_post)]
    candidates.append(chief_executive())
    for officer in candidates:
        if officer is not None and can_decide_extension(officer.user, enquiry):
            return officer
    return None


@denies("Only a senior officer can decline an enquiry.")
def can_decline(user, enquiry: Enquiry) -> bool:
    """A senior officer with reach over the enquiry (002 §7.iii)."""
    return is_senior(user) and can_work(user, enquiry)


# The conversation on an enquiry: the councillor's side and the officers'.
def is_enquirer(user, enquiry: Enquiry) -> bool:
    """The councillor whose enquiry it is."""
    councillor = person_for(user).councillor
    return councillor is not None and councillor.pk == enquiry.councillor_id


def is_shared_with(user, enquiry: Enquiry) -> bool:
    """A ward colleague the councillor shared the enquiry with, while they serve that ward."""
    councillor = person_for(user).councillor
    if councillor is None or councillor.pk == enquiry.councillor_id:
        return False
    if not serves_now(councillor) or councillor.ward_id != enquiry.councillor.ward_id:
        return False
    return EnquiryShare.objects.filter(enquiry=enquiry, councillor=councillor).exists()


@denies("Only the councillor who made the enquiry can share it.")
def can_share(user, enquiry: Enquiry) -> bool:
    return is_enquirer(user, enquiry)


@denies("Only the councillor or the officers dealing with it can write on this enquiry.")
def can_message(user, enquiry: Enquiry) -> bool:
    """A message to the other side: the councillor (or a ward colleague they shared it with),
    or anyone who may work on it."""
    return is_enquirer(user, enquiry) or can_work(user, enquiry) or is_shared_with(user, enquiry)


@denies("Only the officers dealing with it and their managers can add an internal note.")
def can_note(user, enquiry: Enquiry) -> bool:
    """An internal note, never shown to the councillor."""
    return can_work(user, enquiry)


def can_read_notes(user, enquiry: Enquiry) -> bool:
    """Officers who may see the enquiry; never the councillor."""
    return person_for(user).officer is not None and not is_enquirer(user, enquiry)


@denies("Only the officers dealing with it can ask the councillor.")
def can_ask(user, enquiry: Enquiry) -> bool:
    return can_work(user, enquiry)


@denies("Only the councillor who made the enquiry can answer.")
def can_answer(user, enquiry: Enquiry) -> bool:
    return is_enquirer(user, enquiry)


@denies("Only the councillor who made the enquiry can chase it.")
def can_chase(user, enquiry: Enquiry) -> bool:
    return is_enquirer(user, enquiry)


@denies("Only the councillor who made the enquiry can withdraw it.")
def can_withdraw(user, enquiry: Enquiry) -> bool:
    return is_enquirer(user, enquiry)


# Linked enquiries: several members' enquiries about the same matter.
@denies("Only the officers dealing with it can link it with other enquiries.")
def can_link(user, enquiry: Enquiry) -> bool:
    return can_work(user, enquiry)


# Standard wording: kept per service by democratic services, and by a Head of Service for
# their own service.
def wording_service_ids(user) -> set[int] | None:
    """The services whose wording `user` keeps: None for every service (democratic services),
    else the Head of Service's own service, or none."""
    person = person_for(user)
    if person.has(Role.DEMOCRATIC_SERVICES):
        return None
    post = person.officer.working_post if person.officer else None
    if post is not None and post.tier == Tier.HEAD_OF_SERVICE and post.service_id:
        return {post.service_id}
    return set()


def keeps_wording(user) -> bool:
    """Democratic services, or a Head of Service with a service."""
    return wording_service_ids(user) != set()


@denies("Only democratic services and the service's Head of Service can keep its wording.")
def can_keep_wording(user, service) -> bool:
    ids = wording_service_ids(user)
    return ids is None or getattr(service, "pk", service) in ids


# The constituent's details on casework: personal data, for the councillor, the officer dealing
# with it and their managers; never for wider readers (democratic services, an advised chair).
@denies("Only the councillor who made the enquiry can record the constituent's details.")
def can_keep_constituent(user, enquiry: Enquiry) -> bool:
    return enquiry.kind == Enquiry.Kind.CASEWORK and is_enquirer(user, enquiry)


@denies("Only the councillor, on casework for a council officer, seeks advice here, once.")
def can_seek_advice(user, enquiry: Enquiry) -> bool:
    """The councillor, on casework for a constituent who is a council officer, before any
    advice is linked (the constituent's details are joined by enquiry_for)."""
    if enquiry.advice_request_id is not None or not can_keep_constituent(user, enquiry):
        return False
    try:
        return enquiry.constituent.council_officer
    except ObjectDoesNotExist:
        return False


@denies("The constituent's details are only for the councillor and the officers dealing with it.")
def can_see_constituent(user, enquiry: Enquiry, *, may_work: bool | None = None) -> bool:
    """`may_work`: the viewer's can_work when already asked."""
    if enquiry.kind != Enquiry.Kind.CASEWORK:
        return False
    if is_enquirer(user, enquiry):
        return True
    return can_work(user, enquiry) if may_work is None else may_work


@denies("Only the councillor who made the enquiry can follow it up.")
def can_follow_up(user, enquiry: Enquiry) -> bool:
    return is_enquirer(user, enquiry)


@denies("Only the councillor who made the enquiry can mark it urgent.")
def can_mark_urgent(user, enquiry: Enquiry) -> bool:
    return is_enquirer(user, enquiry)


# Team queues: a service's unallocated enquiries.
def queue_service_ids(user) -> set[int]:
    """The services whose team queue `user` allocates: as the head of service (the most
    senior post of that tier in it, acting up included) or as the delegate the head named."""
    from registers.ladder import head_of_service_for
    from registers.models import Service

    officer = person_for(user).officer
    if officer is None:
        return set()
    ids = set(Service.objects.filter(queue_delegate=officer).values_list("pk", flat=True))
    post = officer.working_post
    if post is not None and post.service_id and post.tier <= Tier.HEAD_OF_SERVICE:
        head = head_of_service_for(post.service)
        if head is not None and head.pk == officer.pk:
            ids.add(post.service_id)
    return ids


@denies("Only the head of service, or the officer they named, can allocate its team queue.")
def can_allocate(user, enquiry: Enquiry) -> bool:
    return enquiry.service_id in queue_service_ids(user)


def team_service_id(user) -> int | None:
    """The service the officer works in today, whose team queue they may pick up from."""
    officer = person_for(user).officer
    post = officer.working_post if officer is not None else None
    return post.service_id if post is not None else None


@denies("Only an officer of the service can pick up an enquiry from its team queue.")
def can_pick_up(user, enquiry: Enquiry) -> bool:
    """Whether they may when it waits there: the conditional update in the service decides
    whether it still does."""
    return team_service_id(user) == enquiry.service_id or can_allocate(user, enquiry)
