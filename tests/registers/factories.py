"""Factories for the council's registers: the organisation and its councillors."""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from registers.models import (
    Councillor,
    CouncillorRole,
    Directorate,
    Officer,
    OfficerInterest,
    PoliticalGroup,
    Post,
    Service,
    StatutoryRole,
    Tier,
    TrainingAttendance,
    TrainingSession,
    Visit,
    Ward,
)
from tests.protocol_site.factories import UserFactory


class DirectorateFactory(DjangoModelFactory):
    class Meta:
        model = Directorate
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Directorate {n}")


class ServiceFactory(DjangoModelFactory):
    class Meta:
        model = Service

    directorate = factory.SubFactory(DirectorateFactory)
    name = factory.Sequence(lambda n: f"Service {n}")


class PostFactory(DjangoModelFactory):
    """A post; by default an Officer-tier post in a service. Pass `service=None` (and
    `directorate=`) for a post above service level, e.g. a Director."""

    class Meta:
        model = Post

    title = factory.Sequence(lambda n: f"Post {n}")
    tier = Tier.OFFICER
    service = factory.SubFactory(ServiceFactory)
    directorate = factory.LazyAttribute(lambda p: p.service.directorate if p.service else None)
    reports_to = None


class OfficerFactory(DjangoModelFactory):
    """An officer with a user account and no post by default; build the post with PostFactory
    and pass it in (`OfficerFactory(post=PostFactory(tier=Tier.MANAGER))`)."""

    class Meta:
        model = Officer

    user = factory.SubFactory(UserFactory)
    post = None
    is_active = True


class StatutoryRoleFactory(DjangoModelFactory):
    class Meta:
        model = StatutoryRole
        django_get_or_create = ("kind",)

    kind = StatutoryRole.Kind.MONITORING_OFFICER
    officer = factory.SubFactory(OfficerFactory)


class WardFactory(DjangoModelFactory):
    class Meta:
        model = Ward
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Ward {n}")
    seats = 3


class PoliticalGroupFactory(DjangoModelFactory):
    class Meta:
        model = PoliticalGroup
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Group {n}")
    short_name = factory.Sequence(lambda n: f"G{n}")
    leader = None


class CouncillorFactory(DjangoModelFactory):
    class Meta:
        model = Councillor

    user = factory.SubFactory(UserFactory)
    ward = factory.SubFactory(WardFactory)
    group = factory.SubFactory(PoliticalGroupFactory)
    term_start = datetime.date(2022, 5, 5)
    term_end = None
    co_opted = False
    co_opted_to = ""


class CouncillorRoleFactory(DjangoModelFactory):
    class Meta:
        model = CouncillorRole

    councillor = factory.SubFactory(CouncillorFactory)
    kind = CouncillorRole.Kind.CABINET_MEMBER
    portfolio = factory.LazyAttribute(
        lambda r: "Finance" if r.kind == CouncillorRole.Kind.CABINET_MEMBER else ""
    )
    committee = factory.LazyAttribute(
        lambda r: "Planning Committee" if r.kind == CouncillorRole.Kind.COMMITTEE_CHAIR else ""
    )
    starts_on = datetime.date(2024, 5, 20)
    ends_on = None


class OfficerInterestFactory(DjangoModelFactory):
    class Meta:
        model = OfficerInterest

    officer = factory.SubFactory(OfficerFactory)
    kind = OfficerInterest.Kind.OUTSIDE_EMPLOYMENT
    description = factory.Sequence(lambda n: f"Weekend work number {n}")
    starts_on = datetime.date(2024, 4, 1)
    ends_on = None


class TrainingSessionFactory(DjangoModelFactory):
    class Meta:
        model = TrainingSession

    title = factory.Sequence(lambda n: f"Training session {n}")
    kind = TrainingSession.Kind.TRAINING
    held_on = datetime.date(2026, 6, 9)
    provider = "Democratic Services"


class TrainingAttendanceFactory(DjangoModelFactory):
    class Meta:
        model = TrainingAttendance

    session = factory.SubFactory(TrainingSessionFactory)
    councillor = factory.SubFactory(CouncillorFactory)
    attended = True


class VisitFactory(DjangoModelFactory):
    """A visit as asked for (status "requested"); move it on with registers.services.visits.
    Tests of asking for a visit call visit_request itself."""

    class Meta:
        model = Visit

    councillor = factory.SubFactory(CouncillorFactory)
    premises = factory.Sequence(lambda n: f"Depot {n}, Mill Lane")
    service = factory.SubFactory(ServiceFactory)
    directorate = factory.LazyAttribute(lambda v: v.service.directorate)
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
    purpose = "To see the site."


def manager_in_another_directorate(org) -> Officer:
    """An Assistant Director in Resources, under the Chief Executive, with a team of their own:
    a manager who is above nobody in the standard council's Place directorate."""
    elsewhere = OfficerFactory(
        post=PostFactory(
            tier=Tier.ASSISTANT_DIRECTOR,
            directorate=org.resources,
            service=None,
            reports_to=org.posts.chief_executive,
        )
    )
    PostFactory(tier=Tier.MANAGER, service=org.legal_service, reports_to=elsewhere.post)
    return elsewhere
