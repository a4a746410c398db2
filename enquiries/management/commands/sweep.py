from datetime import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from enquiries.services import enquiries_sweep


class Command(BaseCommand):
    help = "Run the reminder and escalation sweep once (the same one Celery beat runs)."

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
        steps = enquiries_sweep(now=when)
        self.stdout.write(f"Sweep at {when.isoformat()}: {steps} reminder/escalation steps.")
