"""The officer search behind the enhanced officer picker (registers.pickers): JSON, for people
signed in with a place in the council, answering only from the scope the form's page was
given."""

from __future__ import annotations

from django.core import signing
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from ..pickers import OfficerScope, describe, officers_in, officers_named
from ..roles import require_person


def _in_the_council(person) -> bool:
    return (
        person.officer is not None
        or person.councillor is not None
        or person.can_manage_organisation
    )


@require_GET
def officer_search(request):
    require_person(request, _in_the_council)
    token = request.GET.get("scope", "")
    try:
        scope = OfficerScope.from_token(token) if token else OfficerScope()
    except (signing.BadSignature, TypeError, ValueError):
        return JsonResponse({"error": "This search has expired: reload the page."}, status=400)
    found, more = officers_named(officers_in(scope), request.GET.get("q", "")[:200])
    results = []
    for officer in found:
        post, service = describe(officer)
        results.append({"id": officer.pk, "name": str(officer), "post": post, "service": service})
    response = JsonResponse({"results": results, "more": more})
    response["Cache-Control"] = "private, no-store"
    return response
