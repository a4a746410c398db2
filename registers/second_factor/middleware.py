"""Until a person who must give a second factor has given it, every page but setting it up,
giving it and signing out sends them there (the API answers 403)."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.http import JsonResponse
from django.urls import reverse
from django_otp import user_has_device

from . import needs_second_factor

OPEN = {
    "second_factor_set_up",
    "second_factor_verify",
    "second_factor_recovery_codes",
    "logout",
    "healthz",
}


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is not None and not match.namespace and match.url_name in OPEN:
            return None
        if not needs_second_factor(request):
            return None
        if request.path.startswith("/api/"):
            return JsonResponse(
                {"detail": "Give the code from your authenticator app first."}, status=403
            )
        step = "second_factor_verify" if user_has_device(request.user) else "second_factor_set_up"
        return redirect_to_login(request.get_full_path(), reverse(step))
