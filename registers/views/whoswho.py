"""Who's who: councillors (and officers) browse the council's services and who leads them, and
find each service's named complaints officer."""

from __future__ import annotations

from django.shortcuts import render
from django.views.decorators.http import require_GET

from ..roles import require_person
from ..whoswho import whos_who


@require_GET
def whos_who_page(request):
    person = require_person(
        request, lambda person: person.councillor is not None or person.officer is not None
    )
    query = request.GET.get("q", "").strip()[:100]
    return render(
        request,
        "registers/whos_who.html",
        {
            "entries": whos_who(query),
            "q": query,
            "may_complain": person.councillor is not None,
        },
    )
