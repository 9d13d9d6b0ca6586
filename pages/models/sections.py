"""Section listings at home level (科技动态, 重大科技成就 …).

Each aggregates one stream across all enterprises, with the reader's filters,
pagination and an RSS feed at ``<section>/feed/``. News, achievements and
experience live under the enterprises' sub-platforms; trends and notices are
regulator content and live under their own section page.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from pages.forms import ReviewedPageForm
from pages.listing import listing_context
from workflows import converters  # noqa: F401  (registers <int64:...>)

from .articles import AchievementPage, ExperiencePage, NewsPage, NoticePage, TrendPage


class SectionPage(RoutablePageMixin, Page):
    """Abstract base of the five section listings: one subclass per stream."""

    intro = models.TextField(_("栏目简介"), blank=True, max_length=500)

    item_model = None
    parent_page_types = ["pages.HomePage"]
    max_count_per_parent = 1
    # Wagtail names a template after each concrete class unless it is set on
    # that class, so every section repeats `template = SectionPage.template`.
    template = "pages/section_page.html"
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("secrecy_declaration")]
    base_form_class = ReviewedPageForm

    class Meta:
        abstract = True

    def get_items(self):
        """Live, public items of this stream in this section's language, newest first."""
        return (
            self.item_model.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .order_by("-first_published_at", "-pk")
        )

    @path("")
    def listing(self, request):
        context = self.get_context(request)
        context.update(listing_context(request, self.get_items()))
        return self.render(request, context_overrides=context)

    @path("feed/", name="feed")
    def feed(self, request):
        from pages.feeds import SectionFeed

        return SectionFeed()(request, section=self)

    @path("feed/atom/", name="atom_feed")
    def atom_feed(self, request):
        from pages.feeds import SectionFeed, atom

        return atom(SectionFeed)()(request, section=self)

    @property
    def stream(self):
        return self.item_model.stream


def section_model_for(stream):
    """The section page class that lists stream ``stream`` (news, achievements …), or None."""
    return next((m for m in SectionPage.__subclasses__() if m.item_model.stream == stream), None)


class NewsIndexPage(SectionPage):
    template = SectionPage.template
    item_model = NewsPage
    subpage_types = []

    class Meta:
        verbose_name = _("科技动态栏目")
        verbose_name_plural = _("科技动态栏目")


class AchievementIndexPage(SectionPage):
    template = SectionPage.template
    item_model = AchievementPage
    subpage_types = []

    class Meta:
        verbose_name = _("重大科技成就栏目")
        verbose_name_plural = _("重大科技成就栏目")


class ExperienceIndexPage(SectionPage):
    template = SectionPage.template
    item_model = ExperiencePage
    subpage_types = []

    class Meta:
        verbose_name = _("管理经验栏目")
        verbose_name_plural = _("管理经验栏目")


class TrendIndexPage(SectionPage):
    template = SectionPage.template
    item_model = TrendPage
    subpage_types = ["pages.TrendPage"]

    class Meta:
        verbose_name = _("国内外技术动态栏目")
        verbose_name_plural = _("国内外技术动态栏目")


class NoticeIndexPage(SectionPage):
    """通知公告, and the patent rankings (专利拥有情况排序) the regulator has released.

    A ranking is not a page but a frozen snapshot (``regulator.RankingRelease``),
    so it is served by routes of this section: ``patent-ranking/`` lists the
    released years, ``patent-ranking/<year>/`` shows one. The views are in
    regulator/views/ranking_public.py; an unreleased or withdrawn year is a 404.
    """

    template = SectionPage.template
    item_model = NoticePage
    subpage_types = ["pages.NoticePage"]

    class Meta:
        verbose_name = _("通知公告栏目")
        verbose_name_plural = _("通知公告栏目")

    def get_context(self, request, *args, **kwargs):
        from regulator.ranking import released_years

        context = super().get_context(request, *args, **kwargs)
        if released_years():  # cached; cleared when a ranking is released or withdrawn
            context["patent_ranking_url"] = self.get_url(request) + self.reverse_subpage(
                "patent_ranking"
            )
        return context

    @path("patent-ranking/", name="patent_ranking")
    def patent_ranking(self, request):
        from regulator.views.ranking_public import ranking_index

        return ranking_index(request, self)

    @path("patent-ranking/<int64:year>/", name="patent_ranking_year")
    def patent_ranking_year(self, request, year):
        from regulator.views.ranking_public import ranking_year

        return ranking_year(request, self, year=year)

    def get_sitemap_urls(self, request=None):
        from regulator.ranking import released_years

        urls = super().get_sitemap_urls(request)
        years = released_years()
        if urls and years:
            base = urls[0]["location"]
            urls.append({"location": base + self.reverse_subpage("patent_ranking")})
            urls.extend(
                {"location": base + self.reverse_subpage("patent_ranking_year", args=[year])}
                for year in years
            )
        return urls
