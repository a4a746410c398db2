"""What the protocol says about panels, read from the registers: who keeps the record, and for
which posts members may take part in an appointment or dismissal at all (003 §6.1)."""

from __future__ import annotations

from registers.models import DIRECTOR_TIERS, Officer, Post, StatutoryRole, Tier
from registers.roles import Person, Role

# 003 §6.1: the Chief Executive or Head of Paid Service, Directors, the Monitoring Officer and
# the Chief Finance Officer.
MEMBER_APPOINTED_TIERS = (Tier.CHIEF_EXECUTIVE, *DIRECTOR_TIERS)
MEMBER_APPOINTED_ROLES = (
    StatutoryRole.Kind.HEAD_OF_PAID_SERVICE,
    StatutoryRole.Kind.MONITORING_OFFICER,
    StatutoryRole.Kind.CHIEF_FINANCE_OFFICER,
)
MEMBER_APPOINTED_POSTS = (
    "the Chief Executive or Head of Paid Service, Directors, the Monitoring Officer and the "
    "Chief Finance Officer"
)


def keeps_panels(person: Person) -> bool:
    """Democratic services and the Monitoring Officer record panels; nobody else sees them."""
    return person.has(Role.DEMOCRATIC_SERVICES) or person.has(Role.MONITORING_OFFICER)


def members_may_sit(post: Post, officer: Officer | None = None) -> bool:
    """True when members may take part in appointing or dismissing to `post`: a Chief Executive
    or Director tier post, or one whose holder (or the officer concerned) holds a statutory role
    the protocol names."""
    if post.tier in MEMBER_APPOINTED_TIERS:
        return True
    officer_ids = {o.pk for o in (getattr(post, "holder", None), officer) if o is not None}
    return bool(officer_ids) and (
        StatutoryRole.objects.filter(
            officer_id__in=officer_ids, kind__in=MEMBER_APPOINTED_ROLES
        ).exists()
    )
