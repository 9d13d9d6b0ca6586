from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import SearchTerm


class SearchTermViewSet(SnippetViewSet):
    """搜索词典: terms administrators add so that search keeps them whole."""

    model = SearchTerm
    icon = "search"
    menu_label = _("搜索词典")
    menu_order = 900
    add_to_settings_menu = True
    list_display = ["term", "note", "created_at"]
    search_fields = ["term", "note"]
    search_backend_name = None  # a short table: the database's icontains is enough
    ordering = ["term"]


register_snippet(SearchTermViewSet)
