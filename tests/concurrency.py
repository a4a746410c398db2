"""Running a sweep from two threads at once, as two beat schedulers would (PostgreSQL only)."""

import threading

import pytest
from django.db import close_old_connections, connection

ON_SQLITE = pytest.mark.skipif(
    connection.vendor == "sqlite",
    reason="in-memory SQLite locks whole tables across threads; CI runs this on PostgreSQL",
)


def run_twice_at_once(sweep, *, now, rounds: int = 3) -> list[Exception]:
    """Start `sweep(now=now)` in two threads together, `rounds` times each; the errors raised."""
    barrier = threading.Barrier(2)
    errors: list[Exception] = []

    def run():
        try:
            barrier.wait()
            for _ in range(rounds):
                sweep(now=now)
        except Exception as exc:  # noqa: BLE001 - reported to the caller
            errors.append(exc)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return errors
