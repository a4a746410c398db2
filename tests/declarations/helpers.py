"""Making declarations in tests: always through the services, never by assigning state."""

from datetime import date, datetime

from declarations.models import Declaration, Relationship
from declarations.services import declaration_make
from tests.clock import LONDON
from tests.protocol_site.factories import UserFactory
from tests.registers.factories import CouncillorFactory

# Monday 2 November 2026: re-confirm by Tuesday 2 November 2027; the reminder goes at 08:00 on
# Tuesday 19 October 2027 (14 days before), and it lapses at midnight at the end of 2 November.
MADE = datetime(2026, 11, 2, 9, 0, tzinfo=LONDON)
CONFIRM_BY = date(2027, 11, 2)
REMINDER = datetime(2027, 10, 19, 8, 0, tzinfo=LONDON)
LAPSES = datetime(2027, 11, 3, 0, 0, tzinfo=LONDON)


def declare(declarer, other_party, **kwargs) -> Declaration:
    values = {
        "actor": declarer,
        "other_party": other_party,
        "relationship": Relationship.CLOSE_FRIENDSHIP,
        "details": "We play in the same five-a-side team and our families meet socially.",
        "starts_on": date(2019, 4, 1),
        "ends_on": None,
    }
    values.update(kwargs)
    return declaration_make(**values)


def officer_declares(org, **kwargs) -> Declaration:
    """The officer declares a relationship with the councillor: the line manager is told."""
    return declare(org.officers.officer.user, org.councillors.councillor.user, **kwargs)


def councillor_declares(org, **kwargs) -> Declaration:
    """The councillor declares a relationship with the officer."""
    return declare(org.councillors.councillor.user, org.officers.officer.user, **kwargs)


def new_councillor(org, n: int):
    user = UserFactory(username=f"cllr{n}", first_name="Councillor", last_name=f"Number{n}")
    return CouncillorFactory(user=user, ward=org.ward, group=org.group_b).user
