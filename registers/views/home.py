from django.shortcuts import render
from django.views.decorators.http import require_GET

from ..roles import person_for
from ..selectors import home_summary_for


@require_GET
def home(request):
    person = person_for(request.user)
    return render(request, "registers/home.html", {"summary": home_summary_for(person)})
