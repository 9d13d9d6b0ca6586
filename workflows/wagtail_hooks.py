"""Admin registration of the workflow models.

The sensitive-terms list is edited by the regulator (model permissions on
``workflows.SensitiveTerm``); everyone else never needs to see it.
"""

from django.contrib.auth import get_user_model
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

import workflows.accounts  # noqa: F401 (scoped user bulk actions)
import workflows.admin_guards  # noqa: F401 (before_move_page; screens that name a page)
from workflows import (
    audit,  # noqa: F401 (审核记录 report: its menu item and URLs)
    bulk_approve,
    dashboard,
    listing_review,
    permissions,
    reports,
)
from workflows.models import AccountLogEntry, SensitiveTerm
from workflows.secrecy import gate as secrecy_gate
from workflows.secrecy import guard as secrecy_guard
from workflows.secrecy import scheduled as secrecy_scheduled
from workflows.secrecy import task as secrecy_task


class SensitiveTermViewSet(SnippetViewSet):
    model = SensitiveTerm
    menu_label = _("敏感词")
    icon = "warning"
    add_to_admin_menu = True
    menu_order = 900
    list_display = ["term", "category", "is_active", "created_at"]
    list_filter = ["category", "is_active"]
    search_fields = ["term", "note"]
    ordering = ["term"]


register_snippet(SensitiveTermViewSet)


@hooks.register("register_log_actions")
def register_secrecy_log_actions(actions):
    secrecy_task.register_log_actions(actions)
    secrecy_scheduled.register_log_actions(actions)


@hooks.register("register_log_actions")
def log_accounts_apart(actions):
    """Account changes go to ``AccountLogEntry``, whose visibility follows account scoping."""
    actions.register_model(get_user_model(), AccountLogEntry)


@hooks.register("construct_page_chooser_queryset")
def keep_other_enterprises_drafts_out_of_the_chooser(pages, request):
    return permissions.choosable_pages(pages, request.user)


# Wagtail's workflow reports, opened to reviewers (workflows/reports.py).
@hooks.register("register_reports_menu_item")
def register_workflow_report_menu_item():
    return reports.WorkflowReportMenuItem(
        _("Workflows"),
        reverse("wagtailadmin_reports:workflow"),
        name="group-workflows",
        icon_name="tasks",
        order=800,
    )


@hooks.register("register_reports_menu_item")
def register_workflow_tasks_report_menu_item():
    return reports.WorkflowReportMenuItem(
        _("Workflow tasks"),
        reverse("wagtailadmin_reports:workflow_tasks"),
        name="group-workflow-tasks",
        icon_name="thumbtack",
        order=900,
    )


@hooks.register("construct_reports_menu")
def drop_wagtails_own_workflow_report_items(request, menu_items):
    menu_items[:] = [
        item for item in menu_items if item.name not in ("workflows", "workflow-tasks")
    ]


@hooks.register("after_edit_page")
def back_to_the_dashboard_after_deciding(request, page):
    """After 审核通过 / 退回 in the editor, Wagtail returns to the parent's explorer listing.

    Reviewers hold no page permission, so that listing would greet them with
    "没有权限访问" right under the success message; send them to their
    dashboard, where the rest of their inbox is, instead.
    """
    if request.method != "POST" or not request.POST.get("action-workflow-action"):
        return None
    if permissions.can_explore(request.user, page.get_parent()):
        return None
    return redirect("wagtailadmin_home")


# The reviewer's inbox, oldest first, with how long each item has waited.
hooks.register("construct_homepage_panels", dashboard.use_awaiting_review_panel)

# 保密审查 also on the platform administrator's direct publish buttons.
hooks.register("before_publish_page", secrecy_guard.refuse_publication_with_hits)
hooks.register("before_bulk_action", secrecy_guard.refuse_bulk_publication_with_hits)
# … and on the snippet editor's (resource listings): Wagtail's generic views run ``before_publish``.
hooks.register("before_publish", secrecy_guard.refuse_snippet_publication_with_hits)

# Resource listings under review (docs/resource-listings.md §3.4).
# 审核通过所选: per item, the same rules as the dashboard's button.
hooks.register("register_bulk_action", bulk_approve.ApproveBulkAction)


@hooks.register("register_actions")
def approve_in_the_listing_editor_without_a_new_revision(registry):
    """The snippet editor's 审核通过 saves no revision when nothing changed (maker-checker)."""
    from snippets.models import Listing

    registry.register(Listing, listing_review.ReviewEditAction)


# The one publish gate (workflows/secrecy/gate.py): the copy form's "publish copies" and alias and
# the write API's page actions (its last line is connected in WorkflowsConfig.ready).
hooks.register("before_copy_page", secrecy_guard.refuse_live_copy_with_hits)
hooks.register("register_actions", secrecy_gate.register_api_actions)
hooks.register("register_log_actions", secrecy_gate.register_log_actions)
