"""`manage.py sweep`: run every app's beat sweep once (the same ones Celery beat runs).

An app offers its sweep as `sweep = "dotted.path.to.function"` on its AppConfig; the function
takes `now=` and returns the number of steps taken. Found, not imported: the kernel does not
depend on the apps built on it.
"""

from datetime import datetime

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.module_loading import import_string


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
        for config in apps.get_app_configs():
            path = getattr(config, "sweep", None)
            if not path:
                continue
            steps = import_string(path)(now=when)
            total += steps
            self.stdout.write(f"{config.verbose_name}: {steps} steps.")
        self.stdout.write(f"Sweep at {when.isoformat()}: {total} reminder/escalation steps.")
