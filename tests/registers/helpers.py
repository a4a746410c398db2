"""Members' visits in tests: asked for through the service at a fixed moment."""

from datetime import datetime

from registers.services import visit_request
from tests.clock import LONDON, at

# Monday 2 November 2026, 09:00: with two working days' notice, Wednesday 4 November is the
# first day a visit may be asked for.
NOW = datetime(2026, 11, 2, 9, 0, tzinfo=LONDON)


def ask_for_visit(org, **kwargs):
    values = {
        "actor": org.councillors.councillor.user,
        "service": org.service,
        "premises": "Mill Lane Depot",
        "starts_at": at(2026, 11, 10, 10, 0),
        "purpose": "Residents ask about lorry movements: to see the site.",
    }
    values.update(kwargs)
    return visit_request(**values)
