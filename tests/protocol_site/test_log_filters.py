"""A refused or missing page is logged in one line; a server error keeps its traceback."""

import logging

import pytest
from django.urls import reverse

from protocol_site.log_filters import NoTracebackBelow500

pytestmark = pytest.mark.django_db


def _record(status: int | None) -> logging.LogRecord:
    try:
        raise PermissionError("refused")
    except PermissionError:
        import sys

        record = logging.LogRecord(
            "django.request", logging.WARNING, "", 0, "x", (), sys.exc_info()
        )
    if status is not None:
        record.status_code = status
    return record


@pytest.mark.parametrize(("status", "traceback"), [(403, False), (404, False), (500, True)])
def test_only_server_errors_keep_their_traceback(status, traceback):
    record = _record(status)
    assert NoTracebackBelow500().filter(record) is True
    assert (record.exc_info is not None) is traceback


def test_a_refused_page_logs_no_traceback(client_for, councillor, caplog):
    with caplog.at_level(logging.WARNING, logger="django.request"):
        response = client_for(councillor).get(reverse("reports:annual"))
    assert response.status_code == 403
    assert "govuk-heading-l" in response.content.decode()
    refused = [r for r in caplog.records if r.name == "django.request"]
    assert refused and all(r.exc_info is None for r in refused)
