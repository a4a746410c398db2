"""The pre-election banner on every signed-in page (ELE-1): at most one cached query."""

from django.utils.functional import SimpleLazyObject

from .selectors import current_period


def election_period(request):
    user = getattr(request, "user", None)
    if not getattr(user, "is_authenticated", False):
        return {}
    return {"election_period": SimpleLazyObject(current_period)}
