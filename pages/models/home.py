"""The home page: the latest items of every section and the notice strip."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page

from pages.forms import ReviewedPageForm
from pages.listing import with_card_data

HOME_ITEMS_PER_SECTION = 5


class HomePage(Page):
    """门户首页. Arrangeable home blocks come with issue #7; the sections are fixed here."""

    hero_title = models.CharField(_("主标题"), max_length=120, blank=True)
    hero_text = models.TextField(_("导语"), blank=True, max_length=500)
    featured_page = models.ForeignKey(
        "pages.ArticlePage",
        verbose_name=_("头条"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("首页头条；留空则显示最新的重大科技成就。"),
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "pages.NewsIndexPage",
        "pages.AchievementIndexPage",
        "pages.ExperienceIndexPage",
        "pages.TrendIndexPage",
        "pages.NoticeIndexPage",
        "pages.EnterpriseIndexPage",
        "pages.ResourceIndexPage",
        "pages.SupplyDemandIndexPage",
    ]
    template = "pages/home_page.html"

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("hero_title"), FieldPanel("hero_text")], heading=_("横幅")),
        FieldPanel("featured_page"),
        FieldPanel("secrecy_declaration"),
    ]
    base_form_class = ReviewedPageForm

    class Meta:
        verbose_name = _("首页")
        verbose_name_plural = _("首页")

    def get_sections(self, children=None):
        """The section pages under this home, each with its latest items."""
        from .sections import SectionPage

        sections = []
        if children is None:
            children = self.get_children().live().public().specific()
        for child in children:
            if isinstance(child, SectionPage):
                child.latest_items = list(
                    with_card_data(child.get_items())[:HOME_ITEMS_PER_SECTION]
                )
                sections.append(child)
        return sections

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = list(self.get_children().live().public().specific())
        sections = self.get_sections(children)
        context["sections"] = {s.stream: s for s in sections}
        featured = None
        if self.featured_page_id:
            from .articles import ArticlePage

            featured = with_card_data(
                ArticlePage.objects.live().public().filter(pk=self.featured_page_id)
            ).first()
        if featured is None and "achievements" in context["sections"]:
            latest = context["sections"]["achievements"].latest_items
            featured = latest[0] if latest else None
        context["featured"] = featured
        from .enterprise import EnterpriseIndexPage

        context["enterprise_index"] = EnterpriseIndexPage.objects.child_of(self).live().first()
        context["directories"] = self.get_directories(children, request)
        return context

    def get_directories(self, children, request=None):
        """资源共享 and 供求信息 with the public count of each listing type and their latest listings.

        Three queries however many listings there are: one grouped count and
        the latest of each directory (the directory pages are among ``children``).
        """
        from django.db.models import Count

        from snippets.models import ListingKind
        from snippets.views.public import KIND_SLUGS, public_listings

        from .directory import DirectoryPage

        pages = [p for p in children if isinstance(p, DirectoryPage)]
        if not pages:
            return []
        listings = public_listings(self.locale)
        counts = dict(
            listings.order_by().values_list("kind").annotate(n=Count("pk")).values_list("kind", "n")
        )
        directories = []
        for page in pages:
            url = page.get_url(request)
            kinds = [
                (ListingKind(kind).label, counts.get(kind, 0), f"{url}{KIND_SLUGS[kind]}/")
                for kind in page.kinds
            ]
            latest = list(
                listings.filter(kind__in=page.kinds)
                .select_related("enterprise")
                .order_by("-first_published_at", "-pk")[:HOME_ITEMS_PER_SECTION]
            )
            for item in latest:
                item.public_url = f"{url}{KIND_SLUGS[item.kind]}/{item.pk}/"
                item.is_fallback = item.locale_id != self.locale_id
            directories.append(
                {
                    "page": page,
                    "kinds": kinds,
                    "total": sum(n for _l, n, _u in kinds),
                    "latest": latest,
                }
            )
        return directories
