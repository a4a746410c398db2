"""Ward notices and pre-election periods for the tests, always made through the services."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from notices.models import ElectionPeriod, WardNotice
from notices.services import election_period_declare, ward_notice_publish
from tests.clock import LONDON

NOW = datetime(2026, 4, 15, 10, 0, tzinfo=LONDON)
TODAY = NOW.date()
Kind = WardNotice.Kind


def meeting(actor, wards=(), **kwargs) -> WardNotice:
    values = {
        "kind": Kind.PUBLIC_MEETING,
        "title": "Public meeting on the Mill Lane traffic scheme",
        "details": "Options for traffic calming, and questions from residents.",
        "wards": wards,
        "meeting_at": NOW + timedelta(days=14, hours=8, minutes=30),
        "place": "Riverside Community Centre",
    }
    values.update(kwargs)
    return ward_notice_publish(actor=actor, **values)


def consultation(actor, wards, **kwargs) -> WardNotice:
    values = {
        "kind": Kind.CONSULTATION,
        "title": "Consultation on library opening hours",
        "details": "New opening hours for the branch libraries.",
        "wards": wards,
        "consultation_closes_on": TODAY + timedelta(days=28),
    }
    values.update(kwargs)
    return ward_notice_publish(actor=actor, **values)


def matter(actor, wards, **kwargs) -> WardNotice:
    values = {
        "kind": Kind.MATTER,
        "title": "Planning application: 40 homes on the depot site",
        "details": "An application for 40 homes on the former depot.",
        "wards": wards,
    }
    values.update(kwargs)
    return ward_notice_publish(actor=actor, **values)


def declare_period(
    actor, *, starts_on: date = date(2026, 4, 1), polling_day: date = date(2026, 5, 7), **kw
):
    values = {
        "name": "Borough elections 7 May 2026",
        "starts_on": starts_on,
        "polling_day": polling_day,
        "guidance": "No new publicity campaigns until polling day.",
    }
    values.update(kw)
    return election_period_declare(actor=actor, **values)


def edit_values(notice: WardNotice, **changes) -> dict:
    """A notice's current values, for ward_notice_update, with `changes` applied."""
    values = {
        "kind": notice.kind,
        "title": notice.title,
        "details": notice.details,
        "wards": list(notice.wards.all()),
        "meeting_at": notice.meeting_at,
        "place": notice.place,
        "consultation_closes_on": notice.consultation_closes_on,
    }
    values.update(changes)
    return values


def period_values(period: ElectionPeriod, **changes) -> dict:
    values = {
        "name": period.name,
        "starts_on": period.starts_on,
        "polling_day": period.polling_day,
        "guidance": period.guidance,
    }
    values.update(changes)
    return values
