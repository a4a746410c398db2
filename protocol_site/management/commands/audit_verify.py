from django.core.management.base import BaseCommand, CommandError

from protocol_site.audit import REDACTED, audit_head, audit_verify
from protocol_site.models import AuditEvent


def _anchor(value: str) -> tuple[int, str]:
    pk, _, digest = value.partition(":")
    if not pk.isdigit() or len(digest) != 64:
        raise CommandError(f"--anchor {value!r} must be ID:HASH, as this command prints it.")
    return int(pk), digest


class Command(BaseCommand):
    help = (
        "Check the audit trail's hash chain: any edited, deleted or inserted event is reported. "
        "Prints the last event as ID:HASH; keep it outside the database and pass it back with "
        "--anchor to prove nothing up to it was cut off or rewritten since."
    )

    def add_arguments(self, parser):
        parser.add_argument("--anchor", help="ID:HASH of an event, from an earlier run.")

    def handle(self, *args, anchor=None, **options):
        problems = audit_verify(_anchor(anchor) if anchor else None)
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(f"The audit trail has been tampered with ({len(problems)} breaks).")
        self.stdout.write(f"Audit trail intact: {AuditEvent.objects.count()} events.")
        redactions = AuditEvent.objects.filter(action=REDACTED).count()
        if redactions:
            self.stdout.write(
                f"Redactions recorded in the trail: {redactions} (personal text removed by "
                "retention or erasure; every redacted event checked against its seal)."
            )
        head = audit_head()
        if head is not None:
            self.stdout.write(f"Anchor for a later check: --anchor {head[0]}:{head[1]}")
