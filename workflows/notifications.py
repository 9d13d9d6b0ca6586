"""Review email: to the object's own reviewers on submission, to the submitter on the outcome.

Wagtail's notifiers fall short for 集团审核 (DESIGN.md §9): its group-approval
notifier mails every member of the task's groups (here: every group's
reviewers), the approval mail leaves out the reviewer's comment (wagtail#7542)
and a rejection is not told to the reviewers who approved earlier steps
(wagtail#10196). These notifiers subclass Wagtail's and change only who
receives the mail and what it says; ``WorkflowsConfig.ready`` puts the
outcome notifiers in the place of Wagtail's own (see ``connect_notifiers``).
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.admin.utils import quote
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.admin.mail import (
    EmailNotificationMixin,
    Notifier,
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
)
from wagtail.admin.utils import get_latest_str
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected

from .listing_review import admin_edit_path
from .roles import reviewers_for
from .tasks import GroupReviewTask, specific_object

TEMPLATE_DIRECTORY = "workflows/notifications/"

# Set while a batch (an import) is submitted: its reviewers get one summary
# mail (workflows.submission) instead of one mail per item.
_submission_mail_silenced = ContextVar("ceti_submission_mail_silenced", default=False)


@contextmanager
def submission_mail_silenced():
    """Within the block, submissions to 集团审核 send no per-item mail."""
    token = _submission_mail_silenced.set(True)
    try:
        yield
    finally:
        _submission_mail_silenced.reset(token)


def object_context(obj):
    """What every review mail says about the item: its title, enterprise and admin links.

    ``obj`` may be the base row Wagtail reads from a workflow state (a plain
    ``Page`` or ``Listing``); the mail speaks of the specific item.
    """
    obj = specific_object(obj)
    is_page = isinstance(obj, Page)
    enterprise = getattr(obj, "owning_enterprise", None)
    return {
        "object": obj,
        "page": obj if is_page else None,
        "model_name": obj._meta.verbose_name,
        "title": obj.get_admin_display_title() if is_page else get_latest_str(obj),
        "enterprise": enterprise,
        "edit_path": admin_edit_path(obj),
    }


def preview_path(obj, task_state):
    """The reviewer's preview of the revision under review, or "" for items without a preview."""
    obj = specific_object(obj)
    if isinstance(obj, Page):
        return reverse("wagtailadmin_pages:workflow_preview", args=[obj.pk, task_state.task_id])
    viewset = getattr(obj, "snippet_viewset", None)
    if viewset is None or not getattr(obj, "is_previewable", False):
        return ""
    return reverse(
        viewset.get_url_name("workflow_preview"), args=[quote(obj.pk), task_state.task_id]
    )


class OwnTemplatesMixin:
    """Templates ``workflows/notifications/<notification>{_subject.txt,.txt,.html}``."""

    template_directory = TEMPLATE_DIRECTORY

    def get_template_base_prefix(self, instance, **kwargs):
        return ""


class GroupReviewSubmissionEmailNotifier(OwnTemplatesMixin, EmailNotificationMixin, Notifier):
    """On submission to 集团审核: mail the reviewers of the object's own group, nobody else.

    Not the task's groups, not superusers, not the submitter (who may also be
    a reviewer and may not approve their own item).
    """

    notification = "submitted"

    def __init__(self):
        super().__init__((TaskState,))

    def can_handle(self, instance, **kwargs):
        return (
            not _submission_mail_silenced.get()
            and super().can_handle(instance, **kwargs)
            and isinstance(instance.task.specific, GroupReviewTask)
        )

    def get_recipient_users(self, task_state, **kwargs):
        workflow_state = task_state.workflow_state
        recipients = reviewers_for(specific_object(workflow_state.content_object))
        makers = {kwargs.get("user"), workflow_state.requested_by}
        return recipients.exclude(pk__in=[user.pk for user in makers if user is not None])

    def get_context(self, task_state, **kwargs):
        context = super().get_context(task_state, **kwargs)
        context.update(object_context(task_state.workflow_state.content_object))
        context["task"] = task_state.task.specific
        context["task_state"] = task_state
        context["requested_by"] = task_state.workflow_state.requested_by
        context["preview_path"] = preview_path(context["object"], task_state)
        return context


class SecrecyHoldEmailNotifier(OwnTemplatesMixin, EmailNotificationMixin, Notifier):
    """On a 保密审查 hold: the group's reviewers must decide, the submitter learns it is held.

    Both read every hit in context. Recipients honour the "submitted"
    notification preference of Wagtail's user profile: it is the same kind of
    mail (an item waiting for review).
    """

    notification = "submitted"

    def __init__(self):
        from .secrecy.task import SecrecyCheckTaskState

        super().__init__((SecrecyCheckTaskState,))

    def get_template_set(self, instance, **kwargs):
        return {
            part: f"{TEMPLATE_DIRECTORY}secrecy_hold{suffix}"
            for part, suffix in (("subject", "_subject.txt"), ("text", ".txt"), ("html", ".html"))
        }

    def get_recipient_users(self, task_state, **kwargs):
        workflow_state = task_state.workflow_state
        recipients = set(reviewers_for(specific_object(workflow_state.content_object)))
        if workflow_state.requested_by is not None:
            recipients.add(workflow_state.requested_by)
        return recipients

    def get_context(self, task_state, **kwargs):
        context = super().get_context(task_state, **kwargs)
        context.update(object_context(task_state.workflow_state.content_object))
        context["task_state"] = task_state
        context["hits"] = task_state.hits
        context["requested_by"] = task_state.workflow_state.requested_by
        return context


def decided_task_states(workflow_state, status):
    """The task states of this workflow run that ended in ``status``, oldest first."""
    return (
        workflow_state.task_states.filter(status=status)
        .select_related("finished_by", "task")
        .order_by("finished_at", "pk")
    )


class ReviewApprovalEmailNotifier(OwnTemplatesMixin, WorkflowStateApprovalEmailNotifier):
    """On approval: the submitter learns who approved it, with every reviewer's comment (#7542)."""

    def get_context(self, workflow_state, **kwargs):
        context = super().get_context(workflow_state, **kwargs)
        context.update(object_context(workflow_state.content_object))
        context["reviews"] = decided_task_states(workflow_state, TaskState.STATUS_APPROVED)
        return context


class ReviewRejectionEmailNotifier(OwnTemplatesMixin, WorkflowStateRejectionEmailNotifier):
    """On rejection: the submitter and the reviewers who approved earlier steps (#10196), with the reason."""

    def get_recipient_users(self, workflow_state, **kwargs):
        recipients = set(super().get_recipient_users(workflow_state, **kwargs))
        triggering_user = kwargs.get("user")
        earlier = (
            get_user_model()
            .objects.filter(
                finished_task_states__workflow_state=workflow_state,
                finished_task_states__status=TaskState.STATUS_APPROVED,
            )
            .distinct()
        )
        recipients.update(user for user in earlier if user != triggering_user)
        return recipients

    def get_context(self, workflow_state, **kwargs):
        context = super().get_context(workflow_state, **kwargs)
        context.update(object_context(workflow_state.content_object))
        context["reviews"] = decided_task_states(workflow_state, TaskState.STATUS_APPROVED)
        return context


submission_notifier = GroupReviewSubmissionEmailNotifier()
approval_notifier = ReviewApprovalEmailNotifier()
rejection_notifier = ReviewRejectionEmailNotifier()
secrecy_hold_notifier = SecrecyHoldEmailNotifier()

# Wagtail's own dispatch uids (wagtail/admin/signal_handlers.py): connecting
# under them makes Wagtail's later ``connect`` a no-op, and disconnecting them
# first covers the case where wagtail.admin was ready before this app.
WAGTAIL_APPROVED_UID = "workflow_state_approved_email_notification"
WAGTAIL_REJECTED_UID = "workflow_state_rejected_email_notification"


def connect_notifiers():
    """Replace Wagtail's outcome notifiers with ours and add the 集团审核 submission mail.

    The outcome notifiers handle every workflow, not only 集团审核, exactly
    like Wagtail's (same recipients plus earlier reviewers on rejection), so
    no workflow loses its mail and none gets two.
    """
    workflow_approved.disconnect(sender=WorkflowState, dispatch_uid=WAGTAIL_APPROVED_UID)
    workflow_approved.connect(
        approval_notifier, sender=WorkflowState, dispatch_uid=WAGTAIL_APPROVED_UID
    )
    workflow_rejected.disconnect(sender=WorkflowState, dispatch_uid=WAGTAIL_REJECTED_UID)
    workflow_rejected.connect(
        rejection_notifier, sender=WorkflowState, dispatch_uid=WAGTAIL_REJECTED_UID
    )
    task_submitted.connect(
        submission_notifier, sender=TaskState, dispatch_uid="group_review_task_submitted_email"
    )
    from .secrecy.task import SecrecyCheckTaskState

    task_submitted.connect(
        secrecy_hold_notifier,
        sender=SecrecyCheckTaskState,
        dispatch_uid="secrecy_check_hold_email",
    )
