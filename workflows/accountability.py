"""谁上网、谁审核、谁负责: the accountability record of one item, shown to staff in its editor.

DESIGN.md §1 and §9 (保密审查 as practised): each item records its 信息采集人
(who submitted it), its 终审人 (the group reviewer who approved it), the
保密审查 decision (the automatic check passed it, or a named reviewer cleared
its hits, with the reason) and its 上网时间. Everything is read from what
Wagtail already keeps — workflow states, task states and the audit log
(``ceti.secrecy.*`` entries of the confidentiality check) — so the record
cannot drift from the review itself.

Two review cycles may matter at once: the one now under way (or last
returned) and the one that put the live version online. ``accountability_record``
gives both when they differ, in a fixed number of queries.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel
from wagtail.log_actions import registry as log_registry
from wagtail.models import Revision, TaskState, WorkflowState

SECRECY_CLEAN = "ceti.secrecy.pass"
SECRECY_HOLD = "ceti.secrecy.hold"
SECRECY_CLEAR = "ceti.secrecy.clear"
SECRECY_ACTIONS = (SECRECY_CLEAN, SECRECY_HOLD, SECRECY_CLEAR)

WORKFLOW_STATUS = {
    WorkflowState.STATUS_IN_PROGRESS: _("审核中"),
    WorkflowState.STATUS_APPROVED: _("审核通过"),
    WorkflowState.STATUS_NEEDS_CHANGES: _("已退回修改"),
    WorkflowState.STATUS_CANCELLED: _("已撤回"),
}


def person(user, user_id=None):
    """A user as 姓名（用户名）, the username alone without a name; None for the system."""
    if user is None:
        return _("已删除的用户") if user_id else None
    username = user.get_username()
    full_name = (user.get_full_name() or "").strip()
    return f"{full_name}（{username}）" if full_name and full_name != username else username


@dataclass
class Decision:
    """Who decided, when, and what they wrote."""

    by: str | None
    at: object
    comment: str = ""


@dataclass
class SecrecyDecision:
    """The 保密审查 outcome of one cycle: ``kind`` is pass, hold, clear or None (not yet run)."""

    kind: str | None
    label: str
    at: object = None
    by: str | None = None
    reason: str = ""
    findings: int = 0


@dataclass
class ReviewCycle:
    """One submission and what became of it."""

    status: str
    submitter: str | None
    submitted_at: object
    approval: Decision | None = None
    rejection: Decision | None = None
    secrecy: SecrecyDecision | None = None


@dataclass
class AccountabilityRecord:
    enterprise: object
    reviewing_group: str
    current: ReviewCycle | None
    published: ReviewCycle | None
    author: Decision | None
    live: bool
    first_published_at: object
    last_published_at: object


def _secrecy(entries):
    """The decision of a cycle from its ``ceti.secrecy.*`` entries (newest first)."""
    if not entries:
        return SecrecyDecision(None, _("尚未进行"))
    entry = entries[0]
    data = entry.data or {}
    findings = len(data.get("findings") or [])
    if entry.action == SECRECY_CLEAR:
        return SecrecyDecision(
            SECRECY_CLEAR,
            _("发现疑似涉密内容，经保密审查人确认误报，准予公开"),
            at=entry.timestamp,
            by=person(entry.user, entry.user_id),
            reason=str(data.get("reason") or ""),
            findings=findings,
        )
    if entry.action == SECRECY_HOLD:
        return SecrecyDecision(
            SECRECY_HOLD,
            _("发现疑似涉密内容，暂停发布，等待保密审查人决定"),
            at=entry.timestamp,
            findings=findings,
        )
    return SecrecyDecision(
        SECRECY_CLEAN, _("自动检查通过，未发现密级标志或敏感词"), at=entry.timestamp
    )


def _cycle(workflow_state, task_states, secrecy_entries):
    from .tasks import GroupReviewTask

    group_task_type = ContentType.objects.get_for_model(GroupReviewTask)
    mine = [ts for ts in task_states if ts.workflow_state_id == workflow_state.pk]
    approval = next(
        (
            Decision(person(ts.finished_by, ts.finished_by_id), ts.finished_at, ts.comment)
            for ts in mine
            if ts.status == TaskState.STATUS_APPROVED
            and ts.task.content_type_id == group_task_type.pk
        ),
        None,
    )
    rejection = next(
        (
            Decision(person(ts.finished_by, ts.finished_by_id), ts.finished_at, ts.comment)
            for ts in mine
            if ts.status == TaskState.STATUS_REJECTED
        ),
        None,
    )
    ids = {ts.pk for ts in mine}
    secrecy = [
        entry
        for entry in secrecy_entries
        if (entry.data or {}).get("task_state_id") in ids
        or (
            (entry.data or {}).get("task_state_id") is None
            and entry.timestamp >= workflow_state.created_at
        )
    ]
    return ReviewCycle(
        status=WORKFLOW_STATUS.get(workflow_state.status, workflow_state.status),
        submitter=person(workflow_state.requested_by, workflow_state.requested_by_id),
        submitted_at=workflow_state.created_at,
        approval=approval,
        rejection=rejection,
        secrecy=_secrecy(secrecy),
    )


def accountability_record(obj):
    """The accountability record of ``obj`` (a saved page or listing), in seven queries or fewer.

    Workflow states and revisions are keyed on the base content type (``Page``,
    ``Listing``), the log on the item's own log table.
    """
    from .tasks import _base_content_type, specific_object

    obj = specific_object(obj)
    base_type = _base_content_type(type(obj))
    object_id = str(obj.pk)
    states = WorkflowState.objects.filter(
        base_content_type=base_type, object_id=object_id
    ).select_related("requested_by")
    latest = states.order_by("-created_at", "-pk").first()
    approved = (
        latest
        if latest is not None and latest.status == WorkflowState.STATUS_APPROVED
        else states.filter(status=WorkflowState.STATUS_APPROVED)
        .order_by("-created_at", "-pk")
        .first()
    )
    cycles = [state for state in (latest, approved) if state is not None]
    task_states = list(
        TaskState.objects.filter(workflow_state__in=[s.pk for s in cycles])
        .select_related("finished_by", "task")
        .order_by("-finished_at", "-pk")
    )
    secrecy_entries = list(
        log_registry.get_logs_for_instance(obj)
        .filter(action__in=SECRECY_ACTIONS)
        .select_related("user")
        .order_by("-timestamp", "-pk")[:50]
    )
    current = _cycle(latest, task_states, secrecy_entries) if latest else None
    published = None
    if approved is not None and approved is not latest:
        earlier = [e for e in secrecy_entries if e.timestamp < latest.created_at]
        published = _cycle(approved, task_states, earlier)

    row = (
        base_type.model_class()
        ._default_manager.filter(pk=obj.pk)
        .values("live", "first_published_at", "last_published_at", "live_revision_id")
        .first()
        or {}
    )
    author = None
    if latest is None:
        # Never submitted (published by a platform administrator, or a draft):
        # the author of the live revision, else of the latest one.
        revisions = Revision.objects.filter(
            base_content_type=base_type, object_id=object_id
        ).select_related("user")
        revision = (
            revisions.filter(pk=row["live_revision_id"]).first()
            if row.get("live_revision_id")
            else revisions.order_by("-created_at", "-pk").first()
        )
        if revision is not None:
            author = Decision(person(revision.user, revision.user_id), revision.created_at)

    enterprise = getattr(obj, "owning_enterprise", None)
    return AccountabilityRecord(
        enterprise=enterprise,
        reviewing_group=enterprise.group.name if enterprise else str(_("监管机构")),
        current=current,
        published=published,
        author=author,
        live=bool(row.get("live")),
        first_published_at=row.get("first_published_at"),
        last_published_at=row.get("last_published_at"),
    )


class AccountabilityPanel(Panel):
    """The read-only 审核记录 of a page or listing in its editor (nothing here is a form field)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("谁上网、谁审核、谁负责"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "workflows/accountability/panel.html"

        def is_shown(self):
            return bool(getattr(self.instance, "pk", None)) and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["record"] = accountability_record(self.instance)
            return context
