"""Create the 集团审核 workflow and assign it to the existing home pages.

In the style of wagtail/migrations/0048_add_default_workflows.py. A database
without a home page yet gets the workflow from
``workflows.tasks.ensure_review_workflow`` when the site skeleton is built.
"""

from django.db import migrations

NAME = "集团审核"


def create_review_workflow(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    GroupReviewTask = apps.get_model("workflows.GroupReviewTask")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    Page = apps.get_model("wagtailcore.Page")

    homes = Page.objects.filter(
        content_type__app_label="pages", content_type__model="homepage"
    )
    if not homes.exists():
        return
    task_type, _ = ContentType.objects.get_or_create(
        app_label="workflows", model="groupreviewtask"
    )
    task = GroupReviewTask.objects.filter(active=True).order_by("pk").first()
    if task is None:
        task = GroupReviewTask.objects.create(name=NAME, content_type=task_type, active=True)
    workflow = Workflow.objects.filter(name=NAME).order_by("pk").first()
    if workflow is None:
        workflow = Workflow.objects.create(name=NAME, active=True)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for home in homes:
        WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("workflows", "0003_group_review_task"),
        ("pages", "0002_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_review_workflow, migrations.RunPython.noop)]
