"""Deploy-time settings are parsed strictly and production refuses to start without them."""

import json
import os
import secrets
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from protocol_site.settings.env import (
    env_bool,
    env_choice,
    env_date,
    env_int,
    env_list,
    env_str,
)

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION_REQUIRED = {
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
    "DJANGO_ALLOWED_HOSTS": "protocol.example-council.gov.uk",
    "DATABASE_URL": "sqlite:////tmp/protocol-settings-test.sqlite3",
    "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
}


# --- The parsers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("1", True), ("true", True), (" Yes ", True), ("ON", True), ("0", False), ("off", False)],
)
def test_env_bool_reads_the_usual_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("PROTOCOL_TEST_FLAG", raw)
    assert env_bool("PROTOCOL_TEST_FLAG", not expected) is expected


@pytest.mark.parametrize("raw", ["maybe", "2", "truthy", "n0"])
def test_env_bool_rejects_anything_else(monkeypatch, raw):
    monkeypatch.setenv("PROTOCOL_TEST_FLAG", raw)
    with pytest.raises(ImproperlyConfigured, match="PROTOCOL_TEST_FLAG"):
        env_bool("PROTOCOL_TEST_FLAG", False)


def test_env_bool_unset_or_empty_is_the_default(monkeypatch):
    monkeypatch.delenv("PROTOCOL_TEST_FLAG", raising=False)
    assert env_bool("PROTOCOL_TEST_FLAG", True) is True
    monkeypatch.setenv("PROTOCOL_TEST_FLAG", "")
    assert env_bool("PROTOCOL_TEST_FLAG", False) is False


def test_env_int_reads_a_whole_number_in_range(monkeypatch):
    monkeypatch.setenv("PROTOCOL_TEST_HOUR", " 17 ")
    assert env_int("PROTOCOL_TEST_HOUR", None, minimum=0, maximum=23) == 17


@pytest.mark.parametrize("raw", ["ten", "1.5", "17h"])
def test_env_int_rejects_what_is_not_a_whole_number(monkeypatch, raw):
    monkeypatch.setenv("PROTOCOL_TEST_HOUR", raw)
    with pytest.raises(ImproperlyConfigured, match="not a whole number"):
        env_int("PROTOCOL_TEST_HOUR", None, minimum=0, maximum=23)


@pytest.mark.parametrize("raw", ["-1", "24", "99"])
def test_env_int_rejects_out_of_range(monkeypatch, raw):
    monkeypatch.setenv("PROTOCOL_TEST_HOUR", raw)
    with pytest.raises(ImproperlyConfigured, match="between 0 and 23"):
        env_int("PROTOCOL_TEST_HOUR", None, minimum=0, maximum=23)


def test_env_int_unset_is_the_default(monkeypatch):
    monkeypatch.delenv("PROTOCOL_TEST_HOUR", raising=False)
    assert env_int("PROTOCOL_TEST_HOUR", None, minimum=0, maximum=23) is None


def test_env_choice_accepts_a_listed_value_in_any_case(monkeypatch):
    monkeypatch.setenv("COUNCIL_NATION", "sct")
    assert env_choice("COUNCIL_NATION", "ENG", ("ENG", "SCT", "NIR", "UK")) == "SCT"


def test_env_choice_rejects_an_unlisted_value(monkeypatch):
    monkeypatch.setenv("COUNCIL_NATION", "XYZ")
    with pytest.raises(ImproperlyConfigured, match="COUNCIL_NATION"):
        env_choice("COUNCIL_NATION", "ENG", ("ENG", "SCT", "NIR", "UK"))


def test_env_str_required_refuses_unset_and_empty(monkeypatch):
    monkeypatch.delenv("PROTOCOL_TEST_VALUE", raising=False)
    with pytest.raises(ImproperlyConfigured, match="PROTOCOL_TEST_VALUE"):
        env_str("PROTOCOL_TEST_VALUE", required=True)
    monkeypatch.setenv("PROTOCOL_TEST_VALUE", "")
    with pytest.raises(ImproperlyConfigured, match="PROTOCOL_TEST_VALUE"):
        env_str("PROTOCOL_TEST_VALUE", required=True)


def test_env_list_splits_on_commas_and_drops_blanks(monkeypatch):
    monkeypatch.setenv("PROTOCOL_TEST_HOSTS", " a.example , ,b.example,")
    assert env_list("PROTOCOL_TEST_HOSTS", []) == ["a.example", "b.example"]


def test_env_date_reads_a_date_written_year_month_day(monkeypatch):
    monkeypatch.setenv("PROTOCOL_TEST_DAY", " 2020-04-01 ")
    assert env_date("PROTOCOL_TEST_DAY", None) == date(2020, 4, 1)
    monkeypatch.setenv("PROTOCOL_TEST_DAY", "")
    assert env_date("PROTOCOL_TEST_DAY", None) is None


@pytest.mark.parametrize("raw", ["1/4/2020", "2020-02-30", "last year"])
def test_env_date_rejects_anything_else(monkeypatch, raw):
    monkeypatch.setenv("PROTOCOL_TEST_DAY", raw)
    with pytest.raises(ImproperlyConfigured, match="PROTOCOL_TEST_DAY.*YYYY-MM-DD"):
        env_date("PROTOCOL_TEST_DAY", None)


# --- Whole settings modules, imported in a fresh interpreter -----------------------------------


def _load_settings(module: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    """Import a settings module in a child Python with exactly `env` (plus PATH and HOME)."""
    child_env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": tempfile.gettempdir()}
    child_env.update(env)
    child_env["DJANGO_SETTINGS_MODULE"] = module
    code = (
        "import django\n"
        "from django.conf import settings\n"
        "from django.core.exceptions import ImproperlyConfigured\n"
        "try:\n"
        "    django.setup()\n"
        "    print('DEBUG=%s NATION=%s' % (settings.DEBUG, settings.COUNCIL_NATION))\n"
        "except ImproperlyConfigured as error:\n"
        "    print('ImproperlyConfigured: %s' % error)\n"
        "    raise SystemExit(3)\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=child_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_load_with_the_required_variables():
    result = _load_settings("protocol_site.settings.production", PRODUCTION_REQUIRED)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "DEBUG=False" in result.stdout


@pytest.mark.parametrize("missing", sorted(PRODUCTION_REQUIRED))
def test_production_settings_refuse_to_load_without(missing):
    env = {name: value for name, value in PRODUCTION_REQUIRED.items() if name != missing}
    result = _load_settings("protocol_site.settings.production", env)
    assert result.returncode == 3, result.stdout + result.stderr
    assert "ImproperlyConfigured" in result.stdout
    assert missing in result.stdout


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("COUNCIL_NATION", "XYZ"),
        ("DJANGO_DEBUG", "maybe"),
        ("WORKING_DAY_CUTOFF_HOUR", "ten"),
        ("WORKING_DAY_CUTOFF_HOUR", "24"),
        ("EMAIL_PORT", "0"),
        ("EMAIL_USE_TLS", "maybe"),
        ("SESSION_IDLE_TIMEOUT_MINUTES", "0"),
        ("SESSION_IDLE_TIMEOUT_MINUTES", "half an hour"),
        ("SIGN_IN_FAILURE_LIMIT", "five"),
        ("SIGN_IN_FAILURE_LIMIT", "0"),
        ("SIGN_IN_COOLOFF_MINUTES", "-1"),
        ("TRUSTED_PROXY_COUNT", "many"),
        ("TRUSTED_PROXY_ADDRESSES", "the-proxy"),
        ("DATABASE_STATEMENT_TIMEOUT_SECONDS", "ten"),
        ("DATABASE_LOCK_TIMEOUT_SECONDS", "-1"),
        ("REQUEST_MAX_BODY_MB", "0"),
        ("REQUEST_MAX_BODY_MB", "10"),  # no room for a 10MB attachment
        ("INBOUND_EMAIL_ADDRESS", "members.enquiries"),
        ("INBOUND_EMAIL_IMAP_SECURITY", "maybe"),
        ("INBOUND_EMAIL_IMAP_PORT", "0"),
        ("INBOUND_EMAIL_KIND", "complaint"),
        ("INBOUND_EMAIL_MAX_MB", "0"),
    ],
)
@pytest.mark.parametrize(
    "module", ["protocol_site.settings.local", "protocol_site.settings.production"]
)
def test_a_malformed_value_stops_start_up(module, name, value):
    result = _load_settings(module, {**PRODUCTION_REQUIRED, name: value})
    assert result.returncode == 3, result.stdout + result.stderr
    assert name in result.stdout


@pytest.mark.parametrize(
    "key",
    [
        "too-short-a-key",
        "x" * 49,
        "ab" * 40,  # long, but two characters
        "local-only-insecure-key-change-me",
        "collectstatic-only-not-a-real-secret-key-000000000000000000",
        "django-insecure-" + secrets.token_urlsafe(50),
    ],
    ids=["short", "49-chars", "two-characters", "local-default", "build-default", "startproject"],
)
def test_production_refuses_a_short_or_published_secret_key(key):
    result = _load_settings(
        "protocol_site.settings.production", {**PRODUCTION_REQUIRED, "DJANGO_SECRET_KEY": key}
    )
    assert result.returncode == 3, result.stdout + result.stderr
    assert "DJANGO_SECRET_KEY must be at least 50 random characters" in result.stdout


def test_production_accepts_a_long_random_secret_key():
    key = secrets.token_urlsafe(38)  # 51 characters
    assert len(key) >= 50
    result = _load_settings(
        "protocol_site.settings.production", {**PRODUCTION_REQUIRED, "DJANGO_SECRET_KEY": key}
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_local_settings_need_nothing_from_the_environment():
    result = _load_settings("protocol_site.settings.local", {})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "DEBUG=False NATION=ENG" in result.stdout


# --- Security settings (README "Security") -----------------------------------------------------

SECURITY_REPORT = (
    "import json, django\n"
    "from django.conf import settings as s\n"
    "django.setup()\n"
    "print(json.dumps({\n"
    "    'hasher': s.PASSWORD_HASHERS[0],\n"
    "    'session_engine': s.SESSION_ENGINE,\n"
    "    'cookie_age': s.SESSION_COOKIE_AGE,\n"
    "    'idle_middleware': 'protocol_site.security.IdleTimeoutMiddleware' in s.MIDDLEWARE,\n"
    "    'axes_enabled': s.AXES_ENABLED,\n"
    "    'axes_handler': s.AXES_HANDLER,\n"
    "    'failure_limit': s.AXES_FAILURE_LIMIT,\n"
    "    'cooloff_seconds': s.AXES_COOLOFF_TIME.total_seconds(),\n"
    "    'lockout_parameters': s.AXES_LOCKOUT_PARAMETERS,\n"
    "    'proxies': s.TRUSTED_PROXY_COUNT,\n"
    "    'first_backend': s.AUTHENTICATION_BACKENDS[0],\n"
    "    'last_middleware': s.MIDDLEWARE[-1],\n"
    "}))\n"
)


def _security_settings(module: str, env: dict[str, str]) -> dict:
    child_env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": tempfile.gettempdir()}
    child_env.update(env)
    child_env["DJANGO_SETTINGS_MODULE"] = module
    result = subprocess.run(
        [sys.executable, "-c", SECURITY_REPORT],
        cwd=ROOT,
        env=child_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    "module", ["protocol_site.settings.local", "protocol_site.settings.production"]
)
def test_argon2_lockouts_and_the_idle_timeout_are_on_by_default(module):
    values = _security_settings(module, PRODUCTION_REQUIRED)
    assert values == {
        "hasher": "django.contrib.auth.hashers.Argon2PasswordHasher",
        "session_engine": "django.contrib.sessions.backends.db",
        "cookie_age": 30 * 60,
        "idle_middleware": True,
        "axes_enabled": True,
        "axes_handler": "axes.handlers.database.AxesDatabaseHandler",
        "failure_limit": 5,
        "cooloff_seconds": 15 * 60,
        "lockout_parameters": [["username", "ip_address"]],
        "proxies": 0,
        "first_backend": "axes.backends.AxesStandaloneBackend",
        "last_middleware": "axes.middleware.AxesMiddleware",
    }


def test_the_security_settings_come_from_the_environment():
    env = {
        **PRODUCTION_REQUIRED,
        "SESSION_IDLE_TIMEOUT_MINUTES": "45",
        "SIGN_IN_FAILURE_LIMIT": "8",
        "SIGN_IN_COOLOFF_MINUTES": "60",
        "TRUSTED_PROXY_COUNT": "1",
    }
    values = _security_settings("protocol_site.settings.production", env)
    assert values["cookie_age"] == 45 * 60
    assert values["failure_limit"] == 8
    assert values["cooloff_seconds"] == 60 * 60
    assert values["proxies"] == 1


# --- The local run ----------------------------------------------------------------------------


def _local_value(env: dict[str, str], expression: str) -> str:
    child_env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": tempfile.gettempdir()}
    child_env |= env | {"DJANGO_SETTINGS_MODULE": "protocol_site.settings.local"}
    code = f"import django\nfrom django.conf import settings\ndjango.setup()\nprint({expression})\n"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=child_env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_email_links_follow_the_port_the_local_run_serves_on():
    assert _local_value({"PORT": "8200"}, "settings.SITE_URL") == "http://127.0.0.1:8200"
    assert _local_value({}, "settings.SITE_URL") == "http://127.0.0.1:8000"
    chosen = {"PORT": "8200", "SITE_URL": "https://protocol.example"}
    assert _local_value(chosen, "settings.SITE_URL") == "https://protocol.example"
    run_local = (ROOT / "bin" / "run-local").read_text()
    assert 'export SITE_URL="${SITE_URL:-http://$host:$port}"' in run_local


def test_the_local_run_shows_the_gov_uk_error_pages_unless_asked_for_debug():
    assert _local_value({}, "settings.DEBUG") == "False"
    assert _local_value({"DJANGO_DEBUG": "1"}, "settings.DEBUG") == "True"
