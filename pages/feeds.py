"""RSS and Atom feeds per section, per enterprise sub-platform and per listing directory.

Each feed is served at ``feed/`` (RSS 2.0) and ``feed/atom/`` (Atom 1.0) of
its page; ``atom()`` makes the Atom variant of a feed class.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from pages.listing import PAGE_SIZE

FEED_SIZE = PAGE_SIZE * 2


class _ArticleFeed(Feed):
    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_author_name(self, item):
        return item.enterprise.display_name if item.enterprise else None


class SectionFeed(_ArticleFeed):
    def get_object(self, request, section):
        return section

    def title(self, section):
        return section.title

    def link(self, section):
        return section.get_url(self.request)

    def description(self, section):
        return section.intro or section.title

    def items(self, section):
        return section.get_items().select_related("enterprise")[:FEED_SIZE]


class EnterpriseFeed(_ArticleFeed):
    def get_object(self, request, enterprise_page):
        return enterprise_page

    def title(self, page):
        return page.title

    def link(self, page):
        return page.get_url(self.request)

    def description(self, page):
        return page.intro or page.enterprise.display_introduction or page.title

    def items(self, page):
        return page.get_items().select_related("enterprise")[:FEED_SIZE]


class DirectoryFeed(Feed):
    """The newest public listings of 资源共享 or 供求信息 (one kind with ``kind``)."""

    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, directory, kind=None):
        self.kind = kind
        self.directory_url = directory.get_url(request)
        return directory

    def title(self, directory):
        if self.kind:
            from snippets.models import ListingKind

            return f"{directory.title} · {ListingKind(self.kind).label}"
        return directory.title

    def link(self, directory):
        return directory.get_url(self.request)

    def description(self, directory):
        return directory.intro or directory.title

    def items(self, directory):
        from snippets.views.public import public_listings

        listings = public_listings(directory.locale).filter(kind__in=directory.kinds)
        if self.kind:
            listings = listings.filter(kind=self.kind)
        return listings.select_related("enterprise").order_by("-first_published_at", "-pk")[
            :FEED_SIZE
        ]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        from snippets.views.public import detail_path

        return self.request.build_absolute_uri(self.get_object_page_url() + detail_path(item))

    def get_object_page_url(self):
        return self._directory_url

    def get_feed(self, obj, request):
        self._directory_url = obj.get_url(request)
        return super().get_feed(obj, request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_author_name(self, item):
        return item.enterprise.display_name


def atom(feed_class):
    """The Atom 1.0 variant of an RSS feed class (Atom requires a subtitle, taken from the description)."""
    return type(
        f"Atom{feed_class.__name__}",
        (feed_class,),
        {"feed_type": Atom1Feed, "subtitle": feed_class.description},
    )
