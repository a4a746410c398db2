"""Making complaints in tests: always through the services, never by assigning state."""

from datetime import datetime

from complaints.models import Complaint
from complaints.services import complaint_raise
from tests.clock import LONDON

# Monday 2 November 2026: stage 1 is due to be resolved by Monday 16 November.
RAISED = datetime(2026, 11, 2, 9, 0, tzinfo=LONDON)


def about_officer(org, officer_key: str = "officer", **kwargs) -> Complaint:
    values = {
        "actor": org.councillors.councillor.user,
        "about_officer": getattr(org.officers, officer_key),
        "summary": "Dismissive replies to casework",
        "details": "The officer was dismissive in three replies about Elm Road.",
    }
    values.update(kwargs)
    return complaint_raise(**values)


def about_member(org, **kwargs) -> Complaint:
    values = {
        "actor": org.officers.officer.user,
        "about_councillor": org.councillors.councillor,
        "summary": "Criticised me at a public meeting",
        "details": "The councillor named me and criticised my work at the area forum.",
    }
    values.update(kwargs)
    return complaint_raise(**values)


def handlers(complaint) -> list:
    return list(complaint.stages.order_by("number").values_list("handler_id", flat=True))
