import pytest

from .processes import PrivateRedis, Worker


@pytest.fixture
def mail_dir(tmp_path):
    directory = tmp_path / "mail"
    directory.mkdir()
    return directory


@pytest.fixture
def private_redis(tmp_path):
    server = PrivateRedis(tmp_path)
    yield server
    server.stop()


@pytest.fixture
def start_worker(transactional_db, tmp_path, mail_dir):
    """Start drill workers; every one still running is stopped before the database is
    flushed (this fixture's teardown runs before transactional_db's)."""
    started: list[Worker] = []

    def start(broker_url: str, **mail_env: str) -> Worker:
        log = tmp_path / f"worker-{len(started) + 1}.log"
        worker = Worker(broker_url=broker_url, mail_dir=mail_dir, log=log, **mail_env)
        started.append(worker)
        return worker.start()

    yield start
    for worker in started:
        worker.kill()
