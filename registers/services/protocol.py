"""Writes to the council's protocol: its details, the paragraph behind each rule, its options,
and the reference protocols as presets. Democratic services only; audited, with history."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from protocol_site.audit import audit_record, changes, snapshot
from protocol_site.council_rules import SPECS, first_value
from protocol_site.models import CouncilProtocol
from protocol_site.protocol_refs import OPTIONS
from protocol_site.protocol_rules import PRESETS, RULES

from ..roles import person_for

FIELDS = ("title", "version", "url", "document", "preset", "paragraphs", *OPTIONS.values())
AUDITED = tuple(name for name in FIELDS if name != "document")


def _audit_view(protocol: CouncilProtocol) -> dict:
    return {**snapshot(protocol, AUDITED), "document": protocol.document.name or ""}


def _unset(name: str):
    """An option's value when the protocol says nothing: null for a yes/no, blank otherwise."""
    return None if CouncilProtocol._meta.get_field(name).null else ""


def _require_organisation_manager(actor) -> None:
    # actor None: a management command run by the people who deploy the product.
    if actor is not None and not person_for(actor).can_manage_organisation:
        raise PermissionDenied("Only democratic services can change the council's protocol.")


def _locked() -> CouncilProtocol:
    """The council's protocol row, locked; a new one starts with every rule's first value from
    the environment, which after that no longer changes them."""
    protocol = CouncilProtocol.objects.select_for_update().first()
    if protocol is None:
        protocol = CouncilProtocol()
        for spec in SPECS:
            setattr(protocol, spec.field, first_value(spec.name))
    return protocol


def _save(protocol: CouncilProtocol, *, actor, summary: str) -> CouncilProtocol:
    before = _audit_view(protocol) if protocol.pk else None
    protocol.paragraphs = {
        rule: str(paragraph).strip()
        for rule, paragraph in protocol.paragraphs.items()
        if rule in RULES and str(paragraph).strip()
    }
    protocol._history_user = actor
    protocol.save()
    old, new = changes(before, _audit_view(protocol))
    audit_record(
        actor=actor, action="protocol.changed", obj=protocol, summary=summary, before=old, after=new
    )
    return protocol


@transaction.atomic
def protocol_save(*, actor, details: dict, paragraphs: dict[str, str]) -> CouncilProtocol:
    """Set the protocol's details and options (`details`, CouncilProtocol fields) and the
    paragraph behind each rule (blank for none)."""
    _require_organisation_manager(actor)
    unknown = set(paragraphs) - set(RULES)
    if unknown:
        raise ValidationError(f"No such rule: {', '.join(sorted(unknown))}")
    protocol = _locked()
    for name, value in details.items():
        if name not in FIELDS or name in ("paragraphs", "preset"):
            raise ValidationError(f"No such detail: {name}")
        setattr(protocol, name, value)
    protocol.paragraphs = dict(paragraphs)
    return _save(protocol, actor=actor, summary="Changed the council's protocol")


def _unset(name: str):
    """An option left to the environment: null for a yes/no, blank for a choice."""
    return None if CouncilProtocol._meta.get_field(name).null else ""


@transaction.atomic
def protocol_apply_preset(*, actor, preset: str) -> CouncilProtocol:
    """Set every rule's paragraph, and the options it implies, from a reference protocol;
    "neutral" clears every reference and option (the environment's settings apply)."""
    _require_organisation_manager(actor)
    protocol = _locked()
    if preset == "neutral":
        protocol.title, protocol.paragraphs, protocol.preset = "", {}, ""
        for name in OPTIONS.values():
            setattr(protocol, name, _unset(name))
        return _save(protocol, actor=actor, summary="Cleared the council's protocol references")
    if preset not in PRESETS:
        raise ValidationError(f"No such preset: {preset}")
    chosen = PRESETS[preset]
    protocol.title, protocol.preset = chosen.title, chosen.key
    protocol.paragraphs = dict(chosen.paragraphs)
    for name in OPTIONS.values():
        setattr(protocol, name, chosen.options.get(name, _unset(name)))
    return _save(protocol, actor=actor, summary=f"Applied the preset: {chosen.title}")


@transaction.atomic
def protocol_set_version(*, actor, version: str, url: str = "") -> CouncilProtocol:
    """A new version published for members and officers to read: its name (and its link,
    where one is given) become the council's protocol's; paragraphs and options stay."""
    _require_organisation_manager(actor)
    protocol = _locked()
    protocol.version = version
    if url:
        protocol.url = url
    return _save(protocol, actor=actor, summary=f"Published version {version} for reading")
