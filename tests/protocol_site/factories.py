"""Factories for the kernel's models."""

import datetime

import factory
from factory.django import DjangoModelFactory

from protocol_site.models import ClosureDay, User


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.gov.uk")
    # Hashed as set_password would, without a second save.
    password = factory.django.Password("password")


class ClosureDayFactory(DjangoModelFactory):
    class Meta:
        model = ClosureDay
        django_get_or_create = ("date",)

    date = factory.Sequence(lambda n: datetime.date(2026, 12, 24) + datetime.timedelta(days=n))
    reason = "Christmas closure"
