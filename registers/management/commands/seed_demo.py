"""`manage.py seed_demo`: build the demo council. Safe to run again."""

from importlib import import_module, util

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from registers.demo import DEMO_LOGINS, DEMO_PASSWORD, seed_demo
from registers.models import Councillor, Directorate, Officer, PoliticalGroup, Service, Ward


class Command(BaseCommand):
    help = (
        "Build the demo borough council: directorates, services, officers and posts, "
        "councillors, wards, political groups and closure days. Running it again changes "
        "nothing."
    )

    def handle(self, *args, **options):
        result = seed_demo()
        if result.changed:
            created = sum(result.created.values())
            updated = sum(result.updated.values())
            self.stdout.write(f"Demo council built: {created} records created, {updated} updated.")
        else:
            self.stdout.write("Demo council already up to date: nothing changed.")
        self.stdout.write(
            f"{Officer.objects.count()} officers in {Directorate.objects.count()} directorates "
            f"and {Service.objects.count()} services; {Councillor.objects.count()} councillors "
            f"in {Ward.objects.count()} wards and {PoliticalGroup.objects.count()} political "
            "groups."
        )
        self.seed_casework()
        self.stdout.write("")
        self.stdout.write(f"Every demo person's password is: {DEMO_PASSWORD}")
        self.stdout.write("")
        width = max(len("role"), *(len(login.role) for login in DEMO_LOGINS))
        self.stdout.write(f"{'role'.ljust(width)}  username")
        self.stdout.write(f"{'-' * width}  {'-' * 18}")
        for login in DEMO_LOGINS:
            self.stdout.write(f"{login.role.ljust(width)}  {login.username}")

    def seed_casework(self):
        """Each app with a `demo` module adds its own demo records (found, not imported:
        registers does not depend on the apps built on it). The registers' own `seed` adds
        interests, training and visits to the council just built."""
        recorder = get_user_model().objects.get(username="dem.services")
        for config in apps.get_app_configs():
            name = f"{config.name}.demo"
            if util.find_spec(name) is None:
                continue
            with transaction.atomic():
                created = import_module(name).seed(recorder)
            self.stdout.write(f"{config.verbose_name}: {created} demo records created.")
