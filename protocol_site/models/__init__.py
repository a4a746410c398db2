from .audit import AuditEvent
from .calendar import ClosureDay
from .heartbeat import SweepHeartbeat
from .outbox import EmailPreference, OutboxEmail
from .protocol import CouncilProtocol
from .submission import FormSubmission
from .user import User

__all__ = [
    "AuditEvent",
    "ClosureDay",
    "CouncilProtocol",
    "EmailPreference",
    "FormSubmission",
    "OutboxEmail",
    "SweepHeartbeat",
    "User",
]
