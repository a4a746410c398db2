"""Demo relationship declarations for `manage.py seed_demo`: one reviewed by the Monitoring
Officer, one awaiting review, and one due for re-confirmation (reminded by the sweep), so the
declarer's, the manager's and the Monitoring Officer's pages have something in them. Each is
made through the services, once (keyed by the two people)."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.utils import timezone

from protocol_site.calendar import LONDON
from protocol_site.council_rules import rule
from protocol_site.models import User

from .models import Declaration, Relationship
from .panels import demo as panels_demo
from .services import declaration_make, declaration_review, declarations_sweep
from .services.common import add_months, reminder_at

# (declarer, other party, relationship, details, started years ago, what happens)
DEMO_DECLARATIONS = [
    (
        "officer.demo",
        "cllr.demo",
        Relationship.CLOSE_FRIENDSHIP,
        "We were at school together and our families meet socially a few times a year.",
        12,
        "reviewed",
    ),
    (
        "cllr.demo",
        "ad.demo",
        Relationship.FAMILY,
        "The Assistant Director is my sister-in-law (my husband's sister).",
        20,
        "awaiting",
    ),
    (
        "officer.demo",
        "leader.group",
        Relationship.BUSINESS,
        "We are both directors of a small community energy company in Ashfield.",
        3,
        "due",
    ),
]

ADVICE = (
    "Thank you for declaring this. The friendship need not affect your work, but please do not "
    "handle Councillor Rowntree's casework or enquiries: your line manager will route them to a "
    "colleague. The councillor has been reminded to declare it at meetings where relevant."
)
ACTION = "Line manager asked to route the councillor's enquiries to another officer."


def _users(*usernames: str) -> list[User] | None:
    found = {u.username: u for u in User.objects.filter(username__in=usernames)}
    return [found[name] for name in usernames] if len(found) == len(usernames) else None


def _due_soon(declaration: Declaration) -> None:
    """Move a just-made declaration's dates back a year, so its re-confirmation falls due within
    the reminder window (dates only: its state moves by services)."""
    today = timezone.localdate()
    declaration.confirm_by = today + timedelta(days=min(7, rule("DECLARATION_REMINDER_DAYS")))
    declaration.confirmed_on = add_months(
        declaration.confirm_by, -rule("DECLARATION_CONFIRM_MONTHS")
    )
    made = datetime.combine(declaration.confirmed_on, time(10, 0), tzinfo=LONDON)
    Declaration.objects.filter(pk=declaration.pk).update(
        created_at=made,
        confirmed_on=declaration.confirmed_on,
        confirm_by=declaration.confirm_by,
        next_action_at=reminder_at(declaration),
    )
    declaration.steps.update(at=made)


def seed(recorder) -> int:
    """Create the demo declarations that do not exist yet; returns how many were created."""
    created = 0
    for declarer, other, relationship, details, years, outcome in DEMO_DECLARATIONS:
        people = _users(declarer, other)
        if people is None:
            continue
        declarer_user, other_user = people
        if Declaration.objects.filter(declarer=declarer_user, other_party=other_user).exists():
            continue
        declaration = declaration_make(
            actor=declarer_user,
            other_party=other_user,
            relationship=relationship,
            details=details,
            starts_on=add_months(timezone.localdate(), -12 * years),
        )
        if outcome == "reviewed":
            reviewer = User.objects.get(username="monitoring.officer")
            declaration_review(
                actor=reviewer, declaration=declaration, advice=ADVICE, action=ACTION
            )
        elif outcome == "due":
            _due_soon(declaration)
        created += 1
    declarations_sweep(now=timezone.now())
    return created + panels_demo.seed(recorder)
