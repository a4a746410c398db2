"""ENQ-2: to whom a new enquiry goes, and why, in words the councillor reads."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError

from registers.models import DIRECTOR_TIERS, Officer, Post, Service, Tier

from .models import Enquiry

JUNIOR_TIERS = (Tier.MANAGER, Tier.OFFICER)


@dataclass(frozen=True)
class Route:
    assigned_to: Officer
    director: Officer | None
    reason: str
    policy_flagged: bool = False


def _occupied(posts) -> Officer | None:
    for post in posts.select_related("holder__user", "acting_holder__user"):
        occupant = post.occupant()
        if occupant is not None and occupant.is_active:
            return occupant
    return None


def director_for(service: Service) -> Officer | None:
    """The Director (or Executive/Strategic Director) over the service's directorate."""
    posts = Post.objects.filter(
        directorate_id=service.directorate_id, tier__in=DIRECTOR_TIERS, is_active=True
    ).order_by("-tier", "pk")
    return _occupied(posts)


def head_of_service_for(service: Service) -> Officer | None:
    posts = Post.objects.filter(
        service=service, tier__lte=Tier.HEAD_OF_SERVICE, is_active=True
    ).order_by("-tier", "pk")
    return _occupied(posts)


def route(*, service: Service, kind: str, approached: Officer | None) -> Route:
    director = director_for(service)
    copied = (
        f" {director} (Director) is copied, as the protocol asks (002 §7.iii)." if director else ""
    )
    if approached is not None:
        tier = approached.working_post.tier if approached.working_post else Tier.OFFICER
        junior = tier in JUNIOR_TIERS
        if kind == Enquiry.Kind.GENERAL and junior:
            if director is None:
                raise ValidationError({"service": "This service has no Director to route to."})
            return Route(
                assigned_to=director,
                director=director,
                policy_flagged=True,
                reason=(
                    f"You approached {approached} directly, but general or policy questions go "
                    f"through the Director rather than junior staff (001 §5.02), so it went to "
                    f"{director}."
                ),
            )
        return Route(
            assigned_to=approached,
            director=director,
            reason=(
                f"You approached {approached} directly"
                + (" about casework, which is proper (001 §5.02)." if junior else ".")
                + copied
            ),
        )
    if kind == Enquiry.Kind.CASEWORK:
        head = head_of_service_for(service)
        if head is not None:
            return Route(
                assigned_to=head,
                director=director,
                reason=f"Casework for {service} goes to its head of service, {head}.{copied}",
            )
    if director is None:
        raise ValidationError({"service": "This service has no Director to route to."})
    return Route(
        assigned_to=director,
        director=director,
        reason=(
            f"General enquiries go through the Director of the service (000 §4.5, 001 §5.02): "
            f"{director}."
        ),
    )
