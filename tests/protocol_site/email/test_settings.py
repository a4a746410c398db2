"""Notify's settings are parsed strictly; production refuses Notify without an API key."""

import uuid

import pytest

from tests.test_settings import PRODUCTION_REQUIRED, _load_settings

KEY = f"council_live-{uuid.uuid4()}-{uuid.uuid4()}"
TEMPLATE = str(uuid.uuid4())


def test_production_refuses_notify_without_an_api_key():
    env = {**PRODUCTION_REQUIRED, "EMAIL_DELIVERY": "notify", "NOTIFY_TEMPLATE_ID": TEMPLATE}
    result = _load_settings("protocol_site.settings.production", env)
    assert result.returncode == 3, result.stdout + result.stderr
    assert "NOTIFY_API_KEY" in result.stdout


def test_production_starts_with_notify_configured():
    env = {
        **PRODUCTION_REQUIRED,
        "EMAIL_DELIVERY": "notify",
        "NOTIFY_API_KEY": KEY,
        "NOTIFY_TEMPLATE_ID": TEMPLATE,
        "NOTIFY_TEMPLATE_ENQUIRY_LOGGED": str(uuid.uuid4()),
    }
    result = _load_settings("protocol_site.settings.production", env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_smtp_stays_the_default_and_needs_no_notify_settings():
    result = _load_settings("protocol_site.settings.production", PRODUCTION_REQUIRED)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"EMAIL_DELIVERY": "carrier-pigeon"}, "EMAIL_DELIVERY"),
        ({"EMAIL_INCLUDE_CASE_TEXT": "maybe"}, "EMAIL_INCLUDE_CASE_TEXT"),
        ({"NOTIFY_API_KEY": "not-a-key"}, "NOTIFY_API_KEY"),
        ({"NOTIFY_TEMPLATE_ID": "template-one"}, "NOTIFY_TEMPLATE_ID"),
        ({"NOTIFY_TEMPLATE_ENQUIRY_LOGGED": "12345"}, "NOTIFY_TEMPLATE_ENQUIRY_LOGGED"),
        ({"EMAIL_DELIVERY": "notify", "NOTIFY_API_KEY": KEY}, "NOTIFY_TEMPLATE_ID"),
        ({"NOTIFY_TIMEOUT_SECONDS": "0"}, "NOTIFY_TIMEOUT_SECONDS"),
    ],
)
def test_malformed_email_settings_stop_the_start(env, named):
    result = _load_settings("protocol_site.settings.local", env)
    assert result.returncode == 3, result.stdout + result.stderr
    assert named in result.stdout
