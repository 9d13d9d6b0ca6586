"""What happens when a review workflow is approved (``WAGTAIL_FINISH_WORKFLOW_ACTION``).

A module of its own, importing nothing from Wagtail at import time: Wagtail
imports this setting while ``wagtail.models`` is still loading.
"""


def publish_approved(workflow_state, user=None):
    """``WAGTAIL_FINISH_WORKFLOW_ACTION``: publish what the workflow has approved.

    Wagtail's default publishes as the last approver and so demands that
    reviewers hold the page "publish" permission — which would also give them
    the publish button, a way round review, the confidentiality check and
    maker-checker. Here nobody below the platform administrator holds
    "publish"; the approved workflow is the authority, so the permission check
    is skipped and the approver is still recorded as the publisher.

    That authority holds only if the confidentiality check (保密审查) passed or
    cleared the very revision being published in this run: a workflow
    configured without it, or a revision saved after the check, is refused,
    and the approval that triggered it is rolled back with it.
    """
    from django.core.exceptions import PermissionDenied
    from django.utils.translation import gettext as _
    from wagtail.models import TaskState

    from workflows.secrecy.task import SecrecyCheckTaskState

    revision = workflow_state.content_object.get_latest_revision()
    checked = SecrecyCheckTaskState.objects.filter(
        workflow_state=workflow_state, revision=revision, status=TaskState.STATUS_APPROVED
    ).exists()
    if not checked:
        raise PermissionDenied(_("此版本未经保密审查，不能发布。"))
    revision.publish(user=user, skip_permission_checks=True)
