"""`manage.py sweep`: run every app's beat sweep once (the same ones Celery beat runs).

The sweeps are those registered on the apps' AppConfigs (protocol_site.cases.sweep), the same
registry Celery beat is scheduled from.
"""

from datetime import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from protocol_site.cases.sweep import registered_sweeps


class Command(BaseCommand):
    help = "Run the reminder and escalation sweeps once (the same ones Celery beat runs)."

    def add_arguments(self, parser):
        parser.add_argument("--now", help="Treat this ISO 8601 time as now (for backfills).")

    def handle(self, *args, now=None, **options):
        when = timezone.now()
        if now:
            try:
                when = datetime.fromisoformat(now)
            except ValueError:
                raise CommandError(f"--now {now!r} is not an ISO 8601 date and time.") from None
            if timezone.is_naive(when):
                when = timezone.make_aware(when)
        total = 0
        for sweep in registered_sweeps():
            steps = sweep.run(now=when)
            total += steps
            self.stdout.write(f"{sweep.name}: {steps} steps.")
        self.stdout.write(f"Sweep at {when.isoformat()}: {total} reminder/escalation steps.")
