"""Remove Wagtail's default "Editors" and "Moderators" groups while nobody is in them.

Wagtail's own migrations give them add/change (and for Moderators publish)
on the root page, i.e. on every enterprise's sub-platform: one accidental
membership would bypass group review (DESIGN.md §4). Roles here are granted
through the groups that provisioning creates. Groups somebody already uses
are left alone.
"""

from django.db import migrations


def remove_unused_default_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=["Editors", "Moderators"], user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("workflows", "0004_group_review_workflow"),
        ("wagtailcore", "0002_initial_data"),
        ("wagtailimages", "0002_initial_data"),
        ("wagtaildocs", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(remove_unused_default_groups, migrations.RunPython.noop)]
