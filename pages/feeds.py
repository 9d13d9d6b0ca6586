"""RSS feeds per section and per enterprise sub-platform."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed

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
