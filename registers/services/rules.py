"""Writes to the council's rules (protocol_site.council_rules): democratic services only, each
value checked, the change audited and kept in the protocol's history. A change applies from
the next deadline worked out; none already set moves."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from protocol_site.audit import audit_record, changes, snapshot
from protocol_site.council_rules import FIELDS, SPEC_BY_NAME, RuleSpec, rule_choices
from protocol_site.models import CouncilProtocol

from ..ladder import Rung
from ..roles import person_for
from .protocol import _locked

# The people a ladder may climb to, most junior first (the Leader is a councillor, not a rung
# an officer's matter climbs).
LADDER_RUNGS = (
    Rung.LINE_MANAGER,
    Rung.ASSISTANT_DIRECTOR,
    Rung.DIRECTOR,
    Rung.CHIEF_EXECUTIVE,
    Rung.MONITORING_OFFICER,
)
MEMBER_COMPLAINT_TOLD = (Rung.CHIEF_EXECUTIVE, Rung.DIRECTOR)


def _rungs(spec: RuleSpec, value) -> list[str]:
    allowed = MEMBER_COMPLAINT_TOLD if spec.name.endswith("REPORTED_TO") else LADDER_RUNGS
    names = [str(name).strip().lower() for name in (value or [])]
    if any(name not in allowed for name in names) or len(set(names)) != len(names):
        raise ValidationError("Choose people from the list, each once")
    if not names and spec.name == "COMPLAINT_ESCALATION_LADDER":
        raise ValidationError("Choose at least one person a complaint goes to")
    return names


def _ladder_days(spec: RuleSpec, value) -> list[str]:
    rungs, seen = [], set()
    for item in value or []:
        name, _, days = str(item).partition(":")
        name = name.strip().lower()
        try:
            number = int(days.strip() or "0")
        except ValueError:
            raise ValidationError("Days must be a whole number, like 3") from None
        if name not in LADDER_RUNGS or name in seen:
            raise ValidationError("Choose people from the list, each once")
        if not 0 <= number <= spec.maximum:
            raise ValidationError(f"Days must be between 0 and {spec.maximum}")
        seen.add(name)
        rungs.append(f"{name}:{number}")
    if not rungs:
        raise ValidationError("Give the days for at least one person an enquiry goes to")
    return rungs


def rule_clean(name: str, value):
    """The value to store for a rule, or a ValidationError saying what is wrong with it."""
    spec = SPEC_BY_NAME[name]
    if spec.kind == "days":
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError("Enter a whole number, like 10")
        if not spec.minimum <= value <= spec.maximum:
            raise ValidationError(f"Enter a number between {spec.minimum} and {spec.maximum}")
        return value
    if spec.kind == "yes_no":
        if not isinstance(value, bool):
            raise ValidationError("Select yes or no")
        return value
    if spec.kind == "choice":
        if value not in dict(rule_choices(name)):
            raise ValidationError("Select one of the options")
        return value
    if spec.kind == "ladder_days":
        return _ladder_days(spec, value)
    return _rungs(spec, value)


def _require_organisation_manager(actor) -> None:
    # actor None: a management command run by the people who deploy the product.
    if actor is not None and not person_for(actor).can_manage_organisation:
        raise PermissionDenied("Only democratic services can change the council's rules.")


@transaction.atomic
def council_rules_save(*, actor, values: dict[str, object]) -> CouncilProtocol:
    """Set some or all of the council's rules, by setting name. Every value is checked first
    (ValidationError by field name: nothing is saved if one is wrong)."""
    _require_organisation_manager(actor)
    unknown = set(values) - set(SPEC_BY_NAME)
    if unknown:
        raise ValidationError(f"No such rule: {', '.join(sorted(unknown))}")
    cleaned, errors = {}, {}
    for name, value in values.items():
        try:
            cleaned[name] = rule_clean(name, value)
        except ValidationError as error:
            errors[SPEC_BY_NAME[name].field] = error.messages
    if errors:
        raise ValidationError(errors)
    protocol = _locked()
    before = snapshot(protocol, FIELDS) if protocol.pk else None
    for name, value in cleaned.items():
        setattr(protocol, SPEC_BY_NAME[name].field, value)
    protocol._history_user = actor
    protocol.save()
    old, new = changes(before, snapshot(protocol, FIELDS))
    if before is None or new:
        audit_record(
            actor=actor,
            action="protocol.rules_changed",
            obj=protocol,
            summary="Changed the council's rules",
            before=old,
            after=new,
        )
    return protocol
