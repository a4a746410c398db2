"""50 signed-in people on their dashboards for a minute: gunicorn on loopback, locust headless.

People of every role are signed in with sessions made here (what the sign-in page would
store), so the minute measures the dashboards, not password hashing.
"""

from __future__ import annotations

import csv
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.db.models import Count

from enquiries.models import Enquiry
from protocol_site.models import User
from registers.models import Councillor, StatutoryRole, Tier
from registers.roles import DEMOCRATIC_SERVICES_GROUP

BIN = Path(sys.executable).parent
# (label, how many) of the people on their dashboards at once.
MIX = (
    ("officer", 20),
    ("manager", 8),
    ("head of service", 4),
    ("assistant director", 4),
    ("director", 4),
    ("chief executive", 1),
    ("monitoring officer", 1),
    ("democratic services", 2),
    ("councillor", 6),
)
TIERS = {
    "officer": Tier.OFFICER,
    "manager": Tier.MANAGER,
    "head of service": Tier.HEAD_OF_SERVICE,
    "assistant director": Tier.ASSISTANT_DIRECTOR,
    "director": Tier.DIRECTOR,
    "chief executive": Tier.CHIEF_EXECUTIVE,
}


@dataclass
class LoadResult:
    users: int
    seconds: int
    requests: int = 0
    failures: int = 0
    p50: float = 0.0
    p95: float = 0.0
    rps: float = 0.0
    workers: int = 0
    notes: list[str] = field(default_factory=list)


def _busiest(tier: int, n: int) -> list[User]:
    """The officers of a tier with the most open enquiries assigned or escalated to them."""
    rows = (
        Enquiry.objects.open()
        .filter(assigned_to__post__tier=tier)
        .values("assigned_to__user_id")
        .annotate(c=Count("pk"))
        .order_by("-c", "assigned_to__user_id")[:n]
    )
    ids = [row["assigned_to__user_id"] for row in rows]
    if len(ids) < n:
        ids += list(
            User.objects.filter(officer__post__tier=tier)
            .exclude(pk__in=ids)
            .values_list("pk", flat=True)[: n - len(ids)]
        )
    return list(User.objects.filter(pk__in=ids))


def people(total: int) -> list[tuple[str, User]]:
    found: list[tuple[str, User]] = []
    for label, n in MIX:
        if label in TIERS:
            users = _busiest(TIERS[label], n)
        elif label == "monitoring officer":
            users = [
                StatutoryRole.objects.get(kind=StatutoryRole.Kind.MONITORING_OFFICER).officer.user
            ]
        elif label == "democratic services":
            users = list(User.objects.filter(groups__name=DEMOCRATIC_SERVICES_GROUP)[:n])
        else:
            busiest = (
                Councillor.objects.annotate(c=Count("enquiries")).order_by("-c").values("user_id")
            )
            users = list(User.objects.filter(pk__in=busiest[:n]))
        found += [(label, user) for user in users]
    return found[:total] if total < len(found) else found


def make_sessions(total: int) -> list[dict]:
    backend = "django.contrib.auth.backends.ModelBackend"
    if backend not in settings.AUTHENTICATION_BACKENDS:
        backend = settings.AUTHENTICATION_BACKENDS[-1]
    sessions = []
    for label, user in people(total):
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = backend
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        sessions.append(
            {
                "label": label,
                "cookie": store.session_key,
                "cookie_name": settings.SESSION_COOKIE_NAME,
            }
        )
    return sessions


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"gunicorn did not answer {url} within {seconds:.0f} s")


def bench_load(*, out_dir: Path, users: int = 50, seconds: int = 60, workers: int = 4):
    out_dir.mkdir(parents=True, exist_ok=True)
    sessions = make_sessions(users)
    sessions_file = out_dir / "sessions.json"
    sessions_file.write_text(json.dumps(sessions), encoding="utf-8")
    port = _free_port()
    host = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings.SETTINGS_MODULE,
        "DJANGO_DEBUG": "false",
        "DATABASE_CONN_MAX_AGE": os.environ.get("DATABASE_CONN_MAX_AGE", "60"),
        "BENCH_SESSIONS": str(sessions_file),
    }
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "protocol_site.wsgi:application", "--bind",
         f"127.0.0.1:{port}", "--workers", str(workers), "--log-level", "warning"],
        cwd=settings.BASE_DIR, env=env,
    )  # fmt: skip
    result = LoadResult(users=len(sessions), seconds=seconds, workers=workers)
    try:
        _wait_for(f"{host}/healthz")
        prefix = out_dir / "locust"
        log = (out_dir / "locust.log").open("w", encoding="utf-8")
        subprocess.run(
            [str(BIN / "locust"), "-f", str(Path(__file__).with_name("locustfile.py")),
             "--headless", "-u", str(len(sessions)), "-r", "10", "-t", f"{seconds}s",
             "--host", host, "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING"],
            cwd=settings.BASE_DIR, env=env, check=False, timeout=seconds + 120,
            stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        log.close()
        _read_stats(result, Path(f"{prefix}_stats.csv"))
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
        Session.objects.filter(session_key__in=[s["cookie"] for s in sessions]).delete()
    return result


def _read_stats(result: LoadResult, path: Path) -> None:
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["Name"] == "Aggregated":
                result.requests = int(row["Request Count"])
                result.failures = int(row["Failure Count"])
                result.p50 = float(row["50%"] or 0)
                result.p95 = float(row["95%"] or 0)
                result.rps = float(row["Requests/s"] or 0)
