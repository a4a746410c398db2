"""A head of service names the officer who allocates their team queue with them (or nobody).

One transaction: the permission check, the service's row locked, the change (kept in the
service's history), an audit event, and the new delegate told by email, once."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from protocol_site.audit import audit_record
from protocol_site.cases import notify, require

from ..models import Officer, Service
from ..teams import can_name_queue_delegate


def service_name_queue_delegate(*, actor, service: Service, delegate: Officer | None) -> Service:
    """`delegate` allocates `service`'s team queue with its head of service from now on; None:
    the head allocates it alone. Naming the delegate already named changes nothing."""
    require(can_name_queue_delegate, actor, service)
    if delegate is not None:
        if not delegate.is_active or not delegate.user.is_active:
            raise ValidationError({"delegate": "Select a current officer"})
        if delegate.user_id == actor.pk:
            raise ValidationError(
                {"delegate": "You allocate the team queue already: select someone else"}
            )
    with transaction.atomic():
        service = Service.objects.select_for_update().get(pk=service.pk)
        before = service.queue_delegate
        if (before.pk if before else None) == (delegate.pk if delegate else None):
            return service
        service.queue_delegate = delegate
        service.save(update_fields=["queue_delegate"])
        event = audit_record(
            actor=actor,
            action="registers.service.queue_delegate",
            obj=service,
            summary=f"{delegate} named to allocate the {service} team queue"
            if delegate is not None
            else f"Nobody but its head allocates the {service} team queue",
            before={"queue_delegate": before.pk if before else None},
            after={"queue_delegate": delegate.pk if delegate else None},
        )
        if delegate is not None:
            notify(
                [delegate.user],
                "queue_delegate_named",
                {"service": service, "head": actor},
                key=f"service:{service.pk}:queue-delegate:{event.pk}",
            )
    return service
