"""004 §13.1: the Chief Executive arbitrates on the interpretation of the protocol, after
consulting the Monitoring Officer. Each ruling is recorded against the rule it interprets (so
the council's own paragraph for it, as numbered that day), audited, and sent to the Group
Leaders and the Monitoring Officer, who read the register with democratic services."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from protocol_site.audit import audit_record
from protocol_site.cases import create_with_reference, notify, require
from protocol_site.protocol_refs import paragraph_for
from protocol_site.protocol_rules import RULES
from registers.ladder import monitoring_officer_user
from registers.models import PoliticalGroup

from ..models import InterpretationRuling
from ..permissions import can_record_ruling


def ruling_record(
    *,
    actor,
    title: str,
    ruling: str,
    rule: str,
    ruled_on: date | None = None,
    monitoring_officer_consulted: bool,
) -> InterpretationRuling:
    """Record the Chief Executive's ruling; the Group Leaders and the Monitoring Officer are
    emailed once."""
    require(can_record_ruling, actor)
    title, ruling = title.strip(), ruling.strip()
    today = timezone.localdate()
    ruled_on = ruled_on or today
    errors = {}
    if not title:
        errors["title"] = "Enter what the ruling is about"
    if not ruling:
        errors["ruling"] = "Enter the ruling"
    if rule not in RULES:
        errors["rule"] = "Select the part of the protocol the ruling interprets"
    if ruled_on > today:
        errors["ruled_on"] = "The date of the ruling must be today or in the past"
    if not monitoring_officer_consulted:
        errors["monitoring_officer_consulted"] = (
            "Confirm you consulted the Monitoring Officer before ruling"
        )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        record = create_with_reference(
            InterpretationRuling,
            prefix="RUL",
            on=timezone.now(),
            title=title,
            ruling=ruling,
            rule=rule,
            paragraph=paragraph_for(rule),
            ruled_on=ruled_on,
            monitoring_officer_consulted=True,
            made_by=actor,
        )
        audit_record(
            actor=actor,
            action="complaints.ruling.recorded",
            obj=record,
            summary=f"{record.reference}: {title}",
            after={"rule": rule, "paragraph": record.paragraph, "ruled_on": str(ruled_on)},
        )
        leaders = (
            PoliticalGroup.objects.active()
            .filter(leader__isnull=False)
            .select_related("leader__user")
        )
        recipients = [group.leader.user for group in leaders]
        recipients.append(monitoring_officer_user())
        notify(
            [user for user in recipients if user is not None and user.pk != actor.pk],
            "interpretation_ruling",
            {"ruling": record},
            key=f"ruling:{record.pk}",
        )
    return record
