"""ELE-1 pages: everyone signed in reads the periods and their guidance; only the Monitoring
Officer declares, amends and ends one."""

from datetime import date

import pytest
from django.urls import reverse

from notices.models import ElectionPeriod

from .helpers import declare_period

pytestmark = pytest.mark.django_db

PERIODS = reverse("notices:periods")
NEW = reverse("notices:period_new")


def date_fields(name, day) -> dict:
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


def form_data(**changes) -> dict:
    data = {
        "name": "Hillside ward by-election",
        **date_fields("starts_on", date(2026, 5, 11)),
        **date_fields("polling_day", date(2026, 6, 18)),
        "guidance": "No ward walkabouts with candidates.",
    }
    data.update(changes)
    return data


@pytest.fixture
def periods(monitoring_officer):
    return {
        "past": declare_period(
            monitoring_officer,
            name="Borough elections 1 May 2025",
            starts_on=date(2025, 3, 24),
            polling_day=date(2025, 5, 1),
        ),
        "current": declare_period(monitoring_officer),
    }


@pytest.mark.parametrize("who", ["outsider", "councillor", "officer", "democratic_services"])
def test_everyone_signed_in_reads_the_periods_and_guidance(request, client_for, periods, who):
    client = client_for(request.getfixturevalue(who))
    html = client.get(PERIODS).content.decode()
    assert "In force now" in html and "Past periods" in html
    assert "Borough elections 1 May 2025" in html
    assert "Declare a pre-election period" not in html
    html = client.get(reverse("notices:period", args=[periods["current"].pk])).content.decode()
    assert "No new publicity campaigns until polling day." in html
    assert "End it early" not in html and "Change the period" not in html
    assert client.get(reverse("notices:period", args=[99999])).status_code == 404


@pytest.mark.parametrize("who", ["outsider", "councillor", "officer", "chief_executive"])
def test_only_the_monitoring_officer_reaches_the_forms(request, client_for, periods, who):
    client = client_for(request.getfixturevalue(who))
    pk = periods["current"].pk
    assert client.get(NEW).status_code == 403
    assert client.post(NEW, form_data()).status_code == 403
    assert client.get(reverse("notices:period_change", args=[pk])).status_code == 403
    assert client.post(reverse("notices:period_end", args=[pk])).status_code == 403
    assert ElectionPeriod.objects.count() == 2


def test_the_monitoring_officer_declares_one(client_for, monitoring_officer):
    client = client_for(monitoring_officer)
    assert "Declare a pre-election period" in client.get(PERIODS).content.decode()
    response = client.post(NEW, form_data(), follow=True)
    period = ElectionPeriod.objects.get()
    assert response.redirect_chain[-1][0] == reverse("notices:period", args=[period.pk])
    html = response.content.decode()
    assert "Pre-election period declared: Hillside ward by-election" in html
    assert "Coming up" in html


def test_the_form_shows_each_problem(client_for, monitoring_officer, periods):
    client = client_for(monitoring_officer)
    html = client.post(NEW, {}).content.decode()
    assert "There is a problem" in html
    for message in (
        "Enter the name of the election",
        "Enter the date the pre-election period starts",
        "Enter polling day",
        "Enter the guidance for members and officers",
    ):
        assert message in html
    html = client.post(
        NEW, form_data(**date_fields("starts_on", date(2026, 5, 1)))
    ).content.decode()
    assert "These dates overlap Borough elections 7 May 2026" in html
    assert 'href="#id_starts_on_0"' in html
    assert ElectionPeriod.objects.count() == 2


def test_the_monitoring_officer_amends_and_ends_one(client_for, monitoring_officer, periods):
    client = client_for(monitoring_officer)
    period = periods["current"]
    page = client.get(reverse("notices:period", args=[period.pk])).content.decode()
    assert "Change the period or guidance" in page and "End it early" in page
    change = reverse("notices:period_change", args=[period.pk])
    assert 'value="Borough elections 7 May 2026"' in client.get(change).content.decode()
    response = client.post(
        change,
        form_data(
            name=period.name,
            guidance="Revised guidance.",
            **date_fields("starts_on", period.starts_on),
            **date_fields("polling_day", period.polling_day),
        ),
        follow=True,
    )
    html = response.content.decode()
    assert "Pre-election period saved" in html and "Revised guidance." in html
    assert "Changes" in html and "Guidance" in html
    end = reverse("notices:period_end", args=[period.pk])
    assert "End the period now" in client.get(end).content.decode()
    html = client.post(end, {"reason": "Uncontested."}, follow=True).content.decode()
    assert "Pre-election period ended" in html and "Ended early" in html
    # Ended: no more banner, and no more changes.
    assert 'id="election-period-banner"' not in html
    html = client.post(end, {}).content.decode()
    assert "This period is already over" in html


def test_a_past_period_cannot_be_ended(client_for, monitoring_officer, periods):
    url = reverse("notices:period_end", args=[periods["past"].pk])
    html = client_for(monitoring_officer).post(url, {}).content.decode()
    assert "This period is already over" in html
