"""The floor the key pages are measured against: a bare Django view, one primary-key query and
a tiny template (from the cached template loader), timed the same way and in the same run as
the pages (scale.bench_pages). The floor moves with the machine's load; a page's ratio to it
does not, much.

Mounted only while the bench times the pages (bench_pages sets ROOT_URLCONF to this module),
never on the site itself.
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path

from protocol_site import urls as site
from protocol_site.models import User


def floor(request: HttpRequest, pk: int) -> HttpResponse:
    person = User.objects.only("username").get(pk=pk)
    return render(request, "scale/floor.html", {"person": person})


urlpatterns = [path("bench-floor/<int:pk>/", floor, name="bench-floor"), *site.urlpatterns]
handler500 = site.handler500
