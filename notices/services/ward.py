"""WARD-1: officers record a matter, public meeting or consultation affecting one or more wards;
every member for those wards is emailed once, after the change commits, through the outbox
(004 §10, 000 §6.6, 002 §7.ii)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from protocol_site.audit import audit_record, changes, snapshot
from protocol_site.cases import lock, notify, require
from registers.models import Ward

from .. import permissions
from ..models import WardNotice
from ..selectors import current_ward_councillors

Kind = WardNotice.Kind
# A change to any of these is news to the ward members: they are emailed about it.
MATERIAL = ("kind", "meeting_at", "place", "consultation_closes_on")
LABELS = {
    "kind": "what kind of notice it is",
    "title": "title",
    "details": "details",
    "wards": "wards",
    "meeting_at": "date and time",
    "place": "place",
    "consultation_closes_on": "closing date",
}


def _checked(
    *,
    kind: str,
    title: str,
    details: str,
    wards,
    meeting_at: datetime | None,
    place: str,
    consultation_closes_on: date | None,
    before: WardNotice | None = None,
) -> dict:
    """The values to store, or a ValidationError naming each field that is wrong. A date may
    stay in the past on a correction only if it is not being changed."""
    now = timezone.now()
    errors = {}
    title, details, place = title.strip(), details.strip(), place.strip()
    wards = list(wards)
    if kind not in Kind.values:
        errors["kind"] = "Select what the notice is about"
    if not title:
        errors["title"] = "Enter a title"
    if not details:
        errors["details"] = "Enter the details"
    if not wards:
        errors["wards"] = "Select at least one ward"
    if meeting_at is not None:
        meeting_at = meeting_at.astimezone(UTC)  # as stored, so an unchanged time compares equal
    if kind == Kind.PUBLIC_MEETING:
        unchanged = before is not None and before.meeting_at == meeting_at
        if meeting_at is None:
            errors["meeting_at"] = "Enter the date and time of the meeting"
        elif meeting_at < now and not unchanged:
            errors["meeting_at"] = "The meeting must be in the future"
        if not place:
            errors["place"] = "Enter where the meeting is"
    else:
        meeting_at, place = None, ""
    if kind == Kind.CONSULTATION:
        unchanged = before is not None and before.consultation_closes_on == consultation_closes_on
        if consultation_closes_on is None:
            errors["consultation_closes_on"] = "Enter the date the consultation closes"
        elif consultation_closes_on < timezone.localdate() and not unchanged:
            errors["consultation_closes_on"] = "The closing date must be today or later"
    else:
        consultation_closes_on = None
    if errors:
        raise ValidationError(errors)
    return {
        "kind": kind,
        "title": title,
        "details": details,
        "meeting_at": meeting_at,
        "place": place,
        "consultation_closes_on": consultation_closes_on,
        "wards": wards,
    }


def _save_with_wards(notice: WardNotice, wards: list[Ward], actor) -> None:
    """The notice and its wards, as one row of its history (django-simple-history would
    otherwise write one for the save and more for the change of wards)."""
    notice._history_user = actor
    notice.skip_history_when_saving = True
    try:
        if notice.pk is None:
            notice.save()
        notice.wards.set(wards)
    finally:
        del notice.skip_history_when_saving
    notice.save()


def _ward_names(wards) -> str:
    names = sorted(str(w) for w in wards)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _email(users, notification: str, notice: WardNotice, key: str, *, wards=None, changed=()):
    """`wards`: the wards named in the email (default: the notice's)."""
    notify(
        users,
        notification,
        {
            "notice": notice,
            "ward_names": _ward_names(wards if wards is not None else notice.wards.all()),
            "changed": list(changed),
        },
        key=key,
    )


def _published_key(notice: WardNotice) -> str:
    return f"notices.ward_notice:{notice.pk}:published"


def _tell_new_members(notice: WardNotice, wards: list[Ward]) -> None:
    """Every member in office for `wards`; someone already told of this notice is skipped."""
    members = [c.user for c in current_ward_councillors(wards)]
    _email(members, "ward_notice_published", notice, _published_key(notice))


def ward_notice_publish(
    *,
    actor,
    kind: str,
    title: str,
    details: str,
    wards,
    meeting_at: datetime | None = None,
    place: str = "",
    consultation_closes_on: date | None = None,
) -> WardNotice:
    """Record a notice for one or more wards and email each of their members once."""
    require(permissions.can_publish, actor)
    values = _checked(
        kind=kind,
        title=title,
        details=details,
        wards=wards,
        meeting_at=meeting_at,
        place=place,
        consultation_closes_on=consultation_closes_on,
    )
    wards = values.pop("wards")
    with transaction.atomic():
        notice = WardNotice(recorded_by=actor, **values)
        _save_with_wards(notice, wards, actor)
        audit_record(
            actor=actor,
            action="notices.ward_notice.published",
            obj=notice,
            summary=f"{notice.get_kind_display()} for {_ward_names(wards)}: {notice.title}",
            after=snapshot(notice),
        )
        _tell_new_members(notice, wards)
    return notice


def ward_notice_update(
    *,
    actor,
    notice: WardNotice,
    kind: str,
    title: str,
    details: str,
    wards,
    meeting_at: datetime | None = None,
    place: str = "",
    consultation_closes_on: date | None = None,
    tell_members: bool = False,
) -> WardNotice:
    """Correct a notice. Members are told of a material change (a new date, time or place,
    closing date or kind), or of any change when `tell_members`; members of a ward newly
    added are sent the notice itself."""
    with transaction.atomic():
        notice = _locked_for_change(actor, notice)
        values = _checked(
            kind=kind,
            title=title,
            details=details,
            wards=wards,
            meeting_at=meeting_at,
            place=place,
            consultation_closes_on=consultation_closes_on,
            before=notice,
        )
        wards = values.pop("wards")
        before = snapshot(notice)
        old_ward_ids = set(before["wards"])
        for name, value in values.items():
            setattr(notice, name, value)
        after = {**snapshot(notice, fields=list(values)), "wards": sorted(w.pk for w in wards)}
        before, after = changes(before, after)
        if not after:
            return notice
        material = [LABELS[name] for name in MATERIAL if name in after]
        told = bool(material) or tell_members
        if told:
            notice.revision += 1
        notice.changed_at = timezone.now()
        _save_with_wards(notice, wards, actor)
        event = audit_record(
            actor=actor,
            action="notices.ward_notice.changed",
            obj=notice,
            summary=f"Changed: {notice.title} ({', '.join(LABELS[k] for k in after)})",
            before=before,
            after=after,
        )
        kept = [w for w in wards if w.pk in old_ward_ids]
        added = [w for w in wards if w.pk not in old_ward_ids]
        removed = list(Ward.objects.filter(pk__in=old_ward_ids - {w.pk for w in wards}))
        if removed:
            # They can no longer open it: tell them it no longer concerns their ward.
            _email(
                [c.user for c in current_ward_councillors(removed)],
                "ward_notice_ward_removed",
                notice,
                f"notices.ward_notice:{notice.pk}:change:{event.pk}:removed",
                wards=removed,
            )
        if told and kept:
            members = [c.user for c in current_ward_councillors(kept)]
            _email(
                members,
                "ward_notice_changed",
                notice,
                f"notices.ward_notice:{notice.pk}:revision:{notice.revision}",
                changed=material or [LABELS[k] for k in after],
            )
        if added:
            _tell_new_members(notice, added)
    return notice


def _locked_for_change(actor, notice: WardNotice) -> WardNotice:
    """The notice under its row lock, if `actor` may change it and it still stands."""
    notice = lock(notice)
    require(permissions.can_correct, actor, notice)
    if notice.is_withdrawn:
        raise ValidationError("This notice has been withdrawn: record a new one instead")
    return notice


def ward_notice_withdraw(*, actor, notice: WardNotice, reason: str) -> WardNotice:
    """Withdraw a notice (the matter dropped, the meeting cancelled, the consultation pulled).
    It stays on the record, marked withdrawn; the ward members are told once."""
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": "Enter why the notice is withdrawn"})
    with transaction.atomic():
        notice = _locked_for_change(actor, notice)
        notice.withdrawn_at = timezone.now()
        notice.withdrawn_by = actor
        notice.withdraw_reason = reason
        notice._history_user = actor
        notice.save(update_fields=["withdrawn_at", "withdrawn_by", "withdraw_reason"])
        audit_record(
            actor=actor,
            action="notices.ward_notice.withdrawn",
            obj=notice,
            summary=f"Withdrawn: {notice.title}",
            after={"withdraw_reason": reason},
        )
        wards = list(notice.wards.all())
        _email(
            [c.user for c in current_ward_councillors(wards)],
            "ward_notice_withdrawn",
            notice,
            f"notices.ward_notice:{notice.pk}:withdrawn",
        )
    return notice
