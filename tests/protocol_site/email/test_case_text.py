"""Every email the product sends says what happened and links to the case, without the casework
text people typed, unless the council asks for the text (EMAIL_INCLUDE_CASE_TEXT).

Each email kind is rendered with a stand-in context: every value the templates read is a stand-in
that writes a harmless word, except casework text, which writes a marker. Every free-text field
of the models the emails speak of counts as casework text unless listed in NOT_CASE_TEXT, so a
template that starts to show a new text field fails here until it is gated.
"""

from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.db import models

from protocol_site.outbox import email_render

pytestmark = pytest.mark.django_db

MARK = "MARK-CASE-TEXT-7F3A"
EMAILS = Path(settings.BASE_DIR) / "templates" / "emails"
KINDS = sorted(p.name for p in EMAILS.iterdir() if p.is_dir() and not p.name.startswith("_"))

# What the templates call each model.
ROOTS = {
    "enquiry": "enquiries.Enquiry",
    "request": "enquiries.ExtensionRequest",
    "complaint": "complaints.Complaint",
    "stage": "complaints.ComplaintStage",
    "briefing": "political_groups.BriefingRequest",
    "meeting": "political_groups.RepresentativeMeeting",
    "declaration": "declarations.Declaration",
    "notice": "notices.WardNotice",
    "period": "notices.ElectionPeriod",
    "member_meeting": "notices.MemberMeeting",
    "visit": "registers.Visit",
    "case": "advice.AdviceRequest",
    "report": "advice.LobbyingReport",
}
# Text fields that are not casework: names from the registers, places, and guidance written for
# every member to read.
NOT_CASE_TEXT = {
    "period.name",
    "period.guidance",
    "notice.place",
    "member_meeting.place",
    "visit.premises",
    "visit.school",
    "meeting.representative",
    "meeting.representative_role",
    "briefing.decision_meeting",
}
# Casework text services pass to the templates by name, and a personal detail shown as a label.
CASE_TEXT_VARIABLES = {"note", "reason", "explanation", "report", "summary"}
PERSONAL = {"declaration.get_relationship_display"}
# Notices the protocol requires to be given to people who cannot open the case (Group Leaders
# told of an officer's attendance, of the Chief Executive's written exception, of a meeting with
# an outside representative): the email carries no link, and its words are the notice itself.
PROTOCOL_NOTICES = {
    "briefing_attendance_notice_leaders",
    "briefing_exception",
    "representative_meeting_leaders_told",
}
# Emails with nothing typed by people in them (their link and the facts are all they carry).
NO_CASE_TEXT = {
    "account_created",
    "absence_cover",
    "absence_recorded",
    "protocol_published",
    "protocol_reminder",
    "password_reset",
    "second_factor_reset",
    "queue_delegate_named",
    "inbox_triage_reply",
    "briefing_attended",
    "briefing_cleared",
    "complaint_acknowledge_reminder",
    "complaint_acknowledged",
    "complaint_chief_executive_decision",
    "complaint_to_standards_committee",
    "complaint_upheld_to_chief_executive",
    "complaint_message_to_complainant",
    "complaint_message_to_handler",
    "complaint_message_to_subject",
    "complaint_mo_copied",
    "complaint_overdue_reminder",
    "complaint_referred",
    "complaint_reported_on_raise",
    "complaint_stage_opened_complainant",
    "complaint_subject_notified",
    "declaration_changed",
    "declaration_information_given",
    "declaration_information_requested",
    "declaration_not_reconfirmed",
    "declaration_not_reconfirmed_declarer",
    "declaration_reconfirm_reminder",
    "declaration_reconfirmed",
    "declaration_reviewed",
    "declaration_to_review",
    "declaration_withdrawn",
    # The Chief Executive's ruling on reading the protocol is not casework: its title is all.
    "interpretation_ruling",
    "advice_asked",
    "advice_given",
    "advice_reminder",
    "advice_overdue",
    "advice_withdrawn",
    "lobbying_reported",
    "lobbying_actioned",
    # The daily summary lists the subjects of the emails it holds, written as they were.
    "digest",
}


def case_text_paths() -> set[str]:
    paths = set(CASE_TEXT_VARIABLES) | PERSONAL
    for root, label in ROOTS.items():
        for field in apps.get_model(label)._meta.get_fields():
            free_text = isinstance(field, models.CharField) and not field.choices
            if isinstance(field, models.TextField) or (free_text and field.max_length >= 150):
                paths.add(f"{root}.{field.name}")
    return paths - NOT_CASE_TEXT


def value_of(path: str, case_text: set[str], truthy: bool):
    name = path.rsplit(".", 1)[-1]
    if name in {"pk", "id", "number"} or name.endswith("_id"):
        return 1
    if name.endswith(("_on", "_date", "_by", "_at", "_day")):
        return datetime(2026, 12, 7, 10, 30, tzinfo=UTC)
    return StandIn(path, case_text, truthy)


class StandIn:
    """Whatever a template reads: a number for ids, a date for dates, a marker for casework."""

    def __init__(self, path: str, case_text: set[str], truthy: bool):
        self._path, self._case_text, self._truthy = path, case_text, truthy

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        return value_of(f"{self._path}.{name}", self._case_text, self._truthy)

    def __str__(self) -> str:
        return MARK if self._path in self._case_text else "Words"

    def __bool__(self) -> bool:
        return self._truthy

    def __iter__(self):
        return iter([StandIn(f"{self._path}[]", self._case_text, self._truthy)])

    def __len__(self) -> int:
        return 1


class StandInContext(dict):
    """A context in which every name is a stand-in."""

    def __init__(self, case_text: set[str], truthy: bool):
        super().__init__()
        self._case_text, self._truthy = case_text, truthy

    def __contains__(self, key) -> bool:
        return super().__contains__(key) or key not in {"True", "False", "None"}

    def __getitem__(self, key):
        if super().__contains__(key):
            return super().__getitem__(key)
        return value_of(key, self._case_text, self._truthy)

    def __copy__(self):
        copied = StandInContext(self._case_text, self._truthy)
        copied.update(self)
        return copied


def rendered(kind: str) -> str:
    """Subject, text and HTML, with every condition true and then every condition false."""
    paths = case_text_paths()
    parts = []
    for truthy in (True, False):
        parts.extend(email_render(kind, StandInContext(paths, truthy)))
    return "\n".join(parts)


def test_every_email_kind_is_covered():
    assert len(KINDS) > 80
    assert set(KINDS) >= NO_CASE_TEXT | PROTOCOL_NOTICES


@pytest.mark.parametrize("kind", sorted(PROTOCOL_NOTICES))
def test_protocol_notices_carry_their_words_and_no_link(kind, settings):
    settings.EMAIL_INCLUDE_CASE_TEXT = False
    text = rendered(kind)
    assert MARK in text
    assert settings.SITE_URL not in text


@pytest.mark.parametrize("kind", sorted(set(KINDS) - PROTOCOL_NOTICES))
def test_no_casework_text_by_default(kind, settings):
    settings.EMAIL_INCLUDE_CASE_TEXT = False
    text = rendered(kind)
    assert MARK not in text
    assert settings.COUNCIL_NAME in text  # it rendered, signed by the council


@pytest.mark.parametrize("kind", sorted(set(KINDS) - NO_CASE_TEXT))
def test_casework_text_when_the_council_asks(kind, settings):
    settings.EMAIL_INCLUDE_CASE_TEXT = True
    assert MARK in rendered(kind)


@pytest.mark.parametrize("kind", sorted(NO_CASE_TEXT))
def test_emails_without_casework_text_stay_without(kind, settings):
    settings.EMAIL_INCLUDE_CASE_TEXT = True
    assert MARK not in rendered(kind)
