"""`manage.py protocol_preset county`: set every rule's paragraph, and the options it implies,
from one of the reference protocols; `neutral` clears them."""

from django.core.management.base import BaseCommand

from protocol_site.protocol_rules import PRESETS

from ...services import protocol_apply_preset


class Command(BaseCommand):
    help = "Set the council's protocol references from a reference protocol (or 'neutral')."

    def add_arguments(self, parser):
        parser.add_argument("preset", choices=[*PRESETS, "neutral"])

    def handle(self, *args, preset, **options):
        protocol = protocol_apply_preset(actor=None, preset=preset)
        self.stdout.write(f"{protocol}: {len(protocol.paragraphs)} paragraph references set.")
