from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = _("开放接口")

    def ready(self):
        # Wagtail generates its page schemas when its API module is first
        # imported: the article fields must be declared before that. The
        # routers are added when config/urls.py mounts the API (mount.get_api):
        # the listing write schemas come from the snippet editors' forms, which
        # exist once the wagtail_hooks modules have registered the snippets.
        from . import pages

        pages.expose_article_fields()
