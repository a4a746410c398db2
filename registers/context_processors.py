from django.utils.functional import SimpleLazyObject

from .roles import person_for


def person(request):
    return {"person": SimpleLazyObject(lambda: person_for(request.user))}
