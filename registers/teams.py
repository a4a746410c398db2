"""Who runs a service's team queue: its head of service (the most senior post of that tier in
it, acting up included) allocates, with the officer they name as their delegate
(`Service.queue_delegate`). The head names the delegate themself; democratic services may set
it too, in the organisation's registers."""

from __future__ import annotations

from protocol_site.cases import denies

from .ladder import head_of_service_for
from .models import Service, Tier
from .roles import person_for


def services_headed_by(user) -> list[Service]:
    """The service whose head of service `user` is today (none, or one)."""
    officer = person_for(user).officer
    post = officer.working_post if officer is not None else None
    if post is None or not post.service_id or post.tier > Tier.HEAD_OF_SERVICE:
        return []
    head = head_of_service_for(post.service)
    if head is None or head.pk != officer.pk:
        return []
    return [post.service]


@denies("Only the head of service names who allocates its team queue with them.")
def can_name_queue_delegate(user, service: Service) -> bool:
    return any(headed.pk == service.pk for headed in services_headed_by(user))
