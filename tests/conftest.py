"""The standard people (DESIGN.md, Tests), built on one small organisation per test.

Post chain, most senior last:

    officer -> line manager (Manager) -> Head of Service -> Assistant Director
            -> Director -> Chief Executive (also Head of Paid Service)

The Monitoring Officer heads Legal and Democratic Services (reporting to the Chief
Executive), and the democratic services officer reports to the Monitoring Officer.
Councillors: `councillor` and `group_leader` are in group A (ward W); `other_group_councillor`
is in group B (ward W too).

Each person fixture returns a *User*; the profiles are on `org`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from types import SimpleNamespace

import pytest
from django.test import Client
from hypothesis import settings as hypothesis_settings

from registers.models import Directorate, Service, StatutoryRole, Tier
from registers.roles import democratic_services_group
from tests.clients import token_client
from tests.protocol_site.factories import UserFactory
from tests.registers.factories import (
    CouncillorFactory,
    DirectorateFactory,
    OfficerFactory,
    PoliticalGroupFactory,
    PostFactory,
    ServiceFactory,
    StatutoryRoleFactory,
    WardFactory,
)

# Property tests: random locally, to keep finding new cases; in CI the same examples every run
# (a fixed seed), so the build is red only for a reason that reproduces.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")


@dataclass
class Org:
    directorate: Directorate  # Place and Environment
    service: Service  # Waste and Recycling
    resources: Directorate  # Resources
    legal_service: Service  # Legal and Democratic Services
    posts: SimpleNamespace  # chief_executive, director, ... officer, monitoring_officer, ...
    officers: SimpleNamespace  # Officer profiles, same keys as posts
    ward: object
    group_a: object
    group_b: object
    councillors: SimpleNamespace  # councillor, group_leader, other_group_councillor


def _officer(username: str, first: str, last: str, post):
    user = UserFactory(username=username, first_name=first, last_name=last)
    return OfficerFactory(user=user, post=post)


def _councillor(username: str, first: str, last: str, ward, group):
    user = UserFactory(username=username, first_name=first, last_name=last)
    return CouncillorFactory(user=user, ward=ward, group=group)


@pytest.fixture(autouse=True)
def fresh_cache():
    """An empty cache before and after every test: cached values (the council's rules, the
    pre-election banner's period, counts) never leak from one test into another, and an entry an
    earlier test filled never expires in the middle of a later test's query count."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def council_rule(db):
    """Set one of the council's rules the way democratic services do, in the product:
    `council_rule("ENQUIRY_WORKING_DAYS", 5)`. (The `settings` fixture still sets a rule's
    first value, which applies while the council has not set it.)"""
    from tests.protocol_site.rules import rule_set

    return rule_set


@pytest.fixture
def org(db) -> Org:
    place = DirectorateFactory(name="Place and Environment")
    waste = ServiceFactory(directorate=place, name="Waste and Recycling")
    resources = DirectorateFactory(name="Resources")
    legal = ServiceFactory(directorate=resources, name="Legal and Democratic Services")

    posts = SimpleNamespace()
    posts.chief_executive = PostFactory(
        title="Chief Executive", tier=Tier.CHIEF_EXECUTIVE, service=None, directorate=None
    )
    posts.director = PostFactory(
        title="Director of Place",
        tier=Tier.DIRECTOR,
        service=None,
        directorate=place,
        reports_to=posts.chief_executive,
    )
    posts.assistant_director = PostFactory(
        title="Assistant Director, Environment",
        tier=Tier.ASSISTANT_DIRECTOR,
        service=None,
        directorate=place,
        reports_to=posts.director,
    )
    posts.head_of_service = PostFactory(
        title="Head of Waste and Recycling",
        tier=Tier.HEAD_OF_SERVICE,
        service=waste,
        reports_to=posts.assistant_director,
    )
    posts.line_manager = PostFactory(
        title="Collections Manager",
        tier=Tier.MANAGER,
        service=waste,
        reports_to=posts.head_of_service,
    )
    posts.officer = PostFactory(
        title="Waste Services Officer",
        tier=Tier.OFFICER,
        service=waste,
        reports_to=posts.line_manager,
    )
    posts.monitoring_officer = PostFactory(
        title="Head of Legal and Democratic Services",
        tier=Tier.HEAD_OF_SERVICE,
        service=legal,
        reports_to=posts.chief_executive,
    )
    posts.democratic_services = PostFactory(
        title="Democratic Services Officer",
        tier=Tier.OFFICER,
        service=legal,
        reports_to=posts.monitoring_officer,
    )

    officers = SimpleNamespace(
        chief_executive=_officer("chief.executive", "Helen", "Carter", posts.chief_executive),
        director=_officer("director", "David", "Okafor", posts.director),
        assistant_director=_officer(
            "assistant.director", "Amira", "Shah", posts.assistant_director
        ),
        head_of_service=_officer("head.of.service", "Gareth", "Evans", posts.head_of_service),
        line_manager=_officer("line.manager", "Maya", "Patel", posts.line_manager),
        officer=_officer("officer", "Oliver", "Hughes", posts.officer),
        monitoring_officer=_officer(
            "monitoring.officer", "Margaret", "Lewis", posts.monitoring_officer
        ),
        democratic_services=_officer("dem.services", "Daniel", "Brooks", posts.democratic_services),
    )
    StatutoryRoleFactory(
        kind=StatutoryRole.Kind.HEAD_OF_PAID_SERVICE, officer=officers.chief_executive
    )
    StatutoryRoleFactory(
        kind=StatutoryRole.Kind.MONITORING_OFFICER, officer=officers.monitoring_officer
    )
    officers.democratic_services.user.groups.add(democratic_services_group())
    waste.complaints_officer = officers.head_of_service
    waste.save(update_fields=["complaints_officer"])
    legal.complaints_officer = officers.monitoring_officer
    legal.save(update_fields=["complaints_officer"])

    ward = WardFactory(name="Riverside")
    group_a = PoliticalGroupFactory(name="Group A", short_name="A")
    group_b = PoliticalGroupFactory(name="Group B", short_name="B")
    councillors = SimpleNamespace(
        councillor=_councillor("councillor", "Chris", "Baker", ward, group_a),
        group_leader=_councillor("group.leader", "Grace", "Lambert", ward, group_a),
        other_group_councillor=_councillor("other.councillor", "Owen", "Price", ward, group_b),
    )
    group_a.leader = councillors.group_leader
    group_a.save(update_fields=["leader"])

    return Org(
        directorate=place,
        service=waste,
        resources=resources,
        legal_service=legal,
        posts=posts,
        officers=officers,
        ward=ward,
        group_a=group_a,
        group_b=group_b,
        councillors=councillors,
    )


@pytest.fixture
def councillor(org):
    return org.councillors.councillor.user


@pytest.fixture
def other_group_councillor(org):
    return org.councillors.other_group_councillor.user


@pytest.fixture
def group_leader(org):
    return org.councillors.group_leader.user


@pytest.fixture
def officer(org):
    return org.officers.officer.user


@pytest.fixture
def line_manager(org):
    return org.officers.line_manager.user


@pytest.fixture
def head_of_service(org):
    return org.officers.head_of_service.user


@pytest.fixture
def assistant_director(org):
    return org.officers.assistant_director.user


@pytest.fixture
def director(org):
    return org.officers.director.user


@pytest.fixture
def chief_executive(org):
    return org.officers.chief_executive.user


@pytest.fixture
def monitoring_officer(org):
    return org.officers.monitoring_officer.user


@pytest.fixture
def democratic_services(org):
    return org.officers.democratic_services.user


@pytest.fixture
def outsider(db):
    return UserFactory(username="outsider", first_name="Olga", last_name="Stranger")


@pytest.fixture
def client_for(db):
    """`client_for(user)`: a test client signed in as `user`."""

    def make(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make


@pytest.fixture
def api(db):
    """`api(user)`: a client sending the user's token, as an integration would."""
    return token_client
