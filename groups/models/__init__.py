"""Political groups' briefings (GRP-1 to GRP-9): requests, notes, attendance, disclosures, and
officers' meetings with other elected representatives."""

from .briefings import (
    OPEN_STATUSES,
    Attendance,
    BriefingEvent,
    BriefingNote,
    BriefingOffer,
    BriefingRequest,
    BriefingShare,
    SeniorCapacity,
    Status,
)
from .representatives import RepresentativeMeeting

__all__ = [
    "OPEN_STATUSES",
    "Attendance",
    "BriefingEvent",
    "BriefingNote",
    "BriefingOffer",
    "BriefingRequest",
    "BriefingShare",
    "RepresentativeMeeting",
    "SeniorCapacity",
    "Status",
]
