from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from ..roles import person_for
from ..selectors import home_summary_for


def index(request):
    person = person_for(request.user)
    if not person.can_manage_organisation:
        raise PermissionDenied
    return render(request, "manage/index.html", {"summary": home_summary_for(person)})
