"""The other registers democratic services keep (REG-3): officers' interests, politically
restricted posts, members' visits to council premises, and member training and induction.

Restricted posts and visits are read-only here: a post's restriction is changed on the post,
and a visit moves only through its own pages (the councillor and the Director)."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils.text import Truncator

from ..models import OfficerInterest, Post, TrainingAttendance, TrainingSession, Visit
from . import forms
from .spec import Column, Register, Related


def _current_holder(post: Post):
    """Who does the job today: the acting holder (so marked) where there is one."""
    acting = post.acting_holder_now()
    if acting is not None:
        return f"{acting} (acting)"
    return getattr(post, "holder", None)


def _short(text: str) -> str:
    return Truncator(text).chars(80)


INTEREST_DETAILS = (
    Column("Officer", "officer", link="officer"),
    Column("Kind of interest", "get_kind_display"),
    Column("Description", "description"),
    Column("From", "starts_on"),
    Column("To", "ends_on"),
)

RESTRICTED_POST_COLUMNS = (
    Column("Post", "title"),
    Column("Tier", "get_tier_display"),
    Column("Reason for the restriction", "restriction_reason"),
    Column("Directorate", "directorate", link="directorate"),
    Column("Service", "service", link="service"),
    Column("Current holder", _current_holder),
)

VISIT_DETAILS = (
    Column("Date and time", "starts_at"),
    Column("Councillor", "councillor", link="councillor"),
    Column("Premises", "premises"),
    Column("Service", "service", link="service"),
    Column("Directorate", "directorate", link="directorate"),
    Column("Purpose", "purpose"),
    Column("Status", "get_status_display"),
    Column("Director told", "director", link="officer"),
    Column("Officer meeting the member", "meeting_officer", link="officer"),
    Column("Conditions", "conditions"),
    Column("Requested", "requested_at"),
    Column("Arranged", "arranged_at"),
    Column("Cancelled", "cancelled_at"),
    Column("Reason for cancelling", "cancel_reason"),
)

REGISTER_REGISTERS: tuple[Register, ...] = (
    Register(
        key="officerinterest",
        path="officer-interests",
        model=OfficerInterest,
        form=forms.OfficerInterestForm,
        plural="Officers' interests",
        singular="an officer's interest",
        description="The register of officers' interests: outside employment, "
        "business interests, memberships, land and property.",
        columns=(
            Column("Officer", "officer", link="officer"),
            Column("Kind of interest", "get_kind_display"),
            Column("Description", lambda i: _short(i.description)),
            Column("From", "starts_on"),
            Column("To", "ends_on"),
        ),
        select_related=("officer__user",),
        ordering=("officer__user__last_name", "officer__user__first_name", "-starts_on"),
        search_fields=("officer__user__first_name", "officer__user__last_name", "description"),
        search_hint="Words in the officer's name or the description",
        detail_fields=INTEREST_DETAILS,
    ),
    Register(
        key="restrictedpost",
        path="politically-restricted-posts",
        model=Post,
        form=None,
        plural="Politically restricted posts",
        singular="a politically restricted post",
        description="Posts designated politically restricted, why, and who holds "
        "them. Change a post's restriction on the post itself.",
        columns=RESTRICTED_POST_COLUMNS,
        scope={"politically_restricted": True},
        read_only=True,
        record_url="manage:post_detail",
        select_related=("directorate", "service", "holder__user", "acting_holder__user"),
        ordering=("tier", "title"),
        search_fields=(
            "title",
            "restriction_reason",
            "service__name",
            "directorate__name",
            "holder__user__first_name",
            "holder__user__last_name",
            "acting_holder__user__first_name",
            "acting_holder__user__last_name",
        ),
        search_hint="Words in the post, the reason, its service or directorate, or the holder's "
        "name",
        detail_fields=RESTRICTED_POST_COLUMNS,
        export_columns=(
            *RESTRICTED_POST_COLUMNS,
            Column("Holder", "holder"),
            Column("Acting holder", "acting_holder"),
            Column("Acting until", "acting_until"),
            Column("Active", "is_active"),
        ),
    ),
    Register(
        key="visit",
        path="visits",
        model=Visit,
        form=None,
        plural="Members' visits",
        singular="a member's visit",
        description="Members' visits to council premises and the Directors' arrangements. "
        "Councillors ask for visits and Directors arrange them.",
        columns=(
            Column("Date and time", "starts_at"),
            Column("Councillor", "councillor", link="councillor"),
            Column("Premises", "premises"),
            Column("Service", "service", link="service"),
            Column("Status", "get_status_display"),
            Column("Meeting the member", "meeting_officer", link="officer"),
        ),
        read_only=True,
        record_url="visits:detail",
        select_related=(
            "councillor__user",
            "service",
            "directorate",
            "director__user",
            "meeting_officer__user",
        ),
        ordering=("-starts_at",),
        search_fields=(
            "premises",
            "purpose",
            "service__name",
            "directorate__name",
            "councillor__user__first_name",
            "councillor__user__last_name",
        ),
        search_hint="Words in the premises, the purpose, the service or the councillor's name",
        detail_fields=VISIT_DETAILS,
    ),
    Register(
        key="trainingsession",
        path="training-sessions",
        model=TrainingSession,
        form=forms.TrainingSessionForm,
        plural="Training sessions",
        singular="a training session",
        description="Member training and induction sessions.",
        columns=(
            Column("Title", "title"),
            Column("Kind", "get_kind_display"),
            Column("Date", "held_on"),
            Column("Provider", "provider"),
            Column("Attended", "attended_count"),
        ),
        annotate={"attended_count": Count("attendance", filter=Q(attendance__attended=True))},
        ordering=("-held_on", "title"),
        search_fields=("title", "provider"),
        search_hint="Words in the title or the provider",
        detail_fields=(
            Column("Title", "title"),
            Column("Kind", "get_kind_display"),
            Column("Date", "held_on"),
            Column("Provider", "provider"),
        ),
        related=(
            Related(
                "Attendance",
                lambda s: s.attendance.select_related("councillor__user", "session").order_by(
                    "councillor__user__last_name", "councillor__user__first_name"
                ),
                (
                    Column("Councillor", "councillor.user.display_name"),
                    Column("Attended", "attended"),
                ),
                register="trainingattendance",
                empty="No attendance recorded yet. Add an attendance record for each councillor.",
            ),
        ),
    ),
    Register(
        key="trainingattendance",
        path="training-attendance",
        model=TrainingAttendance,
        form=forms.TrainingAttendanceForm,
        plural="Training attendance",
        singular="an attendance record",
        description="Which councillors attended each training or induction session.",
        columns=(
            Column("Councillor", "councillor.user.display_name"),
            Column("Session", "session.title"),
            Column("Date", "session.held_on"),
            Column("Kind", "session.get_kind_display"),
            Column("Attended", "attended"),
        ),
        select_related=("councillor__user", "session"),
        ordering=("-session__held_on", "session__title", "councillor__user__last_name"),
        search_fields=(
            "councillor__user__first_name",
            "councillor__user__last_name",
            "session__title",
        ),
        search_hint="Words in the councillor's name or the session's title",
        detail_fields=(
            Column("Councillor", "councillor", link="councillor"),
            Column("Session", "session", link="trainingsession"),
            Column("Kind", "session.get_kind_display"),
            Column("Attended", "attended"),
        ),
    ),
)
