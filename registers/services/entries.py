"""Writes to the registers democratic services keep (ORG-1, ORG-2, ORG-4 closure days).

Every function here: one transaction, a permission check on the actor, the change, an audit
event. Views and the admin call these; nothing else writes a register entry.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction

from protocol_site.audit import audit_record, changes, snapshot
from protocol_site.audit_words import field_label
from protocol_site.models import ClosureDay, User
from protocol_site.passwords import password_email_enqueue
from protocol_site.security import user_sessions_end

from ..models import Councillor, Officer
from ..roles import person_for

ACCOUNT_FIELDS = ("username", "first_name", "last_name", "email")
CLASH_MESSAGE = (
    "This record clashes with another change saved at the same moment. Check the details and "
    "try again."
)


def _require_organisation_manager(actor) -> None:
    if not person_for(actor).can_manage_organisation:
        raise PermissionDenied("Only democratic services can change the organisation.")


def _require_valid(form) -> None:
    if not form.is_valid():
        raise ValidationError(form.errors.as_data())


def _action(instance: models.Model, verb: str) -> str:
    opts = instance._meta
    return f"{opts.app_label}.{opts.model_name}.{verb}"


def _stored_snapshot(instance: models.Model, extra=None) -> dict | None:
    """The record as it is in the database now (the form has already changed the instance)."""
    if instance.pk is None:
        return None
    stored = type(instance)._default_manager.select_for_update().get(pk=instance.pk)
    data = snapshot(stored)
    if extra is not None:
        data.update(extra(stored))
    return data


def _summary(instance: models.Model, created: bool, before, after) -> str:
    label = instance._meta.verbose_name.capitalize()
    if created:
        return f"{label} created: {instance}"
    names = sorted(field_label(type(instance), key, capital=False) for key in after or {})
    changed = ", ".join(names) or "nothing"
    return f"{label} changed: {instance} ({changed})"


def _save_with_audit(*, actor, instance: models.Model, write, extra=None) -> models.Model:
    """Shared body: snapshot before, `write()`, snapshot after, audit. Inside a transaction."""
    created = instance.pk is None
    before = _stored_snapshot(instance, extra)
    instance._history_user = actor
    try:
        with transaction.atomic():
            write()
    except IntegrityError as exc:
        raise ValidationError(CLASH_MESSAGE) from exc
    after = snapshot(instance)
    if extra is not None:
        after.update(extra(instance))
    before, after = changes(before, after)
    if not created and not after:
        return instance  # nothing changed: no event
    audit_record(
        actor=actor,
        action=_action(instance, "created" if created else "changed"),
        obj=instance,
        summary=_summary(instance, created, before, after),
        before=before,
        after=after,
    )
    return instance


@transaction.atomic
def register_entry_save(*, actor, form) -> models.Model:
    """Create or change one register entry from a valid ModelForm."""
    _require_organisation_manager(actor)
    _require_valid(form)
    instance = form.instance

    def write():
        form.save()
        if isinstance(instance, Officer) and instance.user_id:
            _mirror_officer_active(instance.user, instance.is_active)

    return _save_with_audit(actor=actor, instance=instance, write=write)


def _mirror_officer_active(user, active: bool) -> None:
    """An inactive officer cannot sign in: their account follows, and their sessions end."""
    if user.is_active == active:
        return
    user.is_active = active
    user.save(update_fields=["is_active"])
    if not active:
        user_sessions_end(user=user)


def _account_snapshot(profile) -> dict:
    user = profile.user
    return {f"user.{name}": getattr(user, name) for name in ACCOUNT_FIELDS}


def _profile_save(*, actor, form, profile, mirror_active: bool):
    """A person's User account and their Officer/Councillor profile, together or not at all."""
    _require_organisation_manager(actor)
    _require_valid(form)
    account = form.account_data()

    def write():
        user = profile.user if profile.user_id else User()
        new_account = user.pk is None
        was_active = user.is_active
        for name in ACCOUNT_FIELDS:
            setattr(user, name, account[name])
        if user.pk is None:
            user.set_unusable_password()
        if mirror_active:
            user.is_active = profile.is_active
        user.full_clean(exclude=["password"])
        user.save()
        if was_active and not user.is_active and not new_account:
            user_sessions_end(user=user)  # signed out everywhere, at once
        profile.user = user
        profile.full_clean()
        form.save()
        if new_account and user.email:
            password_email_enqueue(user=user, template="account_created")

    return _save_with_audit(
        actor=actor,
        instance=profile,
        write=write,
        extra=lambda p: _account_snapshot(p) if p.user_id else {},
    )


@transaction.atomic
def officer_save(*, actor, form) -> Officer:
    """Create an officer with their User account, or change both. An inactive officer cannot
    sign in (their account is deactivated with them)."""
    return _profile_save(actor=actor, form=form, profile=form.instance, mirror_active=True)


@transaction.atomic
def councillor_save(*, actor, form) -> Councillor:
    """Create a councillor with their User account, or change both."""
    return _profile_save(actor=actor, form=form, profile=form.instance, mirror_active=False)


@transaction.atomic
def register_entry_delete(*, actor, instance: models.Model) -> None:
    """Delete one register entry (the Django admin's delete, for superusers' clean-ups; the
    product deletes only closure days and marks people and posts inactive instead)."""
    _require_organisation_manager(actor)
    label = instance._meta.verbose_name.capitalize()
    audit_record(
        actor=actor,
        action=_action(instance, "deleted"),
        obj=instance,
        summary=f"{label} deleted: {instance}",
        before=snapshot(instance),
        after=None,
    )
    instance._history_user = actor
    instance.delete()


def closure_day_delete(*, actor, closure_day: ClosureDay) -> None:
    """Remove a closure day: deadlines computed afterwards count it as a working day again."""
    register_entry_delete(actor=actor, instance=closure_day)


def register_export_record(*, actor, register_name: str, search: str = "") -> None:
    """A copy of a register taken as a spreadsheet: the audit trail says who took it, of what."""
    _require_organisation_manager(actor)
    searched = f" matching “{search}”" if search else ""
    audit_record(
        actor=actor,
        action="registers.register.exported",
        summary=f"Exported {register_name}{searched} as CSV.",
        after={"register": register_name, "search": search},
    )
