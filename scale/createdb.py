"""Create the benchmark's PostgreSQL database if it is missing (used by `make bench`):

python -m scale.createdb postgres://postgres@127.0.0.1:5432/protocol_bench
"""

import sys

import dj_database_url
import psycopg2
from psycopg2 import sql


def create_if_missing(url: str) -> bool:
    config = dj_database_url.parse(url)
    if config["ENGINE"] != "django.db.backends.postgresql":
        raise SystemExit(f"Not a PostgreSQL URL: {url}")
    name = config["NAME"]
    connection = psycopg2.connect(
        dbname="postgres",
        user=config.get("USER") or None,
        password=config.get("PASSWORD") or None,
        host=config.get("HOST") or None,
        port=config.get("PORT") or None,
    )
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone():
            return False
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    connection.close()
    return True


if __name__ == "__main__":
    made = create_if_missing(sys.argv[1])
    print(f"Database {'created' if made else 'already there'}.")
