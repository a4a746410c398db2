from django.core.management.base import BaseCommand, CommandError

from protocol_site.audit import audit_verify
from protocol_site.models import AuditEvent


class Command(BaseCommand):
    help = "Check the audit trail's hash chain: any edited or deleted event is reported."

    def handle(self, *args, **options):
        problems = audit_verify()
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(f"The audit trail has been tampered with ({len(problems)} breaks).")
        self.stdout.write(f"Audit trail intact: {AuditEvent.objects.count()} events.")
