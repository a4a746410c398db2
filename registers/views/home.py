from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from protocol_site.database import database_answers

from ..roles import person_for
from ..selectors import home_summary_for

HEALTHZ_DATABASE_TIMEOUT_SECONDS = 2


@require_GET
def home(request):
    person = person_for(request.user)
    return render(request, "registers/home.html", {"summary": home_summary_for(person)})


@login_not_required
@require_GET
def healthz(request):
    """For the load balancer and the container's health check: 200 "ok" only when the
    database reads the tables every page needs within two seconds; 503 otherwise (down, or a
    table held by a long lock), so traffic goes elsewhere before people see errors."""
    if not database_answers(timeout_seconds=HEALTHZ_DATABASE_TIMEOUT_SECONDS):
        response = HttpResponse("database not answering", content_type="text/plain", status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponse("ok", content_type="text/plain")
