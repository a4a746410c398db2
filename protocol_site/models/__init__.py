from .audit import AuditEvent
from .calendar import ClosureDay
from .outbox import OutboxEmail
from .protocol import CouncilProtocol
from .user import User

__all__ = ["AuditEvent", "ClosureDay", "CouncilProtocol", "OutboxEmail", "User"]
