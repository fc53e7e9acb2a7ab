"""The five thematic priorities and the working languages exist in every
environment, not only where the demo data is loaded."""

from django.db import migrations

THEMES = [
    "metropolitan-futures",
    "metropolitan-ecosystems",
    "cohesive-metropolises",
    "metropolitan-governance",
    "gender-equity",
]
LANGUAGES = ["en", "fr", "es", "pt", "ar", "zh"]


def create(apps, schema_editor):
    Theme = apps.get_model("labs", "Theme")
    WorkingLanguage = apps.get_model("labs", "WorkingLanguage")
    for position, slug in enumerate(THEMES, start=1):
        Theme.objects.update_or_create(slug=slug, defaults={"position": position})
    for code in LANGUAGES:
        WorkingLanguage.objects.get_or_create(code=code)


class Migration(migrations.Migration):
    dependencies = [("labs", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
