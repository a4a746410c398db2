"""First values of the council's rules about who counts as an officer and members' visits
(see README "Members' meetings, visits, induction and who counts as an officer")."""

from .env import env_bool, env_choice

# Who the protocol counts as an officer: every employee, agency worker, contractor and
# volunteer ("ALL_STAFF"), or employees only ("EMPLOYEES"). Teachers in schools never.
OFFICER_PROTOCOL_COVERS = env_choice(
    "OFFICER_PROTOCOL_COVERS", "ALL_STAFF", ("ALL_STAFF", "EMPLOYEES")
).lower()
# A visit to a school is arranged through its Headteacher: the visit records that they agreed.
VISIT_SCHOOLS_THROUGH_HEADTEACHER = env_bool("VISIT_SCHOOLS_THROUGH_HEADTEACHER", True)
# Special circumstances may warrant an unannounced visit, recorded afterwards with its reason.
VISIT_UNANNOUNCED_ALLOWED = env_bool("VISIT_UNANNOUNCED_ALLOWED", True)
