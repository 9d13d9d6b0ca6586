"""Put the nine resource-listing types under the review workflow (集团审核 → 保密审查).

Fresh databases get the assignment from ``workflows.tasks.ensure_review_workflow``.
"""

from django.db import migrations

WORKFLOW = "集团审核"
LISTING_MODELS = (
    "nationalinstitution",
    "expert",
    "instrument",
    "researchresult",
    "ongoingproject",
    "technologytransfer",
    "technicalchallenge",
    "jobopening",
    "newproduct",
)


def assign(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowContentType = apps.get_model("wagtailcore.WorkflowContentType")

    workflow = Workflow.objects.filter(name=WORKFLOW).order_by("pk").first()
    if workflow is None:
        return
    for model in LISTING_MODELS:
        content_type, _ = ContentType.objects.get_or_create(app_label="snippets", model=model)
        WorkflowContentType.objects.update_or_create(
            content_type=content_type, defaults={"workflow": workflow}
        )


class Migration(migrations.Migration):
    dependencies = [
        ("workflows", "0008_account_log_entry"),
        ("snippets", "0002_resource_listings"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(assign, migrations.RunPython.noop)]
