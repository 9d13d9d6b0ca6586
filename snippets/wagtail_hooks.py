"""Admin registration of the reference data, grouped under one menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Enterprise, TechField


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
