"""The council's protocol in the product: democratic services (or the Monitoring Officer)
publish each version; members and officers confirm they have read it; those who have not are
reminded, each round once."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from protocol_site.audit import audit_record
from protocol_site.cases import do_once, lock, notify, require
from registers.services import protocol_set_version

from .. import permissions
from ..models import ProtocolReading, ProtocolVersion
from ..selectors import protocol_not_read, protocol_readers


def _checked(*, version: str, text: str, summary: str, link: str) -> dict:
    values = {
        "version": (version or "").strip(),
        "text": (text or "").strip(),
        "summary": (summary or "").strip(),
        "link": (link or "").strip(),
    }
    errors = {}
    if not values["version"]:
        errors["version"] = "Enter the name of this version, for example May 2026"
    elif ProtocolVersion.objects.filter(version__iexact=values["version"]).exists():
        errors["version"] = "There is already a version with this name"
    if not values["text"]:
        errors["text"] = "Enter the text of the protocol"
    if errors:
        raise ValidationError(errors)
    return values


def protocol_publish(
    *, actor, version: str, text: str, summary: str = "", link: str = ""
) -> ProtocolVersion:
    """The new version becomes the current one; every member and officer is emailed once."""
    require(permissions.can_keep_protocol, actor)
    with transaction.atomic():
        published = ProtocolVersion.objects.create(
            published_by=actor,
            **_checked(version=version, text=text, summary=summary, link=link),
        )
        protocol_set_version(actor=actor, version=published.version, url=published.link)
        readers = list(protocol_readers())
        audit_record(
            actor=actor,
            action="notices.protocol.published",
            obj=published,
            summary=f"Protocol published: {published.version}. {len(readers)} people asked to "
            "read it.",
            after={"version": published.version, "readers": len(readers)},
        )
        notify(
            readers,
            "protocol_published",
            {"version": published},
            key=f"notices.protocol:{published.pk}:published",
        )
    return published


def protocol_confirm_read(*, actor, version: ProtocolVersion) -> ProtocolReading:
    """Once per person and version: confirming again changes nothing and records nothing."""
    require(permissions.can_confirm_reading, actor)

    def record(reading: ProtocolReading) -> None:
        audit_record(
            actor=actor,
            action="notices.protocol.read",
            obj=version,
            summary=f"{actor} confirmed reading the protocol, {version.version}.",
        )

    with transaction.atomic():
        done = do_once(ProtocolReading, {"version": version, "user": actor}, then=record)
    return done or ProtocolReading.objects.get(version=version, user=actor)


def protocol_remind(*, actor, version: ProtocolVersion) -> int:
    """A new round of reminders to each member and officer who has not confirmed reading this
    version; returns how many were reminded. Each round is sent once to each person."""
    require(permissions.can_keep_protocol, actor)
    with transaction.atomic():
        version = lock(version)
        unread = list(protocol_not_read(version))
        if not unread:
            raise ValidationError("Everyone has confirmed they have read this version")
        version.reminders_sent += 1
        version.save(update_fields=["reminders_sent"])
        audit_record(
            actor=actor,
            action="notices.protocol.reminded",
            obj=version,
            summary=f"{len(unread)} people reminded to read the protocol, {version.version}.",
            after={"round": version.reminders_sent, "reminded": len(unread)},
        )
        notify(
            unread,
            "protocol_reminder",
            {"version": version},
            key=f"notices.protocol:{version.pk}:reminder:{version.reminders_sent}",
        )
    return len(unread)
