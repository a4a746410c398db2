import django.contrib.postgres.search
from django.db import migrations

INDEX = "enquiry_search_idx"
# As enquiries.search.search_vector() works it out, frozen here as it was.
FILL = """
UPDATE enquiries_enquiry e SET search_vector =
  setweight(to_tsvector('english', e.reference || ' ' || e.subject), 'A')
  || setweight(to_tsvector('english', e.details || ' ' || coalesce((
       SELECT string_agg(ev.detail, ' ') FROM enquiries_enquiryevent ev
       WHERE ev.enquiry_id = e.id AND ev.visible_to_councillor
         AND ev.kind IN ('answer', 'chased', 'councillor_message', 'follow_up',
                         'holding_reply', 'officer_message', 'question', 'responded')
     ), '')), 'B')
  || setweight(to_tsvector('english', coalesce((
       SELECT c.name || ' ' || c.address FROM enquiries_constituentdetails c
       WHERE c.enquiry_id = e.id
     ), '')), 'C')
"""


def index_and_fill(apps, schema_editor):
    """PostgreSQL only: the GIN index, and every enquiry's vector worked out once."""
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON enquiries_enquiry USING gin (search_vector)"
    )
    schema_editor.execute(FILL)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("enquiries", "0016_not_urgent_and_urgent_in_reports"),
    ]

    operations = [
        migrations.AddField(
            model_name="enquiry",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(
                blank=True, editable=False, null=True
            ),
        ),
        migrations.RunPython(index_and_fill, drop_index, elidable=False),
    ]
