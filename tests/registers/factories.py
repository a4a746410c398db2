"""Factories for the council's registers: the organisation and its councillors."""

import datetime

import factory
from factory.django import DjangoModelFactory

from registers.models import (
    Councillor,
    CouncillorRole,
    Directorate,
    Officer,
    PoliticalGroup,
    Post,
    Service,
    StatutoryRole,
    Tier,
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
