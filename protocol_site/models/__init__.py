from .audit import AuditEvent
from .calendar import ClosureDay
from .outbox import OutboxEmail
from .user import User

__all__ = ["AuditEvent", "ClosureDay", "OutboxEmail", "User"]
