"""A real OpenID Connect provider on the loopback for the tests: the npm package oidc-provider,
configured by tests/oidc/provider.mjs (installed by `make` from package.json).

`LocalProvider(redirect_uris=..., accounts=...)` starts it; `.issuer` is its address, and
`sign_in_at_provider(url, login)` goes through its own sign-in and consent pages with plain HTTP
(the browser journeys click them instead).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urljoin

import requests

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = Path(__file__).with_name("provider.mjs")
CLIENT_ID = "member-officer-protocol"
CLIENT_SECRET = "tests-only-client-secret-0123456789abcdef"

# Who can sign in at the provider (by typing the key as the login, any password).
ACCOUNTS = {
    # The test council's Monitoring Officer (tests/conftest.py), verified.
    "mo": {"email": "monitoring.officer@example.gov.uk", "email_verified": True, "name": "Mo"},
    # The same address, as written by a directory that has not verified it.
    "mo-unverified": {"email": "monitoring.officer@example.gov.uk", "email_verified": False},
    # Someone the service does not know.
    "stranger": {"email": "stranger@example.gov.uk", "email_verified": True},
}


class LocalProvider:
    def __init__(self, *, redirect_uris, post_logout_redirect_uris=(), accounts=None):
        node = shutil.which("node")
        if node is None or not (ROOT / "node_modules" / "oidc-provider").is_dir():
            raise RuntimeError("The test OpenID provider needs Node.js and `make` (npm ci).")
        config = {
            "port": 0,
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "redirect_uris": list(redirect_uris),
            "post_logout_redirect_uris": list(post_logout_redirect_uris),
            "accounts": accounts or ACCOUNTS,
        }
        self.process = subprocess.Popen(
            [node, str(SCRIPT)],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=open(os.environ.get("OIDC_PROVIDER_LOG", os.devnull), "a"),  # noqa: SIM115
            text=True,
        )
        self.process.stdin.write(json.dumps(config))
        self.process.stdin.close()
        line = self.process.stdout.readline()
        if not line:
            self.stop()
            raise RuntimeError("The test OpenID provider did not start.")
        self.issuer = json.loads(line)["issuer"]

    def settings(self) -> dict:
        """Django settings that point the service at this provider."""
        return {
            "OIDC_ISSUER": self.issuer,
            "OIDC_RP_CLIENT_ID": CLIENT_ID,
            "OIDC_RP_CLIENT_SECRET": CLIENT_SECRET,
            "OIDC_ENDPOINTS": {},
        }

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


_FORM = re.compile(r'<form[^>]*action="([^"]+)"', re.IGNORECASE)
_HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', re.IGNORECASE)


def sign_in_at_provider(authorization_url: str, login: str) -> str:
    """Follow the provider's own pages as a person would: type `login` and a password, agree
    to share the details, and return where the provider sends the browser back to."""
    session = requests.Session()
    response = session.get(authorization_url, timeout=10)
    for _ in range(4):  # sign-in, then consent (asked once per client)
        match = _FORM.search(response.text)
        if match is None:
            raise AssertionError(f"No form on the provider's page: {response.text[:500]}")
        action = urljoin(response.url, match.group(1))
        data = dict(_HIDDEN.findall(response.text))
        if 'name="login"' in response.text:
            data.update(login=login, password="any")
        response = session.post(action, data=data, allow_redirects=False, timeout=10)
        while response.is_redirect:
            location = urljoin(response.url, response.headers["Location"])
            if "/sign-in/directory/callback/" in location:
                return location
            response = session.get(location, allow_redirects=False, timeout=10)
    raise AssertionError("The provider never sent the browser back.")
