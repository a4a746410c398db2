"""gunicorn's settings for the web service (the Dockerfile and docker-compose.yml use this file;
README "Production shape").

Workers and threads follow the cores this container may use: 2 x cores + 1 worker processes
(at most 12), each with GUNICORN_THREADS threads, so a request waiting on the database does not
hold a whole process. Every thread keeps its own database connection: workers x threads must
stay well under PostgreSQL's max_connections (100 by default), beside the Celery worker's.
"""

import os

# As protocol_site.wsgi does: importing the package below must not pick the local settings.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "protocol_site.settings.production")

from protocol_site.settings.env import env_int  # noqa: E402

_cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()

bind = f"0.0.0.0:{env_int('PORT', 8000, minimum=1, maximum=65535)}"
workers = env_int("GUNICORN_WORKERS", min(2 * (_cores or 1) + 1, 12), minimum=1, maximum=64)
threads = env_int("GUNICORN_THREADS", 2, minimum=1, maximum=32)
worker_class = "gthread"
# A request is ended after this long; the database's statement and lock timeouts (10 s and
# 5 s by default) answer "service is busy" well before it, so workers are not killed.
timeout = 60
graceful_timeout = 30
keepalive = 5
# Heartbeat files in memory, not on the container's disk (which can stall under load).
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

# Request size limits, before Django sees anything: the request line (method, path and query),
# the number of headers and each header's size. Bodies are capped by Django
# (REQUEST_MAX_BODY_MB, refused by Content-Length before they are read).
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190

accesslog = "-"
