"""The report's demo history: a year of answered enquiries, made through the services, once."""

import pytest

from enquiries.models import Enquiry, Status
from protocol_site.models import User
from registers.demo import seed_demo
from reports import demo
from reports.selectors import enquiries_by_month, last_municipal_year

pytestmark = pytest.mark.django_db


def test_a_year_of_answered_enquiries_seeded_once():
    seed_demo()
    recorder = User.objects.get(username="dem.services")
    created = demo.seed(recorder)
    assert created >= demo.MONTHS
    assert demo.seed(recorder) == 0
    history = Enquiry.objects.filter(subject__contains=", ")
    assert history.count() == created
    assert set(history.values_list("status", flat=True)) == {Status.RESPONDED}
    assert set(history.values_list("first_reply_working_days", flat=True)) == set(demo.TOOK)
    months = enquiries_by_month(last_municipal_year())
    assert len(months) >= 2
    assert all(row["late"] < row["received"] for row in months)
