"""Admin registration of the workflow models.

The sensitive-terms list is edited by the regulator (model permissions on
``workflows.SensitiveTerm``); everyone else never needs to see it.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from workflows.models import SensitiveTerm


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
