from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SnippetsConfig(AppConfig):
    """Enterprises, taxonomies and (later) the resource listings of the indicator system."""

    name = "snippets"
    verbose_name = _("企业与分类")
