"""Signed-in people on their dashboards, for `manage.py bench` (run headless by it):

    locust -f scale/locustfile.py --headless -u 50 -r 10 -t 60s --host http://127.0.0.1:8765

Each simulated person signs in with a session made beforehand by `bench` (the file named by
BENCH_SESSIONS: a JSON list of {"label", "cookie"}), then keeps opening their home page (their
dashboard), reading it for three to seven seconds between visits: 50 people ask for about ten
pages a second.
"""

import itertools
import json
import os

from locust import HttpUser, between, task

with open(os.environ.get("BENCH_SESSIONS", "var/bench/sessions.json"), encoding="utf-8") as f:
    SESSIONS = json.load(f)
_next = itertools.cycle(SESSIONS)


class SignedInPerson(HttpUser):
    wait_time = between(3, 7)

    def on_start(self):
        session = next(_next)
        self.label = session["label"]
        self.client.cookies.set(session.get("cookie_name", "sessionid"), session["cookie"])

    @task
    def dashboard(self):
        with self.client.get(
            "/", name=f"{self.label} dashboard", allow_redirects=False, catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"{response.status_code} instead of the dashboard")
