"""The public directories of the resource listings: 资源共享 and 供求信息.

Listings are snippets, not pages (docs/resource-listings.md §2), so each
directory is one page whose routes list and show them: ``""`` all kinds of
the section, ``<kind-slug>/`` one kind, ``<kind-slug>/<pk>/`` the detail (the
listing's stable URL) and ``<kind-slug>/<pk>/enquiry/`` the enquiry form's
POST. The views are in snippets/views/public.py and snippets/views/enquiry.py;
the page only holds the title, the introduction and the place in the tree.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from pages.forms import ReviewedPageForm
from snippets.models import RESOURCE_KINDS, SUPPLY_DEMAND_KINDS
from workflows import converters  # noqa: F401  (registers <int64:...>)


class DirectoryPage(RoutablePageMixin, Page):
    """Abstract base of the two listing directories; ``kinds`` are the listing kinds it shows."""

    intro = models.TextField(_("栏目简介"), blank=True, max_length=500)

    kinds = ()
    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("secrecy_declaration")]
    base_form_class = ReviewedPageForm

    class Meta:
        abstract = True

    @path("")
    def directory(self, request):
        from snippets.views.public import directory

        return directory(request, self, kind_slug=None)

    @path("feed/", name="feed")
    def feed(self, request):
        from pages.feeds import DirectoryFeed

        return DirectoryFeed()(request, directory=self)

    @path("feed/atom/", name="atom_feed")
    def atom_feed(self, request):
        from pages.feeds import DirectoryFeed, atom

        return atom(DirectoryFeed)()(request, directory=self)

    @path("<slug:kind_slug>/feed/", name="kind_feed")
    def kind_feed(self, request, kind_slug):
        from pages.feeds import DirectoryFeed
        from snippets.views.public import kind_of_slug

        return DirectoryFeed()(request, directory=self, kind=kind_of_slug(self, kind_slug))

    @path("<slug:kind_slug>/", name="kind")
    def kind_directory(self, request, kind_slug):
        from snippets.views.public import directory

        return directory(request, self, kind_slug=kind_slug)

    @path("<slug:kind_slug>/<int64:pk>/", name="detail")
    def detail(self, request, kind_slug, pk):
        from snippets.views.public import detail

        return detail(request, self, kind_slug=kind_slug, pk=pk)

    @path("<slug:kind_slug>/<int64:pk>/enquiry/", name="enquiry")
    def enquiry(self, request, kind_slug, pk):
        from snippets.views.enquiry import enquiry

        return enquiry(request, self, kind_slug=kind_slug, pk=pk)


class ResourceIndexPage(DirectoryPage):
    """资源共享: national institutions, experts, instruments, results and ongoing projects."""

    kinds = tuple(RESOURCE_KINDS)

    class Meta:
        verbose_name = _("资源共享栏目")
        verbose_name_plural = _("资源共享栏目")


class SupplyDemandIndexPage(DirectoryPage):
    """供求信息: technology transfer, technical challenges, jobs and new products."""

    kinds = tuple(SUPPLY_DEMAND_KINDS)

    class Meta:
        verbose_name = _("供求信息栏目")
        verbose_name_plural = _("供求信息栏目")


DIRECTORIES_CACHE_SECONDS = 300


def directories_for(locale_id):
    """[(title, url, kinds)] of the live directory pages of a language, cached for five minutes.

    Sub-platform pages and search results link into the directories on every
    request; their URLs change only when an administrator moves or renames
    the section, so they are read from the cache rather than the page tree.
    """
    from django.core.cache import cache

    key = f"directory-pages:{locale_id}"
    directories = cache.get(key)
    if directories is None:
        directories = [
            (page.title, page.url, tuple(page.kinds))
            for model in (ResourceIndexPage, SupplyDemandIndexPage)
            for page in model.objects.live().public().filter(locale_id=locale_id)[:1]
        ]
        cache.set(key, directories, DIRECTORIES_CACHE_SECONDS)
    return directories
