"""Who's who, for members: each directorate's Director, each service's head and the officer it
names for members' complaints. Read from the registers in three queries, whatever their size."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch

from .models import DIRECTOR_TIERS, Directorate, Officer, Post, Service, Tier


@dataclass
class ServiceEntry:
    service: Service
    head: Officer | None = None
    head_title: str = ""
    complaints_officer: Officer | None = None


@dataclass
class DirectorateEntry:
    directorate: Directorate
    director: Officer | None = None
    director_title: str = ""
    services: list[ServiceEntry] = field(default_factory=list)


def _occupied(posts) -> list[tuple[Post, Officer]]:
    """Each post with its occupant today (an acting holder first), most senior first."""
    found = []
    for post in posts:
        occupant = post.acting_holder_now() or getattr(post, "holder", None)
        if occupant is not None and occupant.is_active and occupant.user.is_active:
            found.append((post, occupant))
    return found


def whos_who(query: str = "") -> list[DirectorateEntry]:
    """Every running directorate and service, with who leads them; `query` narrows to
    services whose name, directorate or people match it."""
    senior = (
        Post.objects.active()
        .filter(tier__in=(*DIRECTOR_TIERS, Tier.ASSISTANT_DIRECTOR, Tier.HEAD_OF_SERVICE))
        .select_related("holder__user", "acting_holder__user")
        .order_by("-tier", "pk")
    )
    services = Prefetch(
        "services",
        queryset=Service.objects.active().select_related("complaints_officer__user"),
    )
    directorates = list(
        Directorate.objects.filter(is_active=True).prefetch_related(services).order_by("name")
    )
    directors: dict[int, tuple[Post, Officer]] = {}
    heads: dict[int, tuple[Post, Officer]] = {}
    for post, occupant in _occupied(senior):
        if post.tier in DIRECTOR_TIERS and post.directorate_id:
            directors[post.directorate_id] = (post, occupant)  # the Director over Executive
        if post.tier <= Tier.HEAD_OF_SERVICE and post.service_id:
            heads[post.service_id] = (post, occupant)
    words = query.lower().split()
    entries = []
    for directorate in directorates:
        entry = DirectorateEntry(directorate)
        if directorate.pk in directors:
            post, entry.director = directors[directorate.pk]
            entry.director_title = post.title
        for service in directorate.services.all():
            row = ServiceEntry(service, complaints_officer=service.complaints_officer)
            if service.pk in heads:
                post, row.head = heads[service.pk]
                row.head_title = post.title
            text = " ".join(
                str(part)
                for part in (service, directorate, row.head, entry.director, row.complaints_officer)
                if part
            ).lower()
            if all(word in text for word in words):
                entry.services.append(row)
        if entry.services or not words:
            entries.append(entry)
    return entries
