"""审核通过所选: a group reviewer approves many listings at once (an import of hundreds is reviewed so).

Wagtail 8 has no bulk approval for snippets. This one asks, per item, exactly
what the dashboard's 审核通过 asks: the task's ``get_actions`` to decide
whether the item may be approved by this user, then ``task.on_action(task_state,
user, "approve")``. Maker-checker (own submissions and own last revisions) and
the owning group therefore hold item by item, and each approval runs the rest
of the workflow (保密审查, then publication) on its own.

Selected ids outside the listings the user may see answer 404, as every
listing view does; items the user sees but may not approve (their own, those
held in 保密审查, those not under review) are reported as a number, never by
name. The button is shown to reviewers only (``is_shown``, read by the bulk
action footer in ``workflows/templates/wagtailadmin/bulk_actions/footer.html``).
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import WorkflowState
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from snippets.bulk_actions import ScopedListingBulkActionMixin

from .listing_policy import reviewed_group_ids

APPROVE = "approve"


class BulkApproveForm(forms.Form):
    comment = forms.CharField(
        label=_("审核意见"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("可不填；填写的意见记入每一条的审核记录，并通过邮件发送给提交人。"),
    )


def can_approve(listing, user):
    """Whether ``user`` may approve ``listing`` now: the question the dashboard's button asks."""
    task_state = listing.current_workflow_task_state
    if task_state is None:
        return False
    task = task_state.task.specific
    return APPROVE in {name for name, _label, _modal in task.get_actions(listing, user)}


class ApproveBulkAction(ScopedListingBulkActionMixin, SnippetBulkAction):
    display_name = _("审核通过所选")
    action_type = APPROVE
    aria_label = _("审核通过所选资源信息")
    template_name = "workflows/bulk_actions/confirm_bulk_approve.html"
    action_priority = 20
    form_class = BulkApproveForm

    @classmethod
    def is_shown(cls, user):
        """Reviewers only: superusers and editors never approve (谁审核、谁负责 names a group reviewer)."""
        return bool(reviewed_group_ids(user))

    def dispatch(self, request, *args, **kwargs):
        if not self.is_shown(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def check_perm(self, listing):
        return can_approve(listing, self.request.user)

    @cached_property
    def _partition(self):
        # Ids outside the user's listings: 404 (ScopedListingBulkActionMixin.get_queryset).
        approvable, context = super().get_actionable_objects()
        return approvable, len(context["items_with_no_access"])

    def get_actionable_objects(self):
        approvable, refused = self._partition
        # Refused items are counted, never listed: their titles are not this user's to read here.
        return approvable, {"items_with_no_access": [], "refused_count": refused}

    def get_execution_context(self):
        return {
            **super().get_execution_context(),
            "user": self.request.user,
            "comment": self.cleaned_form.cleaned_data.get("comment", "")
            if self.cleaned_form
            else "",
        }

    @classmethod
    def execute_action(cls, objects, user=None, comment="", self=None, **kwargs):
        outcome = approve_each(objects, user, comment=comment)
        self.outcome = outcome
        return outcome["published"], outcome["held"]

    def get_success_message(self, num_parent_objects, num_child_objects):
        outcome = self.outcome
        approved = outcome["published"] + outcome["held"]
        parts = [
            gettext("已审核通过 %(approved)d 条，其中 %(published)d 条已发布。")
            % {"approved": approved, "published": outcome["published"]}
        ]
        if outcome["held"]:
            parts.append(
                gettext("%(count)d 条经保密审查发现疑似涉密内容，暂停发布，请在审核面板中处理。")
                % {"count": outcome["held"]}
            )
        refused = outcome["refused"] + self._partition[1]
        if refused:
            parts.append(
                gettext(
                    "%(count)d 条您不能审核（自己提交或编辑的、已暂停发布或不在审核中的），未作处理。"
                )
                % {"count": refused}
            )
        return "".join(parts)


def approve_each(listings, user, *, comment=""):
    """Approve each listing as ``user``, each in its own savepoint; returns the counts.

    ``published``: approved and online; ``held``: approved, then held by
    保密审查; ``refused``: the task refused this user (maker-checker, another
    group) or publication was refused, and nothing of that item changed.
    """
    outcome = {"published": 0, "held": 0, "refused": 0}
    for listing in listings:
        task_state = listing.current_workflow_task_state
        if task_state is None:
            outcome["refused"] += 1
            continue
        try:
            with transaction.atomic():
                task_state.task.specific.on_action(task_state, user, APPROVE, comment=comment)
        except PermissionDenied:
            outcome["refused"] += 1
            continue
        workflow_state = WorkflowState.objects.get(pk=task_state.workflow_state_id)
        if workflow_state.status == WorkflowState.STATUS_APPROVED:
            outcome["published"] += 1
        else:
            outcome["held"] += 1
    return outcome
