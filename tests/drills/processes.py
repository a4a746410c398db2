"""Real processes for the drills: a private Redis and Celery workers, started and killed.

Each drill starts its own Redis on a free port, so stopping or killing things never disturbs
another test, and its workers use the test database (committed data: transactional tests).
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import pytest
import redis
from celery import Celery
from django.conf import settings
from django.db import connection

BASE_DIR = Path(settings.BASE_DIR)
CELERY = Path(sys.executable).with_name("celery")
REDIS_SERVER = shutil.which("redis-server")

needs_redis_server = pytest.mark.skipif(REDIS_SERVER is None, reason="redis-server is missing")
ON_SHARED_DATABASE = pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="a worker process cannot open the in-memory SQLite test database; CI runs this on "
    "PostgreSQL",
)


def wait_for(condition: Callable[[], bool], timeout: float, interval: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(interval)
    return condition()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url() -> str:
    """The test database (not the one DATABASE_URL names) as a URL for a worker process."""
    db = connection.settings_dict
    user = quote(db.get("USER") or "", safe="")
    password = quote(db.get("PASSWORD") or "", safe="")
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = db.get("HOST") or "127.0.0.1"
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{credentials}{host}{port}/{quote(db['NAME'], safe='')}"


class PrivateRedis:
    """`redis-server` on a free port with nothing saved to disk."""

    def __init__(self, workdir: Path, port: int | None = None):
        self.port = port or free_port()
        self.workdir = workdir
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def answers(self) -> bool:
        client = redis.Redis(port=self.port, socket_connect_timeout=0.2, socket_timeout=0.5)
        try:
            return bool(client.ping())
        except redis.RedisError:
            return False
        finally:
            client.close()

    def start(self) -> PrivateRedis:
        log = open(self.workdir / f"redis-{self.port}.log", "ab")  # noqa: SIM115 - kept open
        self.process = subprocess.Popen(
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
            + ["--appendonly", "no", "--daemonize", "no", "--dir", str(self.workdir)],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        assert wait_for(self.answers, 10), "the drill's Redis did not start"
        return self

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
        self.process = None


class Worker:
    """`celery -A protocol_site worker --pool solo` on the test database and a given broker,
    sending mail through tests/drills/mail_backend.py into `mail_dir`."""

    def __init__(self, *, broker_url: str, mail_dir: Path, log: Path, **mail_env: str):
        self.log = log
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.drills.worker_settings",
            "DATABASE_URL": database_url(),
            "CELERY_BROKER_URL": broker_url,
            "REDIS_URL": broker_url,
            "PYTHONPATH": os.pathsep.join(filter(None, [str(BASE_DIR), os.getenv("PYTHONPATH")])),
            "DRILL_MAIL_DIR": str(mail_dir),
            **mail_env,
        }
        self.process: subprocess.Popen | None = None

    def start(self) -> Worker:
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen(
                [str(CELERY), "-A", "protocol_site", "worker", "--pool", "solo"]
                + ["--without-heartbeat", "--without-gossip", "--without-mingle"]
                + ["--loglevel", "INFO", "--hostname", f"drill-{uuid.uuid4().hex[:8]}@%h"],
                cwd=BASE_DIR,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        return self

    def kill(self) -> None:
        """SIGKILL: no warm shutdown, no clean-up, no chance to finish the message in hand."""
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()  # warm shutdown: finishes the task in hand
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:] if self.log.exists() else ""


def publish(broker_url: str, task: str, times: int = 1) -> None:
    """Put `task` on the broker as beat would, from an app of our own (the product's Celery
    app keeps its configuration)."""
    sender = Celery("drill", set_as_current=False)
    try:
        # An explicit connection: Celery would take CELERY_BROKER_URL from the environment.
        with sender.connection_for_write(broker_url) as broker:
            for _ in range(times):
                sender.send_task(task, connection=broker)
    finally:
        sender.close()
