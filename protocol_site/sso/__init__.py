"""Signing in through the council's directory with OpenID Connect (mozilla-django-oidc).

People are matched to the accounts that exist, by an email address the provider has verified;
nobody is created. See settings/sso.py and README "Signing in through the council's directory".
"""

# The session key saying how the person signed in: "directory" when through the provider.
SIGNED_IN_WITH = "signed_in_with"
DIRECTORY = "directory"


def signed_in_through_directory(request) -> bool:
    session = getattr(request, "session", None)
    return session is not None and session.get(SIGNED_IN_WITH) == DIRECTORY
