"""Setting up and giving the second factor: every change through here, each one audited."""

from __future__ import annotations

import logging

from django.db import transaction
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from protocol_site.audit import audit_record
from protocol_site.cases.kit import notify, require

from .permissions import can_reset_second_factor

logger = logging.getLogger(__name__)

RECOVERY_CODES = 10
APP = "Authenticator app"
RECOVERY = "Recovery codes"


def totp_device_for_set_up(*, actor) -> TOTPDevice:
    """The authenticator app being set up: the same key until it is confirmed, so the QR code
    stays the same if the page is loaded again."""
    with transaction.atomic():
        device = TOTPDevice.objects.filter(user=actor, confirmed=False).order_by("pk").first()
        if device is None:
            device = TOTPDevice.objects.create(user=actor, name=APP, confirmed=False)
        return device


def second_factor_set_up(*, actor, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirms the app with a code it shows now; then makes a fresh set of recovery codes
    (returned, to be shown once). None if the code is not right."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=actor)
        if device.confirmed or not device.verify_token(code.strip()):
            return None
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=actor).exclude(pk=device.pk).delete()
        StaticDevice.objects.filter(user=actor).delete()
        recovery = StaticDevice.objects.create(user=actor, name=RECOVERY, confirmed=True)
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
        StaticToken.objects.bulk_create(StaticToken(device=recovery, token=c) for c in codes)
        audit_record(
            actor=actor,
            action="registers.second_factor.set_up",
            obj=actor,
            summary=f"Authenticator app set up, {RECOVERY_CODES} recovery codes made",
        )
        return codes


def second_factor_check(*, actor, code: str):
    """The device that `code` is right for (the app's code now, or an unused recovery code,
    which is then used up, audited), or None. Wrong codes in a row slow the next tries down
    (django-otp's throttling)."""
    code = "".join(code.split()).lower()
    with transaction.atomic():
        matched = None
        if code:
            for device in devices_for_user(actor, confirmed=True, for_verify=True):
                if device.verify_token(code):
                    matched = device
                    break
        if matched is None:
            # Logged, not audited: a refused form saves nothing (django-otp's throttling
            # counts the failures on the device).
            logger.warning("A wrong second factor code for user %s", actor.pk)
        elif isinstance(matched, StaticDevice):
            left = matched.token_set.count()
            audit_record(
                actor=actor,
                action="registers.second_factor.recovery_code_used",
                obj=actor,
                summary=f"{left} recovery code{'' if left == 1 else 's'} left",
            )
        else:
            audit_record(actor=actor, action="registers.second_factor.given", obj=actor, summary="")
        return matched


def _remove_devices(user) -> int:
    removed = TOTPDevice.objects.filter(user=user).delete()[0]
    return removed + StaticDevice.objects.filter(user=user).delete()[0]


def second_factor_replace(*, actor, code: str) -> bool:
    """The person removes their own authenticator app (a new phone), confirming with a code
    from it or a recovery code; they set the new one up next. False if the code is not right."""
    with transaction.atomic():
        if second_factor_check(actor=actor, code=code) is None:
            return False
        _remove_devices(actor)
        audit_record(
            actor=actor,
            action="registers.second_factor.replaced",
            obj=actor,
            summary="Authenticator app removed by its owner, to set up a new one",
        )
        return True


def second_factor_reset(*, actor, user) -> None:
    """Democratic services remove someone's authenticator app and recovery codes (a lost
    phone, no codes left): they set the app up again at their next sign-in. Audited; the
    person is emailed once, so a reset they did not ask for does not go unnoticed."""
    with transaction.atomic():
        require(can_reset_second_factor, actor, user)
        if not _remove_devices(user):
            return
        event = audit_record(
            actor=actor,
            action="registers.second_factor.reset",
            obj=user,
            summary="Authenticator app and recovery codes removed by democratic services",
        )
        notify([user], "second_factor_reset", {"reset_by": actor}, key=f"audit-{event.pk}")
