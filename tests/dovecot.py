"""A private IMAP server for the tests: Debian's dovecot-imapd, started on a free loopback port
with a throwaway configuration and maildir in a temporary folder, as an unprivileged process
(as `nobody` when the tests run as root). No system service is touched.

Messages are delivered with IMAP APPEND, with the arrival time (INTERNALDATE) the test says.
"""

from __future__ import annotations

import imaplib
import os
import shutil
import socket
import subprocess
import tempfile
import time
from datetime import datetime
from pathlib import Path

import pytest

DOVECOT = shutil.which("dovecot") or next(
    (p for p in ("/usr/sbin/dovecot", "/usr/local/sbin/dovecot") if os.access(p, os.X_OK)), None
)
USER, PASSWORD = "members", "mailbox-password"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def require_dovecot() -> str:
    """The dovecot binary; missing, the test is skipped (fails on CI, which installs it)."""
    if DOVECOT is None:
        message = "dovecot is missing: apt-get install dovecot-imapd (.ci/run does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return DOVECOT


CONFIG = """\
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
instance_name = test-{port}
log_path = {root}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = {user}
default_internal_group = {group}
default_login_user = {user}
first_valid_uid = 1
mail_location = maildir:{root}/mail/%u
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/mail/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
  chroot =
}}
service anvil {{
  chroot =
}}
service stats {{
  unix_listener stats-reader {{
    mode = 0666
  }}
  unix_listener stats-writer {{
    mode = 0666
  }}
}}
"""


class PrivateDovecot:
    def __init__(self):
        self.binary = require_dovecot()
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="dovecot-test-"))
        self.process: subprocess.Popen | None = None
        import grp
        import pwd

        if os.getuid() == 0:  # never run a server as root: as nobody
            account = pwd.getpwnam("nobody")
            self.uid, self.gid = account.pw_uid, account.pw_gid
        else:
            self.uid, self.gid = os.getuid(), os.getgid()
        self.user = pwd.getpwuid(self.uid).pw_name
        self.group = grp.getgrgid(self.gid).gr_name

    def start(self) -> PrivateDovecot:
        for folder in ("run", "state", "mail"):
            (self.root / folder).mkdir()
        (self.root / "passwd").write_text(f"{USER}:{{PLAIN}}{PASSWORD}\n")
        config = self.root / "dovecot.conf"
        config.write_text(
            CONFIG.format(
                root=self.root,
                port=self.port,
                user=self.user,
                group=self.group,
                uid=self.uid,
                gid=self.gid,
            )
        )
        command = [self.binary, "-F", "-c", str(config)]
        if os.getuid() == 0:
            for path in [self.root, *self.root.rglob("*")]:
                os.chown(path, self.uid, self.gid)
            command = [
                "setpriv",
                f"--reuid={self.uid}",
                f"--regid={self.gid}",
                "--clear-groups",
                *command,
            ]
        self.process = subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,
            stderr=open(self.root / "stderr.log", "wb"),  # noqa: SIM115 - kept for the server
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                self.client().logout()
                return self
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"dovecot did not start: {self.log()}")

    def log(self) -> str:
        return "".join(
            p.read_text(errors="replace")
            for p in (self.root / "stderr.log", self.root / "dovecot.log")
            if p.exists()
        )

    def client(self) -> imaplib.IMAP4:
        imap = imaplib.IMAP4("127.0.0.1", self.port, timeout=5)
        imap.login(USER, PASSWORD)
        return imap

    def deliver(self, raw: bytes, *, arrived: datetime, folder: str = "INBOX") -> None:
        imap = self.client()
        try:
            status, data = imap.append(folder, None, imaplib.Time2Internaldate(arrived), raw)
            assert status == "OK", data
        finally:
            imap.logout()

    def count(self, folder: str = "INBOX") -> int:
        imap = self.client()
        try:
            status, data = imap.select(f'"{folder}"', readonly=True)
            return int(data[0]) if status == "OK" else 0
        finally:
            imap.logout()

    def settings(self, settings, **overrides) -> None:
        """Point the product's mailbox settings at this server."""
        values = {
            "INBOUND_EMAIL_IMAP_HOST": "127.0.0.1",
            "INBOUND_EMAIL_IMAP_PORT": self.port,
            "INBOUND_EMAIL_IMAP_SECURITY": "none",
            "INBOUND_EMAIL_IMAP_USER": USER,
            "INBOUND_EMAIL_IMAP_PASSWORD": PASSWORD,
            "INBOUND_EMAIL_IMAP_FOLDER": "INBOX",
            "INBOUND_EMAIL_IMAP_DONE_FOLDER": "Processed",
            "INBOUND_EMAIL_IMAP_TIMEOUT": 10,
            **overrides,
        }
        for name, value in values.items():
            setattr(settings, name, value)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture
def dovecot(settings):
    """A private dovecot with an empty mailbox, and the product pointed at it."""
    server = PrivateDovecot().start()
    server.settings(settings)
    yield server
    server.stop()
