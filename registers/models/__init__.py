from .absences import Absence
from .councillors import Councillor, CouncillorRole, PoliticalGroup, Ward
from .interests import OfficerInterest
from .organisation import (
    COVERED_TYPES,
    DIRECTOR_TIERS,
    NOT_COVERED,
    Directorate,
    EmploymentType,
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
    "COVERED_TYPES",
    "Directorate",
    "EmploymentType",
    "NOT_COVERED",
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
