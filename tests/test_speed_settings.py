"""Every setting the bench and the service run with renders from the cached template loader,
and production (gunicorn) keeps its database connections between requests."""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.test_settings import PRODUCTION_REQUIRED

ROOT = Path(__file__).resolve().parent.parent
REPORT = (
    "import django, json\n"
    "django.setup()\n"
    "from django.conf import settings\n"
    "from django.template import engines\n"
    "engine = engines['django'].engine\n"
    "print(json.dumps({\n"
    "    'loaders': [type(l).__module__ for l in engine.template_loaders],\n"
    "    'inner': [type(i).__module__ for l in engine.template_loaders\n"
    "              for i in getattr(l, 'loaders', [])],\n"
    "    'conn_max_age': settings.DATABASES['default']['CONN_MAX_AGE'],\n"
    "    'health_checks': settings.DATABASES['default'].get('CONN_HEALTH_CHECKS', False),\n"
    "}))\n"
)


def _report(module: str, env: dict[str, str]) -> dict:
    child_env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": tempfile.gettempdir()}
    child_env.update(env)
    child_env["DJANGO_SETTINGS_MODULE"] = module
    result = subprocess.run(
        [sys.executable, "-c", REPORT], cwd=ROOT, env=child_env, capture_output=True, text=True,
        timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(
    "module",
    [
        "protocol_site.settings.local",
        "protocol_site.settings.bench",
        "protocol_site.settings.production",
    ],
)
def test_templates_come_from_the_cached_loader(module):
    found = _report(module, PRODUCTION_REQUIRED)
    assert found["loaders"] == ["django.template.loaders.cached"]
    assert found["inner"] == [
        "django.template.loaders.filesystem",
        "django.template.loaders.app_directories",
    ]


def test_production_keeps_connections_between_requests_and_checks_them():
    found = _report("protocol_site.settings.production", PRODUCTION_REQUIRED)
    assert found["conn_max_age"] == 60 and found["health_checks"] is True
    closed = _report(
        "protocol_site.settings.production", {**PRODUCTION_REQUIRED, "DATABASE_CONN_MAX_AGE": "0"}
    )
    assert closed["conn_max_age"] == 0
