"""保密审查: the confidentiality check, the second step of the review workflow.

涉密信息不能上网 (DESIGN.md §1, §4). When the group's reviewers have approved an
item, this task scans the revision that is about to go online
(``workflows.secrecy.scan_object``: every text field, the StreamField body,
inline children and the text of attached documents):

- nothing found: the task approves itself at once, with no user, and the
  workflow publishes the item (``workflows.finish``);
- anything found: the item is held. It stays unpublished and locked, the
  group's reviewers (the same people who review, 谁发布谁审查) see it in their
  inbox with every hit in context, and they either return it to the editor
  (退回修改) or, for a false positive such as 秘密 in 揭开材料老化的秘密, clear it
  with a written reason (确认误报，准予公开). The reason is kept on the task
  state and in Wagtail's audit log (``ceti.secrecy.clear``).

A clearance covers the revision that was scanned and nothing else: if the item
changes while held, only 退回修改 is offered, so nothing unscanned is published.
"""

from dataclasses import asdict

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import Task, TaskState
from wagtail.signals import task_submitted

from workflows.secrecy.objects import scan_object
from workflows.tasks import OwningGroupReview, specific_object

HOLD = "ceti.secrecy.hold"
PASSED = "ceti.secrecy.pass"
CLEAR = "ceti.secrecy.clear"


class SecrecyCheckTaskState(TaskState):
    """A run of the confidentiality check on one revision, with what it found."""

    findings = models.JSONField(
        _("检查发现"),
        default=list,
        blank=True,
        help_text=_("每一处疑似涉密内容：词语、位置和上下文。"),
    )

    class Meta:
        verbose_name = _("保密审查记录")
        verbose_name_plural = _("保密审查记录")

    @property
    def hits(self):
        return self.findings or []


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("退回理由"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        error_messages={"required": _("请写明退回理由。")},
        help_text=_("说明哪些内容需要删改，会通过邮件发送给提交人。"),
    )


class ClearForm(forms.Form):
    comment = forms.CharField(
        label=_("确认误报的理由"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        min_length=4,
        error_messages={"required": _("请写明确认误报的理由。")},
        help_text=_(
            "逐条说明为什么上述内容不涉及国家秘密和企业商业秘密，如“‘秘密’为‘揭开材料老化的秘密’中的普通用语”。理由记入审核记录，由您负责。"
        ),
    )

    def clean_comment(self):
        comment = self.cleaned_data["comment"].strip()
        if len(comment) < 4:
            raise forms.ValidationError(_("请写明确认误报的理由。"))
        return comment


class SecrecyCheckTask(OwningGroupReview, Task):
    """保密审查: an automatic scan; a hit holds the item for the group's reviewers to decide."""

    task_state_class = SecrecyCheckTaskState

    class Meta:
        verbose_name = _("保密审查")
        verbose_name_plural = _("保密审查")

    @classmethod
    def get_description(cls):
        return _(
            "集团审核通过后自动检查正文、附件中的密级标志和敏感词；未发现则直接发布，发现疑似涉密内容则暂停发布，由集团审核员退回或写明理由后确认误报。"
        )

    def start(self, workflow_state, user=None):
        obj = workflow_state.content_object
        revision = obj.get_latest_revision()
        hits = scan_object(specific_object(revision.as_object()))
        task_state = SecrecyCheckTaskState(
            workflow_state=workflow_state,
            revision=revision,
            task=self,
            findings=[asdict(hit) for hit in hits],
        )
        instance = specific_object(obj)
        if not hits:
            # Approved by the system: no user, no inbox entry, no mail.
            task_state.status = TaskState.STATUS_APPROVED
            task_state.finished_at = timezone.now()
            task_state.comment = str(_("自动检查未发现密级标志或敏感词。"))
            task_state.save()
            log(
                instance=instance, action=PASSED, revision=revision, data=self._log_data(task_state)
            )
            return task_state
        task_state.status = TaskState.STATUS_IN_PROGRESS
        task_state.save()
        log(instance=instance, action=HOLD, revision=revision, data=self._log_data(task_state))
        task_submitted.send(sender=SecrecyCheckTaskState, instance=task_state, user=user)
        return task_state

    def _log_data(self, task_state, **extra):
        return {
            "task_state_id": task_state.pk,
            "findings": task_state.findings,
            **extra,
        }

    def is_current_revision(self, obj):
        """Whether ``obj`` still is the revision this run scanned."""
        workflow_state = getattr(obj, "current_workflow_state", None)
        task_state = workflow_state.current_task_state if workflow_state else None
        latest = obj.get_latest_revision()
        return task_state is not None and latest is not None and task_state.revision_id == latest.pk

    def get_actions(self, obj, user):
        if not self.can_decide(obj, user):
            return []
        actions = [("reject", _("退回修改"), True)]
        if self.is_current_revision(obj):
            actions.append(("clear", _("确认误报，准予公开"), True))
        return actions

    def get_form_for_action(self, action):
        return ClearForm if action == "clear" else ReturnForm

    def get_template_for_action(self, action):
        return "workflows/secrecy_action_modal.html"

    def perform_action(self, task_state, user, action_name, **kwargs):
        # The page editor's footer can post an action without the modal's
        # form: the reason is validated here too, never only in the browser.
        form = self.get_form_for_action(action_name)(data={"comment": kwargs.get("comment", "")})
        if not form.is_valid():
            raise PermissionDenied(" ".join(form.errors.get("comment", [])))
        comment = form.cleaned_data["comment"]
        task_state = task_state.specific
        if action_name == "reject":
            task_state.reject(user=user, comment=comment)
            return None
        instance = specific_object(task_state.workflow_state.content_object)
        log(
            instance=instance,
            action=CLEAR,
            user=user,
            revision=task_state.revision,
            data=self._log_data(task_state, reason=comment),
        )
        task_state.approve(user=user, comment=comment)
        return None

    # The inbox and editor access come from OwningGroupReview.


def register_log_actions(actions):
    """The three 保密审查 entries of Wagtail's audit log, with what was found and why."""
    from wagtail.log_actions import LogFormatter

    def count(log_entry):
        return len((log_entry.data or {}).get("findings") or [])

    @actions.register_action(PASSED)
    class PassFormatter(LogFormatter):
        label = _("保密审查：自动通过")
        message = _("保密审查自动检查未发现密级标志或敏感词")

    @actions.register_action(HOLD)
    class HoldFormatter(LogFormatter):
        label = _("保密审查：暂停发布")

        def format_message(self, log_entry):
            return _("保密审查发现 %(count)s 处疑似涉密内容，暂停发布") % {
                "count": count(log_entry)
            }

    @actions.register_action(CLEAR)
    class ClearFormatter(LogFormatter):
        label = _("保密审查：确认误报")

        def format_message(self, log_entry):
            return _("保密审查人确认 %(count)s 处为误报，准予公开") % {"count": count(log_entry)}

        def format_comment(self, log_entry):
            return (log_entry.data or {}).get("reason", "")
