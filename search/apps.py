from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Site search: Chinese word segmentation, the domain dictionary, the search page.

    One app rather than a corner of ``pages``: it owns a model (the dictionary
    administrators extend), the search backend every model is indexed through,
    and a search that spans page types and, later, the resource listings of
    ``snippets``.
    """

    name = "search"
    verbose_name = _("站内搜索")

    def ready(self):
        from search import dictionary

        dictionary.connect_signals()
