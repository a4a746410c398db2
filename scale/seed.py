"""`seed_scale`: build the whole dataset in one transaction, in bulk.

It refuses production settings, and a database that already holds people or casework unless
asked to empty it first (`reset`), so it can never mix itself into a council's real data.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import date, timedelta

from django.apps import apps
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from complaints.models import Complaint
from complaints.search import search_index as complaint_search_index
from enquiries.models import Enquiry
from enquiries.search import search_index
from protocol_site.calendar import LONDON, bank_holidays, council_calendar
from protocol_site.models import ClosureDay, User
from registers.models import Councillor, Officer

from .briefings import BriefingSeeder
from .clock import BulkClock
from .complaints import ComplaintSeeder
from .declarations import DeclarationSeeder
from .enquiries import EnquirySeeder
from .models import SeedRecord
from .org import OrgBuilder
from .plan import Plan
from .writer import SecondaryIndexes, Writer, foreign_keys_checked_at_the_end

# Kept by a reset: what migrations made, not data.
KEPT_TABLES = {
    "django_migrations",
    "django_content_type",
    "auth_permission",
    "auth_group",
    "auth_group_permissions",
}


class Refused(Exception):
    """The database or the settings are not ones to seed."""


def refuse_production() -> None:
    module = getattr(settings, "SETTINGS_MODULE", "") or ""
    if module.endswith(".production"):
        raise Refused("This builds a synthetic council: never with production settings.")


def has_data() -> bool:
    return any(m.objects.exists() for m in (User, Officer, Councillor, Enquiry, Complaint))


def latest_seed() -> SeedRecord | None:
    return SeedRecord.objects.order_by("-pk").first()


def data_tables() -> list[str]:
    return [
        t for t in connection.introspection.django_table_names(only_existing=True)
        if t not in KEPT_TABLES
    ]  # fmt: skip


def reset_database() -> None:
    """Empty every table but those the migrations filled."""
    tables = data_tables()
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Foreign keys checked at commit would otherwise refuse TRUNCATE in the same
            # transaction as the rows that need them (the seed in a test, say).
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(
                f"TRUNCATE {', '.join(quote(t) for t in tables)} RESTART IDENTITY CASCADE"
            )
        else:
            with connection.constraint_checks_disabled():
                for table in tables:
                    cursor.execute(f"DELETE FROM {quote(table)}")


def closure_days(first: date, last: date) -> list[tuple[date, str]]:
    """The working days between Christmas and New Year, when the council closes."""
    found = []
    for year in range(first.year, last.year + 1):
        holidays = bank_holidays(settings.COUNCIL_NATION, year)
        for day in range(27, 32):
            when = date(year, 12, day)
            if when.weekday() < 5 and when not in holidays:
                found.append((when, "Council closed between Christmas and New Year"))
    return found


def seed(*, factor: float, reset: bool = False, rng_seed: int = 2026, say: Callable = print):
    """Build the dataset; returns its SeedRecord."""
    refuse_production()
    if has_data():
        if not reset:
            raise Refused(
                "The database already has people or casework in it: use --reset to empty it "
                "first (everything in it is deleted)."
            )
        say("Emptying the database.")
        reset_database()
    plan = Plan.for_factor(factor)
    rng = random.Random(rng_seed)
    now = timezone.now().astimezone(LONDON).replace(second=0, microsecond=0)
    started = time.monotonic()
    tables = data_tables()
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
                # Room to sort each index in memory as it is built, after the load.
                cursor.execute("SET LOCAL maintenance_work_mem TO '256MB'")
        indexes = SecondaryIndexes(tables)
        indexes.drop()
        # In this order: the rows without their indexes and foreign keys; the indexes of all
        # but the enquiries (the search vectors read the timeline through its own); the
        # search vectors, rewriting each enquiry before it has indexes to update (and before
        # its foreign keys are back, which would otherwise check every rewritten row again at
        # commit); the enquiries' indexes; then the foreign keys, each checked once.
        with foreign_keys_checked_at_the_end(tables):
            counts, written = _build(plan, rng, now, say)
            begun = time.monotonic()
            built = indexes.build(but=[Enquiry._meta.db_table])
            say(f"Indexes ({built}): {time.monotonic() - begun:.1f} s")
            begun = time.monotonic()
            # What the services keep for search, worked out for every enquiry in one UPDATE.
            search_index(Enquiry.objects.all())
            complaint_search_index(Complaint.objects.all())
            say(f"Search vectors: {time.monotonic() - begun:.1f} s")
            begun = time.monotonic()
            built = indexes.build()
            say(f"The enquiries' indexes ({built}): {time.monotonic() - begun:.1f} s")
            begun = time.monotonic()
        say(f"Foreign keys checked: {time.monotonic() - begun:.1f} s")
        record = SeedRecord.objects.create(
            factor=factor,
            reference_time=now,
            seconds=round(time.monotonic() - started, 1),
            counts={"plan": plan.as_dict(), "mix": counts, "rows": written},
        )
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        begun = time.monotonic()
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        say(f"VACUUM ANALYZE: {time.monotonic() - begun:.1f} s")
    return record


def _build(plan: Plan, rng: random.Random, now, say: Callable):
    writer = Writer()
    closures = writer.table(ClosureDay, ("id", "date", "reason"))
    first = now.date().replace(year=now.year - plan.years - 1)
    for day, reason in closure_days(first, now.date() + timedelta(days=730)):
        closures.add((writer.new_id(ClosureDay), day, reason))
    closures.flush()
    clock = BulkClock(council_calendar(), now)
    counts: dict[str, int] = {}

    def step(label: str, work: Callable):
        begun = time.monotonic()
        result = work()
        writer.flush()
        say(f"{label}: {time.monotonic() - begun:.1f} s")
        return result

    org = step("Organisation and members", OrgBuilder(writer, plan, rng, now).build)
    conflicts = step("Declarations", DeclarationSeeder(writer, org, clock, rng, plan).run)
    counts |= step("Enquiries", EnquirySeeder(writer, org, clock, rng, plan, conflicts).run)
    counts |= step("Complaints", ComplaintSeeder(writer, org, clock, rng, plan).run)
    counts |= step("Briefings", BriefingSeeder(writer, org, clock, rng, plan).run)
    return counts, writer.finish()


def table_counts() -> dict[str, int]:
    """Rows per model of the apps the dataset fills (for the report)."""
    labels = ("registers", "enquiries", "complaints", "declarations", "political_groups")
    return {
        model._meta.label: model.objects.count()
        for label in labels
        for model in apps.get_app_config(label).get_models()
        if not model._meta.label.split(".")[1].startswith("Historical")
    }
