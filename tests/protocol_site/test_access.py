from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory

from protocol_site.access import grant, granted, require, revoke, visible_or_404
from protocol_site.models import ClosureDay

pytestmark = pytest.mark.django_db


@pytest.fixture
def days():
    return [
        ClosureDay.objects.create(date=date(2026, 12, 24), reason="Christmas closure"),
        ClosureDay.objects.create(date=date(2026, 12, 29), reason="Christmas closure"),
    ]


def test_visible_or_404_treats_out_of_scope_as_missing(days):
    scoped = ClosureDay.objects.filter(pk=days[0].pk)
    assert visible_or_404(scoped, pk=days[0].pk) == days[0]
    for bad in (days[1].pk, 999999, "not-a-number"):
        with pytest.raises(Http404):
            visible_or_404(scoped, pk=bad)


def test_object_permissions_are_granted_and_removed_per_record(days, outsider):
    assert not outsider.has_perm("protocol_site.view_closureday", days[0])
    grant(outsider, "protocol_site.view_closureday", days[0])
    outsider = type(outsider).objects.get(pk=outsider.pk)  # fresh permission cache
    assert outsider.has_perm("protocol_site.view_closureday", days[0])
    assert not outsider.has_perm("protocol_site.view_closureday", days[1])
    assert list(granted(outsider, "protocol_site.view_closureday", ClosureDay.objects.all())) == [
        days[0]
    ]
    revoke(outsider, "protocol_site.view_closureday", days[0])
    outsider = type(outsider).objects.get(pk=outsider.pk)
    assert not outsider.has_perm("protocol_site.view_closureday", days[0])


def test_require_answers_403_when_the_role_is_missing(outsider):
    view = require(lambda user: user.username == "someone-else")(lambda request: "ok")
    request = RequestFactory().get("/")
    request.user = outsider
    with pytest.raises(PermissionDenied):
        view(request)
    request.user.username = "someone-else"
    assert view(request) == "ok"
