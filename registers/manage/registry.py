"""What each register democratic services keep looks like in the product: one table drives the
generic list, add, change and detail views, their URLs and the organisation index. This module
holds the organisation's side (ORG-1); registry_members.py the councillors' (ORG-2) and closure
days (ORG-4)."""

from __future__ import annotations

from django.db.models import Count

from .. import services
from ..models import Directorate, Officer, Post, Service, StatutoryRole
from . import forms
from .registry_members import MEMBER_REGISTERS
from .registry_registers import REGISTER_REGISTERS
from .spec import Column, Register, Related

__all__ = ["BY_KEY", "REGISTERS", "Column", "Register", "Related", "register_for"]

ORGANISATION_REGISTERS: tuple[Register, ...] = (
    Register(
        key="directorate",
        path="directorates",
        model=Directorate,
        form=forms.DirectorateForm,
        plural="Directorates",
        singular="a directorate",
        description="The council's directorates, which contain its services.",
        columns=(
            Column("Name", "name"),
            Column("Services", "service_count"),
            Column("Active", "is_active"),
        ),
        annotate={"service_count": Count("services", distinct=True)},
        ordering=("-is_active", "name"),
        detail_fields=(Column("Name", "name"), Column("Active", "is_active")),
        related=(
            Related(
                "Services",
                lambda d: d.services.select_related("complaints_officer__user").order_by("name"),
                (
                    Column("Service", "name"),
                    Column("Complaints officer", "complaints_officer", link="officer"),
                    Column("Active", "is_active"),
                ),
                register="service",
            ),
        ),
    ),
    Register(
        key="service",
        path="services",
        model=Service,
        form=forms.ServiceForm,
        plural="Services",
        singular="a service",
        description="Services and the officer each names for members' complaints.",
        columns=(
            Column("Name", "name"),
            Column("Directorate", "directorate", link="directorate"),
            Column("Complaints officer", "complaints_officer", link="officer"),
            Column("Active", "is_active"),
        ),
        select_related=(
            "directorate",
            "complaints_officer__user",
            "lead_member__user",
            "committee_chair__user",
            "queue_delegate__user",
        ),
        ordering=("directorate__name", "name"),
        search_fields=("name", "directorate__name"),
        detail_fields=(
            Column("Name", "name"),
            Column("Directorate", "directorate", link="directorate"),
            Column("Complaints officer", "complaints_officer", link="officer"),
            Column("Cabinet/Lead Member", "lead_member", link="councillor"),
            Column("Committee chair", "committee_chair", link="councillor"),
            Column("Team queue", "team_queue"),
            Column("Allocates the team queue", "queue_delegate", link="officer"),
            Column("Active", "is_active"),
        ),
        related=(
            Related(
                "Posts in this service",
                lambda s: s.posts.select_related("holder__user").order_by("tier", "title"),
                (
                    Column("Post", "title"),
                    Column("Tier", "get_tier_display"),
                    Column("Holder", "holder", link="officer"),
                ),
                register="post",
            ),
        ),
    ),
    Register(
        key="post",
        path="posts",
        model=Post,
        form=forms.PostForm,
        plural="Posts",
        singular="a post",
        description="Posts, their tier and line manager's post, acting arrangements and "
        "political restriction.",
        columns=(
            Column("Post", "title"),
            Column("Tier", "get_tier_display"),
            Column("Service", "service", link="service"),
            Column("Line manager's post", "reports_to", link="post"),
            Column("Holder", "holder", link="officer"),
            Column("Active", "is_active"),
        ),
        select_related=(
            "directorate",
            "service",
            "reports_to",
            "holder__user",
            "acting_holder__user",
        ),
        ordering=("tier", "title"),
        search_fields=("title", "service__name", "directorate__name"),
        detail_fields=(
            Column("Title", "title"),
            Column("Tier", "get_tier_display"),
            Column("Directorate", "directorate", link="directorate"),
            Column("Service", "service", link="service"),
            Column("Line manager's post", "reports_to", link="post"),
            Column("Holder", "holder", link="officer"),
            Column("Acting holder", "acting_holder", link="officer"),
            Column("Acting until", "acting_until"),
            Column("Politically restricted", "politically_restricted"),
            Column("Reason for the restriction", "restriction_reason"),
            Column("Active", "is_active"),
        ),
        related=(
            Related(
                "Posts reporting to this post",
                lambda p: p.direct_reports.select_related("holder__user"),
                (Column("Post", "title"), Column("Holder", "holder", link="officer")),
                register="post",
            ),
        ),
    ),
    Register(
        key="officer",
        path="officers",
        model=Officer,
        form=forms.OfficerForm,
        plural="Officers",
        singular="an officer",
        description="Officers, their sign-in accounts and the posts they hold.",
        columns=(
            Column("Name", "user.display_name"),
            Column("Post", "post", link="post"),
            Column("Service", "post.service", link="service"),
            Column("Email", "user.email"),
            Column("Active", "is_active"),
        ),
        select_related=("user", "post__service"),
        ordering=("-is_active", "user__last_name", "user__first_name"),
        search_fields=(
            "user__first_name",
            "user__last_name",
            "user__username",
            "user__email",
            "post__title",
        ),
        search_hint="Words in the name, username or email address",
        detail_fields=(
            Column("Name", "user.display_name"),
            Column("Username", "user.username"),
            Column("Email address", "user.email"),
            Column("Phone number", "phone"),
            Column("Post", "post", link="post"),
            Column("Active", "is_active"),
        ),
        related=(
            Related(
                "Statutory roles",
                lambda o: o.statutory_roles.all(),
                (Column("Role", "get_kind_display"), Column("Since", "since")),
                register="statutoryrole",
            ),
            Related(
                "Acting up into",
                lambda o: o.acting_posts.all(),
                (Column("Post", "title"), Column("Until", "acting_until")),
                register="post",
            ),
            Related(
                "Interests",
                lambda o: o.interests.order_by("-starts_on"),
                (
                    Column("Kind of interest", "get_kind_display"),
                    Column("From", "starts_on"),
                    Column("To", "ends_on"),
                ),
                register="officerinterest",
                empty="No interests registered.",
            ),
        ),
        save=services.officer_save,
    ),
    Register(
        key="statutoryrole",
        path="statutory-roles",
        model=StatutoryRole,
        form=forms.StatutoryRoleForm,
        plural="Statutory roles",
        singular="a statutory role",
        description="Head of Paid Service, Monitoring Officer and the other statutory officers: "
        "one holder each.",
        columns=(
            Column("Role", "get_kind_display"),
            Column("Held by", "officer", link="officer"),
            Column("Since", "since"),
        ),
        select_related=("officer__user",),
        ordering=("kind",),
        detail_fields=(
            Column("Role", "get_kind_display"),
            Column("Held by", "officer", link="officer"),
            Column("Since", "since"),
        ),
    ),
)

REGISTERS: tuple[Register, ...] = (
    *ORGANISATION_REGISTERS,
    *MEMBER_REGISTERS,
    *REGISTER_REGISTERS,
)
BY_KEY = {register.key: register for register in REGISTERS}


def register_for(key: str) -> Register:
    return BY_KEY[key]
