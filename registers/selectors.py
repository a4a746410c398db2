"""Reads of the registers that depend on who is asking."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from protocol_site.access import visible_or_404
from protocol_site.models import ClosureDay
from protocol_site.tally import count_together, tally

from .ladder import ladder_for
from .models import (
    Councillor,
    CouncillorRole,
    Directorate,
    Officer,
    PoliticalGroup,
    Post,
    Service,
    StatutoryRole,
    Visit,
    Ward,
)
from .roles import Person, Role, person_for


@dataclass
class HomeSummary:
    officer_ladder: list = field(default_factory=list)
    statutory_roles: list = field(default_factory=list)
    direct_reports: list = field(default_factory=list)
    ward_colleagues: list = field(default_factory=list)
    councillor_roles: list = field(default_factory=list)
    group_members: int | None = None
    directorate: Directorate | None = None
    directorate_services: list = field(default_factory=list)
    organisation_counts: dict = field(default_factory=dict)
    upcoming_closures: list = field(default_factory=list)
    # Panels other apps add (each a dict with a "template" and its context).
    panels: list = field(default_factory=list)


# The apps above registers (enquiries, complaints, groups) put their own panels on the home
# page through this hook, registered in their AppConfig.ready(); registers never imports them.
# Registers' own panels (visits, training, interests) come after the apps' (last=True).
HOME_PANELS: list[Callable[[Person], dict | None]] = []
LAST_HOME_PANELS: list[Callable[[Person], dict | None]] = []


def register_home_panel(panel: Callable[[Person], dict | None], *, last: bool = False):
    panels = LAST_HOME_PANELS if last else HOME_PANELS
    if panel not in panels:
        panels.append(panel)
    return panel


def home_summary_for(person: Person) -> HomeSummary:
    summary = HomeSummary()
    today = timezone.localdate()
    if person.officer is not None:
        officer = person.officer
        summary.officer_ladder = ladder_for(officer)
        summary.statutory_roles = list(officer.statutory_roles.all())
        post = officer.working_post
        if post is not None:
            summary.direct_reports = list(
                Post.objects.active()
                .filter(reports_to=post)
                .select_related("holder__user", "acting_holder__user", "service")
                .order_by("tier", "title")
            )
            if person.has(Role.DIRECTOR) and post.directorate_id:
                summary.directorate = post.directorate
                summary.directorate_services = list(
                    Service.objects.active()
                    .filter(directorate_id=post.directorate_id)
                    .annotate(officers=Count("posts__holder", filter=Q(posts__is_active=True)))
                    .select_related("complaints_officer__user")
                    .order_by("name")
                )
    if person.councillor is not None:
        councillor = person.councillor
        summary.councillor_roles = list(councillor.roles.current(today))
        if councillor.ward_id:
            summary.ward_colleagues = list(
                Councillor.objects.serving(today)
                .filter(ward_id=councillor.ward_id)
                .exclude(pk=councillor.pk)
                .select_related("user", "group")
            )
    if person.can_manage_organisation:
        summary.upcoming_closures = list(ClosureDay.objects.filter(date__gte=today)[:5])

    def counted() -> tuple[dict, int | None, list]:
        """Every panel's counts, and the organisation's, come from one query."""
        organisation, members = {}, None
        if person.councillor is not None and person.has(Role.GROUP_LEADER):
            members = tally(person.councillor.leads_group.members.all())
        if person.can_manage_organisation:
            organisation = {
                "Directorates": tally(Directorate.objects.all()),
                "Services": tally(Service.objects.all()),
                "Posts": tally(Post.objects.all()),
                "Officers": tally(Officer.objects.all()),
                "Statutory roles": tally(StatutoryRole.objects.all()),
                "Wards": tally(Ward.objects.all()),
                "Councillors": tally(Councillor.objects.all()),
                "Councillor roles": tally(CouncillorRole.objects.all()),
                "Political groups": tally(PoliticalGroup.objects.all()),
            }
        panels = (panel(person) for panel in (*HOME_PANELS, *LAST_HOME_PANELS))
        return organisation, members, [p for p in panels if p is not None]

    summary.organisation_counts, summary.group_members, panels = count_together(
        counted, user_pk=getattr(person.user, "pk", None)
    )
    # A panel may show only when one of its counts is not zero ("hide_when_zero": its key).
    summary.panels = [p for p in panels if p.get(p.get("hide_when_zero"), 1) != 0]
    return summary


# --- Members' visits to council premises (REG-3) ---------------------------------------------


def visits_visible_to(user) -> QuerySet[Visit]:
    """A councillor's own visits, the visits to the directorates a Director (or acting
    Director) runs, and every visit for democratic services and the Monitoring Officer."""
    if not getattr(user, "is_authenticated", False):
        return Visit.objects.none()
    person = person_for(user)
    if person.sees_all_visits:
        return Visit.objects.all()
    scope = Q(pk__in=[])
    if person.councillor is not None:
        scope |= Q(councillor=person.councillor)
    if person.directed_directorate_ids:
        scope |= Q(directorate_id__in=person.directed_directorate_ids)
    return Visit.objects.filter(scope)


VISIT_JOINS = (
    "councillor__user",
    "service",
    "directorate",
    "director__user",
    "meeting_officer__user",
    "arranged_by",
)


def visit_for(user, pk) -> Visit:
    return visible_or_404(visits_visible_to(user).select_related(*VISIT_JOINS), pk=pk)


def group_contacts() -> QuerySet[PoliticalGroup]:
    """The active political groups with their leaders and contacts for the protocol."""
    return PoliticalGroup.objects.active().select_related("leader__user", "protocol_contact__user")
