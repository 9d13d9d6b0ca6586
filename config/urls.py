from pathlib import Path

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from api import mount as api_mount
from pages import views as page_views
from pages.sitemaps import BilingualSitemap, ListingSitemap
from search import views as search_views
from snippets.views import localize as listing_localize
from workflows import admin_guards
from workflows import reports as workflow_reports

urlpatterns = [
    # Wagtail's workflow reports, scoped to what the user writes or reviews
    # (workflows/reports.py); mounted before the admin so they take its URLs.
    *workflow_reports.urlpatterns("admin/reports/"),
    # wagtail-localize's views, asking the row-level policy for resource
    # listings (snippets/views/localize.py); before the admin, at its URLs.
    *listing_localize.urlpatterns("admin/localize/"),
    # Wagtail's page screens that would name a page before asking who is looking
    # (workflows/admin_guards.py); before the admin, at its URLs.
    *admin_guards.urlpatterns("admin/", wagtailadmin_urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"pages": BilingualSitemap, "listings": ListingSitemap}},
        name="sitemap",
    ),
    path("robots.txt", page_views.robots_txt, name="robots_txt"),
    # The headless API (api/mount.py): Wagtail's API v3 with the platform's endpoints.
    path("api/v3/", api_mount.get_api().urls),
    path("i18n/setlang/", set_language, name="set_language"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    # Images only: documents are served by /documents/<id>/<name>, which asks the access
    # module (enterprises/); production's web server must not expose media/documents/ either.
    for folder in ("images", "original_images"):
        urlpatterns += static(
            f"{settings.MEDIA_URL}{folder}/", document_root=Path(settings.MEDIA_ROOT) / folder
        )

# Chinese at /, English at /en/ (DESIGN.md §5).
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler500 = "pages.views.server_error"
