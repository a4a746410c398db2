"""Closed cases with personal details, made through the services."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile

from enquiries.services import constituent_details_save, enquiry_respond
from tests.clock import at, clock_at
from tests.enquiries.factories import casework

PDF = b"%PDF-1.4 a letter to Mrs Jones"


def closed_enquiry(org, *, councillor=None, year=2026, name="Mary Jones", officer=None):
    """A casework enquiry about a named constituent, answered with a file, closed in `year`."""
    officer = officer or org.officers.officer
    with clock_at(at(year, 3, 2, 9, 0)):
        enquiry = casework(org, councillor=councillor, details=f"{name} at 4 Elm Road asks.")
        constituent_details_save(
            actor=enquiry.logged_by,
            enquiry=enquiry,
            name=name,
            address="4 Elm Road",
            phone="01234 567890",
            email="mary@example.com",
            consented=True,
        )
        enquiry_respond(
            actor=officer.user,
            enquiry=enquiry,
            response=f"Dear Cllr, {name}'s bins are fixed.",
            files=[SimpleUploadedFile("letter.pdf", PDF)],
        )
    enquiry.refresh_from_db()
    return enquiry
