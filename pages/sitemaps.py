"""sitemap.xml for both languages.

Wagtail's own sitemap lists the descendants of the site's root page only,
which is the Chinese tree; the English tree is a translation of that root.
"""

from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class BilingualSitemap(Sitemap):
    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_any_tree = Q()
        for path in roots.values_list("path", flat=True):
            in_any_tree |= Q(path__startswith=path)
        return (
            Page.objects.filter(in_any_tree)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


class ListingSitemap(DjangoSitemap):
    """The detail pages of public listings, under the 资源共享 / 供求信息 page of their language.

    ``Listing.objects.public()`` decides, so an expired listing leaves the
    sitemap at midnight. An untranslated Chinese listing shown on the English
    site is listed once, at its Chinese URL.
    """

    def items(self):
        from pages.models import DirectoryPage
        from snippets.models import Listing
        from snippets.views.public import detail_path

        directories = {}
        for model in DirectoryPage.__subclasses__():
            for page in model.objects.live().public():
                parts = page.get_url_parts()
                if parts is None:
                    continue
                for kind in model.kinds:
                    directories[(kind, page.locale_id)] = parts[2]
        listings = (
            Listing.objects.public()
            .filter(kind__in={kind for kind, _locale in directories})
            .only("pk", "kind", "locale_id", "last_published_at")
            .order_by("pk")
        )
        return [
            (directories[(listing.kind, listing.locale_id)] + detail_path(listing), listing)
            for listing in listings
            if (listing.kind, listing.locale_id) in directories
        ]

    def location(self, item):
        return item[0]

    def lastmod(self, item):
        return item[1].last_published_at
