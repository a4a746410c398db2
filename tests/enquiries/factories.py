"""Enquiries for the view tests, always made through the services (never by assigning state)."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from enquiries.models import Enquiry
from enquiries.services import enquiry_log
from protocol_site.calendar import council_calendar


def casework(org, *, councillor=None, **kwargs) -> Enquiry:
    """A casework enquiry a councillor logged online, put to the standard officer."""
    councillor = councillor or org.councillors.councillor
    values = {
        "actor": councillor.user,
        "councillor": councillor,
        "subject": "Missed bin collection on Elm Road",
        "details": "Residents at 1-9 Elm Road report three missed collections.",
        "kind": Enquiry.Kind.CASEWORK,
        "service": org.service,
        "approached_officer": org.officers.officer,
    }
    values.update(kwargs)
    return enquiry_log(**values)


def received_days_ago(org, days: int, *, recorder=None, **kwargs) -> Enquiry:
    """An enquiry an officer recorded, received `days` calendar days ago (so it may be overdue)."""
    recorder = recorder or org.officers.democratic_services.user
    return casework(
        org,
        actor=recorder,
        channel=Enquiry.Channel.EMAIL,
        received_at=timezone.now() - timedelta(days=days),
        **kwargs,
    )


def working_days_ahead(n: int) -> date:
    return council_calendar().add_working_days(timezone.localdate(), n)


def date_fields(name: str, day: date) -> dict[str, str]:
    """A GOV.UK date input's three boxes, as the browser posts them."""
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}
