"""Admin registration of the workflow models.

The sensitive-terms list is edited by the regulator (model permissions on
``workflows.SensitiveTerm``); everyone else never needs to see it.
"""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

import workflows.accounts  # noqa: F401 (scoped user bulk actions)
from workflows import (
    audit,  # noqa: F401 (审核记录 report: its menu item and URLs)
    permissions,
)
from workflows.models import AccountLogEntry, SensitiveTerm
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


@hooks.register("register_log_actions")
def log_accounts_apart(actions):
    """Account changes go to ``AccountLogEntry``, whose visibility follows account scoping."""
    actions.register_model(get_user_model(), AccountLogEntry)


@hooks.register("construct_page_chooser_queryset")
def keep_other_enterprises_drafts_out_of_the_chooser(pages, request):
    return permissions.choosable_pages(pages, request.user)
