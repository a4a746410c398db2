"""Demo ward notices and a past pre-election period for `manage.py seed_demo`. Each is made
through the services, once (keyed by its title or name). The period is last year's, so the
demo does not show the pre-election banner all the time."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from protocol_site.calendar import LONDON
from registers.models import Ward

from .models import ElectionPeriod, WardNotice
from .services import election_period_declare, ward_notice_publish

Kind = WardNotice.Kind
MONITORING_OFFICER = "monitoring.officer"

GUIDANCE = """Until the end of polling day:

- Council publicity must not seek to affect support for a candidate or party: no new \
campaigns, no photographs or quotes of candidates in council material, except where a \
genuine emergency needs them.
- Officers should not arrange visits, openings or photo opportunities for members who are \
standing for election.
- Members may still raise casework and enquiries, which are answered in the usual way. \
Answers must not be used as campaign material.
- Ask the Monitoring Officer or democratic services before anything that might be seen as \
supporting a candidate or party."""


def _first_thursday_of_may(year: int) -> date:
    day = date(year, 5, 1)
    return day + timedelta(days=(3 - day.weekday()) % 7)


def _notices(wards: list[Ward]) -> list[dict]:
    today = timezone.localdate()
    first, second, third = (wards * 3)[:3]
    return [
        {
            "kind": Kind.PUBLIC_MEETING,
            "title": "Public meeting on the Mill Lane traffic scheme",
            "details": "Highways will present the options for traffic calming on Mill Lane "
            "and take questions from residents. Contact the Highways team for details.",
            "wards": [first, second],
            "meeting_at": datetime.combine(today + timedelta(days=14), time(18, 30), LONDON),
            "place": "Riverside Community Centre, Mill Lane",
        },
        {
            "kind": Kind.CONSULTATION,
            "title": "Consultation on library opening hours",
            "details": "The council is consulting residents on new opening hours for the "
            "branch libraries. Responses online or at any library.",
            "wards": [second, third],
            "consultation_closes_on": today + timedelta(days=28),
        },
        {
            "kind": Kind.MATTER,
            "title": "Planning application: 40 homes on the former depot site",
            "details": "An application has been received for 40 homes on the former council "
            "depot. The planning committee is expected to decide it within 13 weeks.",
            "wards": [first],
        },
    ]


def seed(recorder) -> int:
    created = 0
    wards = list(Ward.objects.order_by("name")[:3])
    if wards:
        for values in _notices(wards):
            if not WardNotice.objects.filter(title=values["title"]).exists():
                ward_notice_publish(actor=recorder, **values)
                created += 1
    monitoring_officer = get_user_model().objects.filter(username=MONITORING_OFFICER).first()
    if monitoring_officer is not None:
        polling_day = _first_thursday_of_may(timezone.localdate().year - 1)
        name = f"Borough elections {polling_day.day} May {polling_day.year}"
        if not ElectionPeriod.objects.filter(name=name).exists():
            election_period_declare(
                actor=monitoring_officer,
                name=name,
                starts_on=polling_day - timedelta(days=38),
                polling_day=polling_day,
                guidance=GUIDANCE,
            )
            created += 1
    return created
