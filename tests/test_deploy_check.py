"""The production shape: `check --deploy` is clean, and the compose file, Dockerfile and
.env.example agree with the settings."""

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


SECURITY_VARIABLES = {
    "SESSION_IDLE_TIMEOUT_MINUTES": "20",
    "SIGN_IN_FAILURE_LIMIT": "10",
    "SIGN_IN_COOLOFF_MINUTES": "30",
    "TRUSTED_PROXY_COUNT": "1",
    "TRUSTED_PROXY_ADDRESSES": "10.0.0.0/8,172.16.0.0/12",
    "REQUEST_MAX_BODY_MB": "20",
}


@pytest.mark.parametrize("extra", [{}, SECURITY_VARIABLES], ids=["defaults", "security-set"])
def test_check_deploy_is_clean_under_production_settings(tmp_path, extra):
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "protocol_site.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
        "DJANGO_ALLOWED_HOSTS": "protocol.example-council.gov.uk",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'deploy-check.sqlite3'}",
        "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
        "VAR_DIR": str(tmp_path / "var"),
        **extra,
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output, output
    assert "WARNING" not in output, output


# --- docker-compose.yml -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def compose():
    yaml = pytest.importorskip("yaml")
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def _command(service) -> str:
    command = service.get("command", "")
    return " ".join(command) if isinstance(command, list) else command


def test_compose_runs_the_production_shape(compose):
    services = compose["services"]
    assert {"db", "redis", "web", "worker", "beat"} <= set(services)
    assert services["db"]["image"].startswith("postgres:15")
    assert services["redis"]["image"].startswith("redis:7")
    assert "gunicorn protocol_site.wsgi:application" in _command(services["web"])
    assert "celery -A protocol_site worker" in _command(services["worker"])
    assert "--beat" not in _command(services["worker"])
    assert "celery -A protocol_site beat" in _command(services["beat"])


def test_compose_has_health_checks_and_waits_for_them(compose):
    services = compose["services"]
    assert "pg_isready" in " ".join(services["db"]["healthcheck"]["test"])
    assert "redis-cli" in services["redis"]["healthcheck"]["test"]
    assert "ping" in services["redis"]["healthcheck"]["test"]
    assert "bin/healthcheck" in services["web"]["healthcheck"]["test"]
    assert "/healthz" in (ROOT / "bin" / "healthcheck").read_text()
    for name in ("web", "worker", "beat"):
        depends_on = services[name]["depends_on"]
        assert depends_on["db"]["condition"] == "service_healthy", name
        assert depends_on["redis"]["condition"] == "service_healthy", name
        assert depends_on["migrate"]["condition"] == "service_completed_successfully", name
    assert "migrate" in _command(services["migrate"])


def test_compose_runs_exactly_one_beat_and_one_image(compose):
    services = compose["services"]
    beats = [name for name, service in services.items() if " beat" in _command(service)]
    assert beats == ["beat"]
    assert services["beat"].get("deploy", {}).get("replicas", 1) == 1
    app = ("migrate", "web", "worker", "beat")
    assert len({services[name]["image"] for name in app}) == 1
    # Uploaded files (MEDIA_ROOT) outlive the containers and are shared by web and worker.
    assert "media:/app/var/media" in services["web"]["volumes"]
    assert "media:/app/var/media" in services["worker"]["volumes"]
    assert "media" in compose["volumes"]
    for name in app:
        assert services[name]["build"] == "."
        assert services[name]["env_file"] == ".env"
        assert (
            services[name]["environment"]["DJANGO_SETTINGS_MODULE"]
            == "protocol_site.settings.production"
        )


def test_the_image_and_compose_run_gunicorn_with_its_config_file(compose):
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert '"--config", "gunicorn.conf.py"' in dockerfile
    assert "--config=gunicorn.conf.py" in _command(compose["services"]["web"])
    # The build's throwaway key is random: production refuses a published one.
    assert "secrets.token_urlsafe(64)" in dockerfile
    assert "not-a-real-secret-key" not in dockerfile


def _gunicorn_config(env: dict[str, str], cores: int) -> dict:
    code = (
        "import json, os, runpy\n"
        f"os.sched_getaffinity = lambda pid: set(range({cores}))\n"
        "c = runpy.run_path('gunicorn.conf.py')\n"
        "keys = ('bind', 'workers', 'threads', 'worker_class', 'timeout', 'limit_request_line',\n"
        "        'limit_request_fields', 'limit_request_field_size')\n"
        "print(json.dumps({k: c[k] for k in keys}))\n"
    )
    child_env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": "/tmp", **env}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=child_env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_gunicorn_sizes_its_workers_from_the_cores_and_limits_requests():
    two = _gunicorn_config({}, cores=2)
    assert two["workers"] == 5 and two["threads"] == 2 and two["worker_class"] == "gthread"
    assert _gunicorn_config({}, cores=16)["workers"] == 12  # capped
    assert two["bind"] == "0.0.0.0:8000"
    assert two["timeout"] == 60
    assert two["limit_request_line"] == 4094
    assert two["limit_request_fields"] == 100
    assert two["limit_request_field_size"] == 8190
    chosen = _gunicorn_config({"GUNICORN_WORKERS": "3", "GUNICORN_THREADS": "4"}, cores=2)
    assert (chosen["workers"], chosen["threads"]) == (3, 4)


def test_dockerfile_builds_assets_and_collects_static_with_production_settings():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert re.search(r"^FROM node:\S+ AS assets$", dockerfile, re.MULTILINE)
    assert re.search(r"^FROM python:3\.11-slim\b", dockerfile, re.MULTILINE)
    assert "npm ci" in dockerfile and "npm run build" in dockerfile
    assert "protocol_site.settings.production" in dockerfile
    assert "collectstatic --noinput" in dockerfile


# --- .env.example -----------------------------------------------------------------------------


def test_env_example_documents_every_variable_the_settings_read():
    settings_dir = ROOT / "protocol_site" / "settings"
    read = set()
    for path in [*settings_dir.glob("*.py"), ROOT / "gunicorn.conf.py"]:
        read |= set(re.findall(r"env_\w+\(\s*[\"']([A-Z][A-Z0-9_]*)[\"']", path.read_text()))
    example = (ROOT / ".env.example").read_text()
    documented = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]*)=", example, re.MULTILINE))
    assert {"GUNICORN_WORKERS", "GUNICORN_THREADS", "DATABASE_LOCK_TIMEOUT_SECONDS"} <= read
    assert read, "no env_*() calls found in the settings"
    assert read - documented == set(), "add these to .env.example with a comment"
    readme = (ROOT / "README.md").read_text()
    assert {name for name in read if f"`{name}`" not in readme} == set(), "add to the README"
    required = {
        "DJANGO_SECRET_KEY",
        "DJANGO_ALLOWED_HOSTS",
        "DJANGO_CSRF_TRUSTED_ORIGINS",
        "DATABASE_URL",
        "CELERY_BROKER_URL",
        "COUNCIL_NAME",
        "COUNCIL_NATION",
        "WORKING_DAY_CUTOFF_HOUR",
        "DEFAULT_FROM_EMAIL",
        "SITE_URL",
    }
    assert required <= documented


def test_the_security_settings_are_documented_in_env_example_and_the_readme():
    example = (ROOT / ".env.example").read_text()
    readme = (ROOT / "README.md").read_text()
    for name in SECURITY_VARIABLES:
        assert re.search(rf"^{name}=", example, re.MULTILINE), name
        assert f"| `{name}` |" in readme, name  # the settings table
        assert f"`{name}`" in readme.split("## Security", 1)[1], name  # the Security section
