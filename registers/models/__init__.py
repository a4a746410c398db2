from .councillors import Councillor, CouncillorRole, PoliticalGroup, Ward
from .organisation import (
    DIRECTOR_TIERS,
    Directorate,
    Officer,
    Post,
    Service,
    StatutoryRole,
    Tier,
)

__all__ = [
    "DIRECTOR_TIERS",
    "Councillor",
    "CouncillorRole",
    "Directorate",
    "Officer",
    "PoliticalGroup",
    "Post",
    "Service",
    "StatutoryRole",
    "Tier",
    "Ward",
]
