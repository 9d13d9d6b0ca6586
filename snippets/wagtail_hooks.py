"""Admin registration of the reference data, grouped under one menu.

Creating an Enterprise in the admin provisions its sub-platform at once
(DESIGN.md §3: "nothing else by hand"); editing one provisions whatever is
missing, so a renamed enterprise keeps its page, groups and collection.
"""

from django.contrib import messages
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.admin_url_finder import register_admin_url_finder
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from enterprises import access
from workflows import converters  # noqa: F401  (registers <int64:...>)
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
from . import bulk_actions  # noqa: E402, F401  (scoped bulk delete, registered on import)
from .views.admin import (  # noqa: E402
    ListingAdminURLFinder,
    ResourceListingsGroup,
    SupplyDemandListingsGroup,
)

register_snippet(ResourceListingsGroup)
register_snippet(SupplyDemandListingsGroup)
# Connects the receivers that refresh the directories' facet counts when a listing is
# published, unpublished or deleted, in every process (also management commands).
from .views import public as _public_directory  # noqa: E402, F401

# Workflow states and logs hand out base ``Listing`` rows, which no viewset covers.
register_admin_url_finder(Listing, ListingAdminURLFinder)


@hooks.register("register_log_actions")
def register_listing_log(actions):
    actions.register_model(Listing, ListingLogEntry)


# 对接意向: read-only and scoped to the listing's enterprise (snippets/views/enquiries.py).
# The policy goes in before the viewset registers, which would otherwise add a fallback.
from .models import Enquiry  # noqa: E402
from .views.enquiries import EnquiryPermissionPolicy, EnquiryViewSet  # noqa: E402

register_permission_policy(Enquiry, EnquiryPermissionPolicy(Enquiry), exact_class=True)


@hooks.register("register_admin_viewset")
def register_enquiry_viewset():
    return EnquiryViewSet("enquiries")


# 首次登写: XLSX template, bulk import and export of the listings (snippets/views/imports.py).
@hooks.register("register_admin_urls")
def register_listing_transfer_urls():
    from django.urls import include, path

    from .views import imports

    urls = [
        path("", imports.TransferIndexView.as_view(), name="index"),
        path("<str:kind>/template/", imports.TemplateDownloadView.as_view(), name="template"),
        path("<str:kind>/import/", imports.ImportView.as_view(), name="import"),
        path("<str:kind>/export/", imports.ExportView.as_view(), name="export"),
        path("imports/<int64:pk>/", imports.ImportStatusView.as_view(), name="status"),
        path("imports/<int64:pk>/progress/", imports.ImportProgressView.as_view(), name="progress"),
        path("imports/<int64:pk>/errors/", imports.ErrorReportView.as_view(), name="errors"),
    ]
    return [path("listings/io/", include((urls, "listing_io"), namespace="listing_io"))]


@hooks.register("register_admin_menu_item")
def register_listing_transfer_menu_item():
    from django.urls import reverse
    from wagtail.admin.menu import MenuItem

    from .views.imports import user_can_transfer_any

    class TransferMenuItem(MenuItem):
        def is_shown(self, request):
            return user_can_transfer_any(request.user)

    return TransferMenuItem(
        _("批量导入与导出"),
        reverse("listing_io:index"),
        name="listing-transfer",
        icon_name="download",
        order=230,
    )


# Files used by a listing are public while the listing is (enterprises/access.py).
access.register_public_items(Listing, lambda: Listing.objects.public())
