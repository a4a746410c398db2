"""What every request and answer goes through (README "Security"): forwarded headers only from
a trusted proxy, a cap on the size of a request, and the headers every page carries
(Permissions-Policy, and no caching of what a page shows). The Content-Security-Policy itself
comes from django-csp (settings CONTENT_SECURITY_POLICY), with the council's directory added
to form-action when it is set up: signing out ends at the provider's sign-out page.
"""

from __future__ import annotations

import ipaddress
from functools import cache

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string

from .sso.provider import form_action_origins

FORWARDED_HEADERS = ("HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_HOST")


@cache
def proxy_networks(*entries: str) -> tuple:
    """TRUSTED_PROXY_ADDRESSES as networks (an address alone is a network of one)."""
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


class TrustedProxyMiddleware:
    """X-Forwarded-Proto (is the caller on HTTPS?) and X-Forwarded-For (the caller's address)
    are believed only when the connection comes from one of TRUSTED_PROXY_ADDRESSES and
    TRUSTED_PROXY_COUNT says a proxy is there; from anyone else they are removed, as anyone
    can send them."""

    def __init__(self, get_response):
        self.get_response = get_response

    def from_trusted_proxy(self, request) -> bool:
        if not settings.TRUSTED_PROXY_COUNT:
            return False
        try:
            peer = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
        except ValueError:
            return False
        return any(peer in network for network in proxy_networks(*settings.TRUSTED_PROXY_ADDRESSES))

    def __call__(self, request):
        if not self.from_trusted_proxy(request):
            for header in FORWARDED_HEADERS:
                request.META.pop(header, None)
        return self.get_response(request)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware; a form may also lead to the council's directory (the sign-out
    button, whose answer sends the person on to the provider's sign-out page: browsers apply
    form-action to where a form's answer redirects too)."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        origins = [] if report_only else form_action_origins()
        if origins:
            update = dict(parts.update or {})
            update["form-action"] = [*update.get("form-action", []), *origins]
            parts.update = update
        return parts


class MaxBodySizeMiddleware:
    """A request that says it is bigger than REQUEST_MAX_BODY_MB is refused with 413 before a
    byte of its body is read (gunicorn's limits cap the request line and headers)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        limit = settings.REQUEST_MAX_BODY_MB * 1024 * 1024
        if length > limit:
            body = render_to_string(
                "413.html",
                {"council_name": settings.COUNCIL_NAME, "limit_mb": settings.REQUEST_MAX_BODY_MB},
            )
            response = HttpResponse(body, status=413)
            response["Connection"] = "close"  # the unread body is not waited for
            return response
        return self.get_response(request)


class ResponseHeadersMiddleware:
    """On every page and API answer (static files are served before this): Permissions-Policy,
    and Cache-Control: no-store, so no browser or proxy keeps a copy of a complaint, a
    declaration, a briefing, an enquiry or an export once the person has gone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if "no-store" not in response.get("Cache-Control", ""):
            response["Cache-Control"] = "no-store"
        return response
