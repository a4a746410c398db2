"""A trigram index on people's whole names, so a search by any part of a name (the officer
picker, registers.pickers.officers_named) stays quick in a council of 15,000 officers.

The index is on exactly the expression the search compares, UPPER(first_name || ' ' ||
last_name) (registers.pickers.FullName): PostgreSQL uses it for every word typed at once.
PostgreSQL only: SQLite, for local runs, reads the table."""

from django.db import migrations

INDEX = "protocol_site_user_full_name_trgm"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON protocol_site_user "
        "USING gin ((UPPER(first_name || ' ' || last_name)) gin_trgm_ops)"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("protocol_site", "0002_council_protocol"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
