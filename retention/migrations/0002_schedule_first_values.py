from django.db import migrations


def first_values(apps, schema_editor):
    rule = apps.get_model("retention", "RetentionRule")
    for kind in ("enquiry", "complaint", "declaration", "briefing"):
        rule.objects.get_or_create(kind=kind, defaults={"keep_years": 6})


class Migration(migrations.Migration):
    dependencies = [("retention", "0001_initial")]

    operations = [migrations.RunPython(first_values, migrations.RunPython.noop)]
