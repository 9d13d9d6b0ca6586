"""Admin views of the resource listings."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from snippets.models import (
    LISTING_MODEL_BY_KIND,
    RESOURCE_KINDS,
    SUPPLY_DEMAND_KINDS,
)

ICONS = {
    "institution": "site",
    "expert": "user",
    "instrument": "cogs",
    "result": "success",
    "project": "tasks",
    "transfer": "resubmit",
    "challenge": "help",
    "job": "group",
    "product": "pick",
}


class ListingViewSet(SnippetViewSet):
    list_display = ["title", "enterprise", "status", "valid_until", "completeness"]
    list_filter = ["status", "region"]
    search_fields = ["title", "summary"]
    copy_view_enabled = False
    inspect_view_enabled = False


def viewset_for(kind):
    model = LISTING_MODEL_BY_KIND[kind]
    return type(
        f"{model.__name__}ViewSet",
        (ListingViewSet,),
        {"model": model, "icon": ICONS[kind], "menu_label": model._meta.verbose_name_plural},
    )


class ResourceListingsGroup(SnippetViewSetGroup):
    menu_label = _("可共享资源")
    menu_icon = "folder-inverse"
    menu_order = 210
    items = tuple(viewset_for(kind) for kind in RESOURCE_KINDS)


class SupplyDemandListingsGroup(SnippetViewSetGroup):
    menu_label = _("供求信息")
    menu_icon = "folder-inverse"
    menu_order = 220
    items = tuple(viewset_for(kind) for kind in SUPPLY_DEMAND_KINDS)
