"""Trigram indexes on people's names, so a search by any part of a name (the officer picker,
registers.pickers) stays quick in a council of 15,000 officers.

Django's case-insensitive `icontains` on PostgreSQL compares UPPER(column::text), so the
indexes are on that expression. PostgreSQL only: SQLite, for local runs, scans the table."""

from django.db import migrations

INDEXES = {
    "protocol_site_user_first_name_trgm": "first_name",
    "protocol_site_user_last_name_trgm": "last_name",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, column in INDEXES.items():
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON protocol_site_user "
            f"USING gin ((UPPER({column}::text)) gin_trgm_ops)"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("protocol_site", "0002_council_protocol"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
