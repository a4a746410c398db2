"""Where the council's OpenID provider keeps its endpoints: set one by one in the settings, or
read from the issuer's discovery document (/.well-known/openid-configuration) on first use and
kept for the life of the process."""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit

import requests
from django.conf import settings


class ProviderUnavailable(Exception):
    """The provider's discovery document could not be read, or names another issuer."""


def configured() -> bool:
    """Signing in through the council's directory is set up (settings/sso.py checked the rest)."""
    return bool(settings.OIDC_RP_CLIENT_ID)


@lru_cache(maxsize=4)
def _discovery(issuer: str) -> dict:
    # A failure raises, and lru_cache keeps nothing: the next sign-in asks again.
    response = requests.get(
        f"{issuer}/.well-known/openid-configuration", timeout=settings.OIDC_TIMEOUT
    )
    response.raise_for_status()
    document = response.json()
    if not isinstance(document, dict) or str(document.get("issuer", "")).rstrip("/") != issuer:
        raise ProviderUnavailable(f"The discovery document at {issuer} names another issuer.")
    return document


def endpoint(name: str) -> str:
    """The endpoint `name` ("token_endpoint", "jwks_uri", …), or "" if the provider has none."""
    explicit = settings.OIDC_ENDPOINTS.get(name)
    if explicit:
        return explicit
    if not settings.OIDC_ISSUER:
        return ""
    try:
        return str(_discovery(settings.OIDC_ISSUER).get(name) or "")
    except (requests.RequestException, ValueError) as exc:
        raise ProviderUnavailable(f"{settings.OIDC_ISSUER} did not answer: {exc}") from exc


def forget_discovery() -> None:
    """Read the discovery document again on next use (tests, a changed provider)."""
    _discovery.cache_clear()


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def form_action_origins() -> list[str]:
    """Where a form of the site may lead besides the site: signing out ends at the provider
    (Content-Security-Policy form-action). Known from the settings alone, with no request."""
    if not configured():
        return []
    urls = [settings.OIDC_ISSUER, settings.OIDC_ENDPOINTS.get("end_session_endpoint", "")]
    return sorted({origin for origin in map(_origin, urls) if origin})


def allowed_destination(url: str) -> bool:
    return bool(url) and _origin(url) in form_action_origins()
