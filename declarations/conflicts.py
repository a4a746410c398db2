"""REG-2: who is conflicted with whom, from the declarations register.

Two people are conflicted while a declaration between them (either way round) is in effect:
not withdrawn, started, and not ended. Lapsed declarations still count. Enquiries, complaints and
appointment panels all ask here, and nowhere else.
"""

from __future__ import annotations

from datetime import date

from django.db.models import Q, QuerySet

from .models import Declaration


def in_effect(on: date | None = None) -> QuerySet[Declaration]:
    return Declaration.objects.in_effect(on)


def related_user_ids(user_id: int, *, on: date | None = None) -> set[int]:
    """Everyone with whom `user_id` has a declared relationship in effect."""
    rows = in_effect(on).filter(Q(declarer_id=user_id) | Q(other_party_id=user_id))
    ids: set[int] = set()
    for declarer_id, other_id in rows.values_list("declarer_id", "other_party_id"):
        ids.add(other_id if declarer_id == user_id else declarer_id)
    return ids


def related_user_ids_many(user_ids, *, on: date | None = None) -> dict[int, set[int]]:
    """`related_user_ids` for many people at once (one query), by person."""
    found: dict[int, set[int]] = {user_id: set() for user_id in user_ids}
    rows = in_effect(on).filter(Q(declarer_id__in=list(found)) | Q(other_party_id__in=list(found)))
    for declarer_id, other_id in rows.values_list("declarer_id", "other_party_id"):
        if declarer_id in found:
            found[declarer_id].add(other_id)
        if other_id in found:
            found[other_id].add(declarer_id)
    return found


def are_related(user_a: int, user_b: int, *, on: date | None = None) -> bool:
    """True when the two have a declared relationship in effect, whoever declared it."""
    return (
        in_effect(on)
        .filter(
            Q(declarer_id=user_a, other_party_id=user_b)
            | Q(declarer_id=user_b, other_party_id=user_a)
        )
        .exists()
    )


def conflicted_among(user_ids, with_user_ids, *, on: date | None = None) -> set[int]:
    """Those of `user_ids` related to anyone in `with_user_ids`: one query for a whole ladder."""
    user_ids, with_user_ids = set(user_ids), set(with_user_ids)
    rows = in_effect(on).filter(
        Q(declarer_id__in=user_ids, other_party_id__in=with_user_ids)
        | Q(declarer_id__in=with_user_ids, other_party_id__in=user_ids)
    )
    found: set[int] = set()
    for declarer_id, other_id in rows.values_list("declarer_id", "other_party_id"):
        found |= {declarer_id, other_id} & user_ids
    return found
