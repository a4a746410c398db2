"""`manage.py seed_scale --factor N`: a council-sized synthetic dataset, in bulk."""

from django.core.management.base import BaseCommand, CommandError

from scale.plan import Plan
from scale.seed import Refused, latest_seed, refuse_production, seed


class Command(BaseCommand):
    help = (
        "Fill the configured database with a synthetic council: at factor 1, 15,000 officers, "
        "120 councillors, 1,000,000 enquiries over 10 years, 40,000 complaints, 10,000 "
        "declarations and 30,000 briefings. Refuses a database with data in it unless --reset."
    )

    def add_arguments(self, parser):
        parser.add_argument("--factor", type=float, default=1.0, help="Scale the counts (1).")
        parser.add_argument(
            "--reset", action="store_true", help="Empty the database first (deletes everything)."
        )
        parser.add_argument(
            "--skip-if-seeded",
            action="store_true",
            help="Do nothing when the database was already seeded at this factor.",
        )
        parser.add_argument("--seed", type=int, default=2026, help="Random seed (2026).")

    def handle(self, *args, factor, reset, skip_if_seeded, seed: int, **options):
        try:
            refuse_production()
            plan = Plan.for_factor(factor)
        except (Refused, ValueError) as error:
            raise CommandError(str(error)) from None
        if skip_if_seeded:
            found = latest_seed()
            if found is not None and found.factor == factor:
                self.stdout.write(f"Already seeded at factor {factor:g} ({found}): nothing to do.")
                return
        self.stdout.write(f"Seeding at factor {factor:g}: {plan.as_dict()}")
        try:
            record = seed_dataset(factor=factor, reset=reset, rng_seed=seed, say=self.stdout.write)
        except Refused as error:
            raise CommandError(str(error)) from None
        rows = record.counts["rows"]
        for label in sorted(rows):
            self.stdout.write(f"  {label}: {rows[label]:,}")
        self.stdout.write(self.style.SUCCESS(f"Seeded at factor {factor:g} in {record.seconds} s."))


seed_dataset = seed
