"""Making enquiries in tests: always through the service, never by assigning state."""

from enquiries.models import Enquiry
from enquiries.services import enquiry_log


def log_casework(org, actor, **kwargs) -> Enquiry:
    """A casework enquiry a councillor put straight to the standard officer."""
    councillor = org.councillors.councillor
    values = {
        "actor": actor,
        "councillor": councillor,
        "subject": "Missed bin collection on Elm Road",
        "details": "Residents at 1-9 Elm Road report three missed collections.",
        "kind": Enquiry.Kind.CASEWORK,
        "service": org.service,
        "approached_officer": org.officers.officer,
    }
    values.update(kwargs)
    return enquiry_log(**values)
