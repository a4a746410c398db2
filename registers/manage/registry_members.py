"""The members' side of the registry (ORG-2) and the council's closure days (ORG-4)."""

from __future__ import annotations

from django.db.models import Count

from protocol_site.models import ClosureDay

from .. import services
from ..models import Councillor, CouncillorRole, PoliticalGroup, Ward
from . import forms, member_forms
from .spec import Column, Register, Related


def _current(role) -> bool:
    return role.is_current()


COUNCILLOR_PERSON = (
    Column("Name", "user.display_name", link="councillor"),
    Column("Ward", "ward", link="ward"),
    Column("Political group", "group", link="politicalgroup"),
    Column("Term ends", "term_end"),
)

MEMBER_REGISTERS: tuple[Register, ...] = (
    Register(
        key="ward",
        path="wards",
        model=Ward,
        form=member_forms.WardForm,
        plural="Wards",
        singular="a ward",
        description="Wards or electoral divisions and their number of seats.",
        columns=(
            Column("Name", "name"),
            Column("Seats", "seats"),
            Column("Councillors", "councillor_count"),
        ),
        annotate={"councillor_count": Count("councillors", distinct=True)},
        ordering=("name",),
        search_fields=("name",),
        detail_fields=(Column("Name", "name"), Column("Number of seats", "seats")),
        related=(
            Related(
                "Councillors",
                lambda w: w.councillors.select_related("user", "ward", "group"),
                COUNCILLOR_PERSON,
                register="councillor",
            ),
        ),
    ),
    Register(
        key="councillor",
        path="councillors",
        model=Councillor,
        form=forms.CouncillorForm,
        plural="Councillors",
        singular="a councillor",
        description="Councillors and co-opted members: ward, group and term of office.",
        columns=(
            Column("Name", "user.display_name"),
            Column("Ward", "ward", link="ward"),
            Column("Political group", "group", link="politicalgroup"),
            Column("Co-opted", "co_opted"),
            Column("Term ends", "term_end"),
        ),
        select_related=("user", "ward", "group"),
        ordering=("user__last_name", "user__first_name"),
        search_fields=(
            "user__first_name",
            "user__last_name",
            "user__username",
            "user__email",
            "ward__name",
            "group__name",
        ),
        search_hint="Words in the name, username or email address",
        detail_fields=(
            Column("Name", "user.display_name"),
            Column("Username", "user.username"),
            Column("Email address", "user.email"),
            Column("Ward", "ward", link="ward"),
            Column("Political group", "group", link="politicalgroup"),
            Column("Term of office starts", "term_start"),
            Column("Term of office ends", "term_end"),
            Column("Co-opted member", "co_opted"),
            Column("Co-opted to", "co_opted_to"),
        ),
        related=(
            Related(
                "Roles",
                lambda c: c.roles.order_by("-starts_on"),
                (
                    Column("Role", str),
                    Column("Starts on", "starts_on"),
                    Column("Ends on", "ends_on"),
                ),
                register="councillorrole",
            ),
            Related(
                "Training and induction",
                lambda c: c.training.select_related("session").order_by("-session__held_on"),
                (
                    Column("Session", "session.title"),
                    Column("Date", "session.held_on"),
                    Column("Attended", "attended"),
                ),
                register="trainingattendance",
                empty="No training recorded.",
            ),
        ),
        save=services.councillor_save,
    ),
    Register(
        key="councillorrole",
        path="councillor-roles",
        model=CouncillorRole,
        form=member_forms.CouncillorRoleForm,
        plural="Councillor roles",
        singular="a councillor role",
        description="Leader, Deputy Leader, Cabinet/Lead Members, committee chairs and the Mayor.",
        columns=(
            Column("Role", str),
            Column("Councillor", "councillor", link="councillor"),
            Column("Starts on", "starts_on"),
            Column("Ends on", "ends_on"),
            Column("Current", _current),
        ),
        select_related=("councillor__user",),
        ordering=("kind", "-starts_on", "councillor__user__last_name"),
        search_fields=(
            "portfolio",
            "committee",
            "councillor__user__first_name",
            "councillor__user__last_name",
        ),
        detail_fields=(
            Column("Councillor", "councillor", link="councillor"),
            Column("Role", "get_kind_display"),
            Column("Portfolio", "portfolio"),
            Column("Committee", "committee"),
            Column("Starts on", "starts_on"),
            Column("Ends on", "ends_on"),
        ),
    ),
    Register(
        key="politicalgroup",
        path="political-groups",
        model=PoliticalGroup,
        form=member_forms.PoliticalGroupForm,
        plural="Political groups",
        singular="a political group",
        description="Political groups, their leaders and members.",
        columns=(
            Column("Name", "name"),
            Column("Short name", "short_name"),
            Column("Group leader", "leader", link="councillor"),
            Column("Contact for the protocol", "protocol_contact", link="councillor"),
            Column("Members", "member_count"),
            Column("Active", "is_active"),
        ),
        select_related=("leader__user", "protocol_contact__user"),
        annotate={"member_count": Count("members", distinct=True)},
        ordering=("-is_active", "name"),
        search_fields=("name", "short_name"),
        detail_fields=(
            Column("Name", "name"),
            Column("Short name", "short_name"),
            Column("Group leader", "leader", link="councillor"),
            Column("Contact for the protocol", "protocol_contact", link="councillor"),
            Column("Active", "is_active"),
        ),
        related=(
            Related(
                "Members",
                lambda g: g.members.select_related("user", "ward", "group"),
                COUNCILLOR_PERSON,
                register="councillor",
                empty="The group has no members. Set a councillor's political group to add them.",
            ),
        ),
    ),
    Register(
        key="closureday",
        path="closure-days",
        model=ClosureDay,
        form=forms.ClosureDayForm,
        plural="Closure days",
        singular="a closure day",
        description="Days the council is closed beyond the bank holidays: they are not working "
        "days for deadlines.",
        columns=(Column("Date", "date"), Column("Reason", "reason")),
        ordering=("-date",),
        search_fields=("reason",),
        detail_fields=(Column("Date", "date"), Column("Reason", "reason")),
        deletable=True,
    ),
)
