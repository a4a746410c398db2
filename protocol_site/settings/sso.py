"""Signing in through the council's directory (OpenID Connect, e.g. Microsoft Entra ID), password
sign-in, and the second factor (README "Signing in through the council's directory" and "The
second factor").

Star-imported by base.py. Off unless OIDC_ISSUER (or every endpoint), OIDC_CLIENT_ID and
OIDC_CLIENT_SECRET are set; setting some but not all of them stops the start-up, naming what is
missing. Endpoints come from the issuer's /.well-known/openid-configuration, read on the first
sign-in; an endpoint set here is used instead of the one the issuer publishes.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_choice, env_str


def _url(name: str) -> str:
    """An https:// address (http:// only on the loopback, for tests and local providers)."""
    value = env_str(name, "") or ""
    if not value:
        return ""
    parts = urlsplit(value.strip())
    loopback = parts.hostname in {"127.0.0.1", "localhost", "::1"}
    if parts.scheme != "https" and not (parts.scheme == "http" and loopback):
        raise ImproperlyConfigured(f"{name}={value!r} must be an https:// address.")
    if not parts.hostname or parts.query or parts.fragment:
        raise ImproperlyConfigured(f"{name}={value!r} must be an address without ? or #.")
    return value.strip().rstrip("/") if name == "OIDC_ISSUER" else value.strip()


# The issuer: for Entra ID https://login.microsoftonline.com/<tenant id>/v2.0
OIDC_ISSUER = _url("OIDC_ISSUER")
OIDC_RP_CLIENT_ID = env_str("OIDC_CLIENT_ID", "") or ""
OIDC_RP_CLIENT_SECRET = env_str("OIDC_CLIENT_SECRET", "") or ""
# Endpoints, each optional: unset, the issuer's discovery document says where it is.
OIDC_ENDPOINTS = {
    "authorization_endpoint": _url("OIDC_AUTHORIZATION_ENDPOINT"),
    "token_endpoint": _url("OIDC_TOKEN_ENDPOINT"),
    "userinfo_endpoint": _url("OIDC_USERINFO_ENDPOINT"),
    "jwks_uri": _url("OIDC_JWKS_URI"),
    "end_session_endpoint": _url("OIDC_END_SESSION_ENDPOINT"),
}
_REQUIRED_ENDPOINTS = ("authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_uri")
_given = {
    "OIDC_ISSUER": bool(OIDC_ISSUER),
    "OIDC_CLIENT_ID": bool(OIDC_RP_CLIENT_ID),
    "OIDC_CLIENT_SECRET": bool(OIDC_RP_CLIENT_SECRET),
}
if any(_given.values()) or any(OIDC_ENDPOINTS.values()):
    _missing = [name for name in ("OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET") if not _given[name]]
    if not OIDC_ISSUER and not all(OIDC_ENDPOINTS[key] for key in _REQUIRED_ENDPOINTS):
        _missing.append("OIDC_ISSUER")
    if _missing:
        raise ImproperlyConfigured(
            "Signing in through the council's directory needs " + ", ".join(_missing) + " too."
        )
# The claim that says the provider has verified the person's email address (true, or "true").
# Entra ID: the optional claim xms_edov ("email domain owner verified"); most others:
# email_verified. Nobody is matched to an account by an address not verified this way.
OIDC_EMAIL_VERIFIED_CLAIM = env_str("OIDC_EMAIL_VERIFIED_CLAIM", "email_verified")
OIDC_RP_SIGN_ALGO = env_choice(
    "OIDC_SIGN_ALGO", "RS256", ("RS256", "RS384", "RS512", "ES256", "ES384", "ES512")
)

# mozilla-django-oidc: code flow with PKCE and a nonce; people are matched to accounts that
# exist (never created); the ID token is kept in the session for signing out at the provider.
OIDC_RP_SCOPES = "openid email profile"
OIDC_CREATE_USER = False
OIDC_USE_PKCE = True
OIDC_STORE_ID_TOKEN = True
OIDC_AUTHENTICATION_CALLBACK_URL = "sso_callback"
OIDC_TIMEOUT = 10  # seconds for each call to the provider

# The directory's answers are not password attempts: the sign-in lockout (django-axes) neither
# counts a refusal nor stops a sign-in there (an office behind one address stays signed in).
AXES_WHITELIST_CALLABLE = "protocol_site.sso.views.not_a_password_attempt"

# Password sign-in: on by default; off (only with the directory set up) the sign-in page offers
# only the council's directory, and the password form, password reset and the admin's own
# sign-in page refuse.
PASSWORD_SIGN_IN = env_bool("PASSWORD_SIGN_IN", True)
if not PASSWORD_SIGN_IN and not OIDC_RP_CLIENT_ID:
    raise ImproperlyConfigured(
        "PASSWORD_SIGN_IN=false needs signing in through the council's directory "
        "(OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET): nobody could sign in."
    )

# The Monitoring Officer (and a Deputy), democratic services, the Chief Executive and superusers,
# signing in with a password, must also give a code from an authenticator app (TOTP). On by
# default; the local demo (settings/local.py) and the tests have it off unless asked.
SECOND_FACTOR_REQUIRED = env_bool("SECOND_FACTOR_REQUIRED", True)
# The name authenticator apps show beside the codes: the council's.
OTP_TOTP_ISSUER = env_str("COUNCIL_NAME", "Demo Borough Council")
