from .absences import Absence
from .councillors import Councillor, CouncillorRole, PoliticalGroup, Ward
from .interests import OfficerInterest
from .organisation import (
    DIRECTOR_TIERS,
    Directorate,
    Officer,
    Post,
    Service,
    StatutoryRole,
    Tier,
)
from .training import TrainingAttendance, TrainingSession
from .visits import Visit

__all__ = [
    "Absence",
    "DIRECTOR_TIERS",
    "Councillor",
    "CouncillorRole",
    "Directorate",
    "Officer",
    "OfficerInterest",
    "PoliticalGroup",
    "Post",
    "Service",
    "StatutoryRole",
    "Tier",
    "TrainingAttendance",
    "TrainingSession",
    "Visit",
    "Ward",
]
