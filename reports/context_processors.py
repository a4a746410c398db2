"""Whether the navigation links to the annual report (person_for is cached per request)."""

from django.utils.functional import SimpleLazyObject

from .home import may_see_report


def reports(request):
    user = getattr(request, "user", None)
    if not getattr(user, "is_authenticated", False):
        return {}
    return {"may_see_annual_report": SimpleLazyObject(lambda: may_see_report(user))}
