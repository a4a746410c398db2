import django.contrib.postgres.search
from django.db import migrations

INDEX = "complaint_search_idx"
NAME = "(SELECT u.first_name || ' ' || u.last_name FROM protocol_site_user u {join} WHERE {where})"
# As complaints.search.search_vector() works it out, frozen here as it was.
FILL = f"""
UPDATE complaints_complaint c SET search_vector =
  setweight(to_tsvector('english', c.reference || ' ' || c.summary
    || ' ' || coalesce({NAME.format(join="", where="u.id = c.complainant_id")}, '')
    || ' ' || coalesce({
    NAME.format(
        join="JOIN registers_officer o ON o.user_id = u.id", where="o.id = c.subject_officer_id"
    )
}, '')
    || ' ' || coalesce({
    NAME.format(
        join="JOIN registers_councillor r ON r.user_id = u.id",
        where="r.id = c.subject_councillor_id",
    )
}, '')), 'A')
  || setweight(to_tsvector('english', c.details), 'B')
  || setweight(to_tsvector('english', coalesce((
       SELECT string_agg(ev.detail, ' ') FROM complaints_complaintevent ev
       WHERE ev.complaint_id = c.id AND ev.kind IN ('complainant_message', 'handler_message')
     ), '')), 'C')
"""


def index_and_fill(apps, schema_editor):
    """PostgreSQL only: the GIN index, and every complaint's vector worked out once."""
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON complaints_complaint USING gin (search_vector)"
    )
    schema_editor.execute(FILL)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("complaints", "0010_complaints_at_the_top"),
    ]

    operations = [
        migrations.AddField(
            model_name="complaint",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(
                blank=True, editable=False, null=True
            ),
        ),
        migrations.RunPython(index_and_fill, drop_index, elidable=False),
    ]
