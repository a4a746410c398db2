from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from ..roles import person_for
from ..selectors import home_summary_for


@require_GET
def home(request):
    person = person_for(request.user)
    return render(request, "registers/home.html", {"summary": home_summary_for(person)})


@login_not_required
@require_GET
def healthz(request):
    from django.http import HttpResponse

    return HttpResponse("ok", content_type="text/plain")
