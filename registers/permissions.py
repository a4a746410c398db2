"""The Django groups that carry model permissions for staff roles."""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from .roles import DEMOCRATIC_SERVICES_GROUP

# Democratic services administer the organisation (ORG-1, ORG-2), the closure days (ORG-4)
# and the registers of officers' interests and member training (REG-3).
DEMOCRATIC_SERVICES_MODELS = {
    "registers": [
        "directorate",
        "service",
        "post",
        "officer",
        "statutoryrole",
        "ward",
        "councillor",
        "councillorrole",
        "politicalgroup",
        "officerinterest",
        "trainingsession",
        "trainingattendance",
    ],
    "protocol_site": ["closureday"],
}


def ensure_role_groups(**kwargs):
    """Framework plumbing after migrate: the role groups and their model permissions."""
    group, _ = Group.objects.get_or_create(name=DEMOCRATIC_SERVICES_GROUP)
    query = Q()
    for app_label, models in DEMOCRATIC_SERVICES_MODELS.items():
        query |= Q(content_type__app_label=app_label, content_type__model__in=models)
    perms = Permission.objects.filter(query).exclude(codename__startswith="delete_")
    group.permissions.add(*perms)
    closure_delete = Permission.objects.filter(
        content_type__app_label="protocol_site", codename="delete_closureday"
    )
    group.permissions.add(*closure_delete)
