"""Add 保密审查 after 集团审核 in the existing review workflow.

Databases built before the confidentiality check existed have the workflow of
0004 with one task; fresh databases get both from
``workflows.tasks.ensure_review_workflow``.
"""

from django.db import migrations

WORKFLOW = "集团审核"
TASK = "保密审查"


def add_secrecy_check(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    SecrecyCheckTask = apps.get_model("workflows.SecrecyCheckTask")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")

    workflow = Workflow.objects.filter(name=WORKFLOW).order_by("pk").first()
    if workflow is None:
        return
    task_type, _ = ContentType.objects.get_or_create(
        app_label="workflows", model="secrecychecktask"
    )
    task = SecrecyCheckTask.objects.filter(active=True).order_by("pk").first()
    if task is None:
        task = SecrecyCheckTask.objects.create(name=TASK, content_type=task_type, active=True)
    WorkflowTask.objects.update_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 1}
    )


class Migration(migrations.Migration):
    dependencies = [("workflows", "0006_secrecy_check_task")]

    operations = [migrations.RunPython(add_secrecy_check, migrations.RunPython.noop)]
