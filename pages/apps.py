from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """The public site: home, section listings, enterprise sub-platforms and the five content streams."""

    name = "pages"
    verbose_name = _("页面")

    def ready(self):
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
