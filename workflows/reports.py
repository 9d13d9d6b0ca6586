"""Wagtail's workflow reports, asked the platform's questions.

Wagtail opens its 工作流 / 工作流任务 reports to users with a page permission
and lists the items of every page they may change, cascading down the tree.
Here (DESIGN.md §4) a reviewer, who holds no page permission, sees the items
of the groups they review, and an editor sees the items of their own
enterprise only (``workflows.permissions.editable_pages``). The views replace
Wagtail's at the same URLs (``config/urls.py`` mounts them first), so every
link Wagtail makes to the reports lands here.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports.workflows import WorkflowTasksView, WorkflowView
from wagtail.models import TaskState, WorkflowState
from wagtail.models.content_types import get_default_page_content_type
from wagtail.snippets.models import get_editable_models

from .permissions import editable_pages
from .roles import enterprises_of
from .tasks import reviewed_objects_q


def is_reviewer(user):
    """Whether ``user`` reviews for any group or the regulator; asked once per request (menu, view)."""
    if not hasattr(user, "_ceti_is_reviewer"):
        user._ceti_is_reviewer = bool(enterprises_of(user, role="reviewer"))
    return user._ceti_is_reviewer


def workflow_states_for(user):
    """Q over ``WorkflowState``: what ``user`` writes, edits or reviews."""
    page_ids = editable_pages(user).annotate(_id_text=Cast("id", CharField()))
    visible = Q(
        base_content_type_id=get_default_page_content_type().id,
        object_id__in=page_ids.values("_id_text"),
    )
    # Snippets: Wagtail's rule until the listings bring their own (issue #4).
    snippet_types = ContentType.objects.get_for_models(*get_editable_models(user)).values()
    visible |= Q(content_type_id__in=[content_type.pk for content_type in snippet_types])
    reviewed = reviewed_objects_q(user)
    if reviewed is not None:
        visible |= reviewed
    return visible


class ReviewerAccessMixin:
    def user_has_any_permission(self, permissions):
        return super().user_has_any_permission(permissions) or is_reviewer(self.request.user)


class ScopedWorkflowView(ReviewerAccessMixin, WorkflowView):
    def get_queryset(self):
        return (
            WorkflowState.objects.filter(workflow_states_for(self.request.user))
            .select_related("workflow", "requested_by")
            .prefetch_related("content_object", "content_object__latest_revision")
            .order_by("-created_at")
        )


class ScopedWorkflowTasksView(ReviewerAccessMixin, WorkflowTasksView):
    def get_queryset(self):
        states = WorkflowState.objects.filter(workflow_states_for(self.request.user))
        return (
            TaskState.objects.filter(workflow_state__in=states.values("pk"))
            .select_related("workflow_state", "task")
            .prefetch_related(
                "workflow_state__content_object",
                "workflow_state__content_object__latest_revision",
            )
            .order_by("-started_at")
        )


class WorkflowReportMenuItem(MenuItem):
    """Shown to editors (as Wagtail does) and to reviewers, who hold no page permission."""

    def is_shown(self, request):
        from wagtail.permissions import page_permission_policy

        return page_permission_policy.user_has_any_permission(
            request.user, ["add", "change", "publish"]
        ) or is_reviewer(request.user)


def urlpatterns(prefix):
    """The report URLs Wagtail uses (``wagtailadmin_reports:workflow`` …), served by these views."""
    from django.urls import path
    from wagtail.admin.auth import require_admin_access

    return [
        path(
            f"{prefix}{slug}/{suffix}",
            require_admin_access(view.as_view(results_only=bool(suffix))),
        )
        for slug, view in (
            ("workflow", ScopedWorkflowView),
            ("workflow_tasks", ScopedWorkflowTasksView),
        )
        for suffix in ("", "results/")
    ]
