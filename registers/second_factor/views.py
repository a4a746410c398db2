"""Setting up the authenticator app (a QR code, and the key as text), giving a code after
signing in with a password, and the recovery codes, shown once."""

from __future__ import annotations

from base64 import b32encode
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from django_otp import login as otp_login
from django_otp import user_has_device

from . import must_use_second_factor
from .forms import SecondFactorCodeForm
from .services import (
    second_factor_check,
    second_factor_replace,
    second_factor_set_up,
    totp_device_for_set_up,
)

CODES_KEY = "second_factor_recovery_codes"


def _next(request) -> str:
    target = request.POST.get(REDIRECT_FIELD_NAME) or request.GET.get(REDIRECT_FIELD_NAME, "")
    safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if target and safe else "/"


def _for_roles_that_need_it(request) -> None:
    if not must_use_second_factor(request.user):
        raise PermissionDenied


def qr_svg(text: str) -> str:
    """`text` as a QR code, an inline SVG (no script, no style: the page's policy holds)."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    svg = image.to_string(encoding="unicode")
    return svg.replace("<svg ", '<svg role="img" aria-label="QR code for the key" ', 1)


def grouped(key: str) -> str:
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


@never_cache
@require_http_methods(["GET", "POST"])
def set_up(request):
    _for_roles_that_need_it(request)
    if user_has_device(request.user):
        return redirect("second_factor_verify") if not request.user.is_verified() else redirect("/")
    device = totp_device_for_set_up(actor=request.user)
    form = SecondFactorCodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        codes = second_factor_set_up(
            actor=request.user, device=device, code=form.cleaned_data["code"]
        )
        if codes is not None:
            device.refresh_from_db()
            otp_login(request, device)
            request.session[CODES_KEY] = codes
            return redirect(
                reverse("second_factor_recovery_codes")
                + "?"
                + urlencode({REDIRECT_FIELD_NAME: _next(request)})
            )
        form.add_error(
            "code", "The code is not right: enter the code your authenticator app shows now"
        )
    key = b32encode(device.bin_key).decode()
    context = {
        "form": form,
        "qr_code": mark_safe(qr_svg(device.config_url)),  # noqa: S308 (made here, no input)
        "key": grouped(key),
        "next": _next(request),
    }
    return render(request, "registers/second_factor/set_up.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def verify(request):
    _for_roles_that_need_it(request)
    if not user_has_device(request.user):
        return redirect("second_factor_set_up")
    if request.user.is_verified():
        return redirect(_next(request))
    form = SecondFactorCodeForm(request.POST if request.method == "POST" else None)
    form.fields["code"].help_text = "Or one of your recovery codes, if you do not have your phone"
    if request.method == "POST" and form.is_valid():
        device = second_factor_check(actor=request.user, code=form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next(request))
        form.add_error(
            "code",
            "The code is not right: enter the code your authenticator app shows now, "
            "or a recovery code you have not used",
        )
    context = {"form": form, "next": _next(request)}
    return render(request, "registers/second_factor/verify.html", context)


@never_cache
@require_GET
def recovery_codes(request):
    """The recovery codes just made, once: reloading the page does not show them again."""
    codes = request.session.pop(CODES_KEY, None)
    if codes is None:
        return redirect(_next(request))
    context = {"codes": codes, "next": _next(request)}
    return render(request, "registers/second_factor/recovery_codes.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def replace(request):
    """A new phone: the person confirms with a code from the app they have (or a recovery
    code), which removes it, and sets the new one up next."""
    _for_roles_that_need_it(request)
    if not user_has_device(request.user):
        return redirect("second_factor_set_up")
    form = SecondFactorCodeForm(request.POST if request.method == "POST" else None)
    form.fields["code"].label = "Code from the authenticator app you have now"
    form.fields["code"].help_text = "Or one of your recovery codes"
    if request.method == "POST" and form.is_valid():
        if second_factor_replace(actor=request.user, code=form.cleaned_data["code"]):
            return redirect("second_factor_set_up")
        form.add_error(
            "code",
            "The code is not right: enter the code your authenticator app shows now, "
            "or a recovery code you have not used",
        )
    return render(request, "registers/second_factor/replace.html", {"form": form})
