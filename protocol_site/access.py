"""Access helpers the apps build their selectors and views on.

Organisational reach (my directorate, my queue) is a queryset filter in each app's selectors.
Individual grants (a complaint's handler, a disclosed briefing) are django-guardian object
permissions, granted and removed here so the reason for a grant and its end stay in services.
"""

from collections.abc import Callable
from functools import wraps

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404
from guardian.shortcuts import assign_perm, get_objects_for_user, remove_perm


def visible_or_404(queryset: QuerySet, **lookups) -> Model:
    """One record from a viewer-scoped queryset; out of scope is the same as not existing."""
    try:
        return queryset.get(**lookups)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def require(predicate: Callable[[object], bool]):
    """View decorator: 403 unless predicate(request.user) holds (a role, not a record)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not predicate(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def grant(user, perm: str, obj: Model) -> None:
    assign_perm(perm, user, obj)


def revoke(user, perm: str, obj: Model) -> None:
    remove_perm(perm, user, obj)


def granted(user, perm: str, queryset: QuerySet) -> QuerySet:
    """The records of `queryset` this user holds `perm` on individually (no global bypass)."""
    return get_objects_for_user(
        user,
        perm,
        klass=queryset,
        use_groups=False,
        with_superuser=False,
        accept_global_perms=False,
    )
