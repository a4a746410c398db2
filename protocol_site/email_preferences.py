"""Which emails need no action from the person they go to, and what each person chose for
those: as they happen, in a daily summary, or not at all. An email that asks them to act is
always sent at once, whatever they chose."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from .audit import audit_record
from .models import EmailPreference

Choice = EmailPreference.ForInformation

# Copies and notices for information: the reader is told, nothing waits on them.
FOR_INFORMATION = frozenset(
    {
        # A Director's copy of a member's enquiry in their directorate.
        "enquiry_copied_to_director",
        # The assigned officer's copy when their overdue enquiry climbs the ladder.
        "enquiry_escalated_copy",
        # A chair or lead member told that a member was given information.
        "enquiry_advised",
        # A ward colleague's enquiry shared for reading.
        "enquiry_shared",
        # The Monitoring Officer's copy of a complaint, and the reports made on raising one.
        "complaint_mo_copied",
        "complaint_reported_on_raise",
        # Notices to Group Leaders and the proper officer of officers' attendance and meetings.
        "briefing_attendance_notice",
        "briefing_attendance_notice_leaders",
        "briefing_attended",
        "representative_meeting_leaders_told",
        # Declarations re-confirmed or withdrawn: the record moved on by itself.
        "declaration_reconfirmed",
        "declaration_withdrawn",
        # Ward notices members are copied on.
        "ward_notice_published",
        "ward_notice_changed",
        "ward_notice_withdrawn",
        "ward_notice_ward_removed",
    }
)


def for_information_choice(user) -> str:
    """What this person chose for emails for their information (as they happen, by default)."""
    preference = EmailPreference.objects.filter(user=user).values_list("for_information", flat=True)
    return next(iter(preference), Choice.IMMEDIATELY)


def for_information_choices(user_ids) -> dict[int, str]:
    """`for_information_choice` for many people at once (one query), by user id."""
    found = dict.fromkeys(user_ids, Choice.IMMEDIATELY)
    rows = EmailPreference.objects.filter(user_id__in=list(found))
    found.update(rows.values_list("user_id", "for_information"))
    return found


def email_preference_set(*, actor, for_information: str) -> EmailPreference:
    """A person chooses how they are sent emails for their information."""
    if for_information not in Choice.values:
        raise ValueError(f"Not a choice: {for_information!r}")
    with transaction.atomic():
        preference, _ = EmailPreference.objects.select_for_update().get_or_create(user=actor)
        before = preference.for_information
        preference.for_information = for_information
        preference.updated_at = timezone.now()
        preference.save(update_fields=["for_information", "updated_at"])
        audit_record(
            actor=actor,
            action="protocol_site.email_preference.changed",
            obj=preference,
            summary=f"Emails for information: {preference.get_for_information_display()}",
            before={"for_information": before},
            after={"for_information": for_information},
        )
    return preference
