"""The authentication backend for the council's directory: mozilla-django-oidc's code flow,
matching the person to an existing account by a verified email address."""

from __future__ import annotations

import logging

import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from .provider import ProviderUnavailable, configured, endpoint

logger = logging.getLogger(__name__)


class Refused(Exception):
    """Why a person who signed in at the provider may not use the service."""

    def __init__(self, reason: str, *, email: str = "", user=None):
        super().__init__(reason)
        self.reason = reason
        self.email = email
        self.user = user


# Why a sign-in was refused, as `request.sso_refusal` for the callback view's page.
UNKNOWN = "unknown"  # no account has the address
UNVERIFIED = "unverified"  # the provider has not verified the address (or gave none)
CLOSED = "closed"  # the account is deactivated
AMBIGUOUS = "ambiguous"  # more than one account has it
UNAVAILABLE = "unavailable"  # the provider did not answer
FAILED = "failed"  # a token that does not check out, a cancelled sign-in


def email_verified(claims: dict) -> bool:
    value = claims.get(settings.OIDC_EMAIL_VERIFIED_CLAIM)
    return value is True or value == "true"


class DirectoryBackend(OIDCAuthenticationBackend):
    """Answers only the directory's callback (a request with `code` and `state`); a password
    sign-in passes it by. Settings are read when used, so a provider that is down never
    stops a page that does not sign anyone in."""

    def __init__(self, *args, **kwargs):  # mozilla's reads every endpoint here
        self.UserModel = get_user_model()
        self.OIDC_RP_CLIENT_ID = settings.OIDC_RP_CLIENT_ID
        self.OIDC_RP_CLIENT_SECRET = settings.OIDC_RP_CLIENT_SECRET
        self.OIDC_RP_SIGN_ALGO = settings.OIDC_RP_SIGN_ALGO
        self.OIDC_RP_IDP_SIGN_KEY = None

    @property
    def OIDC_OP_TOKEN_ENDPOINT(self):  # noqa: N802 (mozilla-django-oidc's names)
        return endpoint("token_endpoint")

    @property
    def OIDC_OP_USER_ENDPOINT(self):  # noqa: N802
        return endpoint("userinfo_endpoint")

    @property
    def OIDC_OP_JWKS_ENDPOINT(self):  # noqa: N802
        return endpoint("jwks_uri")

    def authenticate(self, request, **kwargs):
        if not configured() or request is None:
            return None
        if "code" not in request.GET or "state" not in request.GET:
            return None
        try:
            return super().authenticate(request, **kwargs)
        except Refused as refused:
            request.sso_refusal = refused
        except (requests.RequestException, ProviderUnavailable) as exc:
            logger.warning("The council's directory did not answer: %s", exc)
            request.sso_refusal = Refused(UNAVAILABLE)
        except SuspiciousOperation as exc:
            logger.warning("A sign-in through the council's directory failed: %s", exc)
            request.sso_refusal = Refused(FAILED)
        return None

    def verify_token(self, token, **kwargs):
        """mozilla-django-oidc checks the signature and nonce; this checks the token is for
        this service (aud) from this issuer (iss) too."""
        payload = super().verify_token(token, **kwargs)
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if self.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("The ID token is for another client.")
        issuer = settings.OIDC_ISSUER
        if issuer and str(payload.get("iss", "")).rstrip("/") != issuer:
            raise SuspiciousOperation("The ID token is from another issuer.")
        return payload

    def get_or_create_user(self, access_token, id_token, payload):
        """The one account whose email address the provider has verified; never a new one."""
        userinfo = self.get_userinfo(access_token, id_token, payload)
        if userinfo.get("sub") not in (None, payload.get("sub")):
            raise SuspiciousOperation("The userinfo is about someone else.")
        # The ID token's claims (signed) over the userinfo's (Entra ID's optional claims, such
        # as xms_edov, are in the ID token only).
        claims = {**userinfo, **payload}
        email = str(claims.get("email") or "").strip()
        if not email or not email_verified(claims):
            raise Refused(UNVERIFIED, email=email)
        users = list(self.UserModel._default_manager.filter(email__iexact=email)[:2])
        if not users:
            raise Refused(UNKNOWN, email=email)
        if len(users) > 1:
            raise Refused(AMBIGUOUS, email=email)
        user = users[0]
        if not user.is_active:
            raise Refused(CLOSED, email=email, user=user)
        return user
