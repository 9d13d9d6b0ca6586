"""Wagtail's workflow reports, asked the platform's questions.

Wagtail opens its 工作流 / 工作流任务 reports to users with a page permission
and lists the items of every page they may change, cascading down the tree.
Here (DESIGN.md §4) a reviewer, who holds no page permission, sees the items
of the groups they review, and an editor sees the items of their own
enterprise only (``workflows.permissions.editable_pages``). The views replace
Wagtail's at the same URLs (``config/urls.py`` mounts them first), so every
link Wagtail makes to the reports lands here.
"""

from collections import defaultdict

from django.db.models import CharField, Q
from django.db.models.functions import Cast
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports.workflows import WorkflowTasksView, WorkflowView
from wagtail.models import TaskState, WorkflowState
from wagtail.models.content_types import get_default_page_content_type

from .listing_policy import visible_listings
from .permissions import editable_pages
from .roles import enterprises_of
from .tasks import _base_content_type, reviewed_objects_q


def is_reviewer(user):
    """Whether ``user`` reviews for any group or the regulator; asked once per request (menu, view)."""
    if not hasattr(user, "_ceti_is_reviewer"):
        user._ceti_is_reviewer = bool(enterprises_of(user, role="reviewer"))
    return user._ceti_is_reviewer


def workflow_states_for(user):
    """Q over ``WorkflowState``: what ``user`` writes, edits or reviews.

    Listings are the only snippets under review; all nine types share the
    base content type, so one clause covers them (those of the user's own
    enterprises and of the groups they review, ``visible_listings``).
    """
    from snippets.models import Listing

    page_ids = editable_pages(user).annotate(_id_text=Cast("id", CharField()))
    visible = Q(
        base_content_type_id=get_default_page_content_type().id,
        object_id__in=page_ids.values("_id_text"),
    )
    listing_ids = visible_listings(user).annotate(_id_text=Cast("id", CharField()))
    visible |= Q(
        base_content_type=_base_content_type(Listing),
        object_id__in=listing_ids.values("_id_text"),
    )
    reviewed = reviewed_objects_q(user)
    if reviewed is not None:
        visible |= reviewed
    return visible


def with_specific_objects(workflow_states):
    """Let Wagtail's report templates see the specific listings, not the base rows.

    ``WorkflowState.content_object`` is a key on the base content type, so a
    listing arrives as a plain ``Listing``, which has no snippet viewset for the
    templates' ``admin_url_name``. The specific rows are read in one query per
    type; assigning one also sets the key's content type to the child's, in
    memory only (reports never save).
    """
    from snippets.models import Listing

    base_rows = defaultdict(list)
    for state in workflow_states:
        if type(state.content_object) is Listing:
            base_rows[state.content_object.pk].append(state)
    if base_rows:
        for listing in Listing.objects.filter(pk__in=base_rows).specific():
            for state in base_rows[listing.pk]:
                state.content_object = listing
    return workflow_states


class ReviewerAccessMixin:
    def user_has_any_permission(self, permissions):
        return super().user_has_any_permission(permissions) or is_reviewer(self.request.user)


class ScopedWorkflowView(ReviewerAccessMixin, WorkflowView):
    def decorate_paginated_queryset(self, object_list):
        return with_specific_objects(super().decorate_paginated_queryset(object_list))

    def get_queryset(self):
        return (
            WorkflowState.objects.filter(workflow_states_for(self.request.user))
            .select_related("workflow", "requested_by")
            .prefetch_related("content_object", "content_object__latest_revision")
            .order_by("-created_at")
        )


class ScopedWorkflowTasksView(ReviewerAccessMixin, WorkflowTasksView):
    def decorate_paginated_queryset(self, object_list):
        task_states = super().decorate_paginated_queryset(object_list)
        with_specific_objects([task_state.workflow_state for task_state in task_states])
        return task_states

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
