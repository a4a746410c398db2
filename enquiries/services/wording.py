"""Standard wording kept per service: added, changed and retired by democratic services or the
service's Head of Service. Each change is audited; its field history is kept by
django-simple-history."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from protocol_site.audit import audit_record, changes, snapshot
from protocol_site.cases import require

from ..models import StandardWording
from ..permissions import can_keep_wording

FIELDS = ("service", "title", "text", "retired_at")
CLASH = "The service already has wording with this title: choose another title"


def _clean(title: str, text: str) -> tuple[str, str]:
    title, text = (title or "").strip(), (text or "").strip()
    errors = {}
    if not title:
        errors["title"] = "Enter a title for the wording"
    if not text:
        errors["text"] = "Enter the wording"
    if errors:
        raise ValidationError(errors)
    return title, text


def _save(wording: StandardWording, actor, fields: list[str] | None = None) -> None:
    wording._history_user = actor
    try:
        with transaction.atomic():
            wording.save(update_fields=fields)
    except IntegrityError as exc:
        raise ValidationError({"title": CLASH}) from exc


def wording_add(*, actor, service, title: str, text: str) -> StandardWording:
    title, text = _clean(title, text)
    with transaction.atomic():
        require(can_keep_wording, actor, service)
        wording = StandardWording(service=service, title=title, text=text, created_by=actor)
        _save(wording, actor)
        audit_record(
            actor=actor,
            action="enquiries.standardwording.added",
            obj=wording,
            summary=f"Standard wording added for {service}: {title}",
            after=snapshot(wording, FIELDS),
        )
    return wording


def wording_change(*, actor, wording: StandardWording, title: str, text: str) -> StandardWording:
    title, text = _clean(title, text)
    with transaction.atomic():
        wording = StandardWording.objects.select_for_update().get(pk=wording.pk)
        require(can_keep_wording, actor, wording.service_id)
        if wording.retired_at is not None:
            raise ValidationError("This wording has been retired: add new wording instead")
        before = snapshot(wording, FIELDS)
        wording.title, wording.text = title, text
        _save(wording, actor, ["title", "text"])
        before, after = changes(before, snapshot(wording, FIELDS))
        if after:
            audit_record(
                actor=actor,
                action="enquiries.standardwording.changed",
                obj=wording,
                summary=f"Standard wording changed: {title}",
                before=before,
                after=after,
            )
    return wording


def wording_retire(*, actor, wording: StandardWording) -> StandardWording:
    """No longer offered to officers; kept, with its history."""
    with transaction.atomic():
        wording = StandardWording.objects.select_for_update().get(pk=wording.pk)
        require(can_keep_wording, actor, wording.service_id)
        if wording.retired_at is not None:
            return wording
        wording.retired_at = timezone.now()
        _save(wording, actor, ["retired_at"])
        audit_record(
            actor=actor,
            action="enquiries.standardwording.retired",
            obj=wording,
            summary=f"Standard wording retired: {wording.title}",
            after={"retired_at": snapshot(wording, ["retired_at"])["retired_at"]},
        )
    return wording
