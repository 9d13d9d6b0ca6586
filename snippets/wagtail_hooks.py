"""Admin registration of the reference data, grouped under one menu.

Creating an Enterprise in the admin provisions its sub-platform at once
(DESIGN.md §3: "nothing else by hand"); editing one provisions whatever is
missing, so a renamed enterprise keeps its page, groups and collection.
"""

from django.contrib import messages
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from workflows.listing_policy import ListingPermissionPolicy

from .models import LISTING_MODELS, Enterprise, Listing, ListingLogEntry, TechField

# Row-level policies first: registering a snippet creates a fallback policy,
# after which Wagtail refuses a custom one. Exact class, because each type has
# its own Django permissions.
for _model in (Listing, *LISTING_MODELS):
    register_permission_policy(_model, ListingPermissionPolicy(_model), exact_class=True)


class EnterpriseViewSet(SnippetViewSet):
    model = Enterprise
    icon = "site"
    menu_label = _("企业")
    list_display = ["name", "short_name", "code", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["name", "short_name", "code"]
    ordering = ["sort_order", "code"]


class TechFieldViewSet(SnippetViewSet):
    model = TechField
    icon = "tag"
    menu_label = _("技术领域")
    list_display = ["name", "name_en", "slug", "sort_order"]


class ReferenceDataGroup(SnippetViewSetGroup):
    menu_label = _("企业与分类")
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (EnterpriseViewSet, TechFieldViewSet)


register_snippet(ReferenceDataGroup)


def _provision(request, instance, *, always_report):
    if not isinstance(instance, Enterprise):
        return
    from workflows.provisioning import provision_enterprise

    result = provision_enterprise(enterprise=instance, user=request.user)
    if result.created or always_report:
        messages.success(request, gettext("已开通子平台：%(name)s") % {"name": instance.name})


@hooks.register("after_create_snippet")
def provision_created_enterprise(request, instance):
    _provision(request, instance, always_report=True)


@hooks.register("after_edit_snippet")
def provision_edited_enterprise(request, instance):
    _provision(request, instance, always_report=False)


# Resource listings: one menu per public section, one viewset per type.
# (Row-level scoping of these views: snippets/views/admin.py.)
from .views.admin import ResourceListingsGroup, SupplyDemandListingsGroup  # noqa: E402

register_snippet(ResourceListingsGroup)
register_snippet(SupplyDemandListingsGroup)


@hooks.register("register_log_actions")
def register_listing_log(actions):
    actions.register_model(Listing, ListingLogEntry)
