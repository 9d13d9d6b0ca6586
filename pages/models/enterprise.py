"""企业子平台: one page per enterprise, the root of everything it publishes.

One subtree per enterprise means one set of page permissions per role per
enterprise (DESIGN.md §3); provisioning (issue #3) creates these pages.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page

from pages.blocks import NavLinksBlock
from pages.forms import EnterprisePageForm, ReviewedPageForm
from pages.listing import listing_context
from workflows.permissions import EnterpriseOwnedPage

from .articles import ArticlePage

STREAMS = ("news", "achievements", "experience")


class EnterpriseIndexPage(Page):
    """企业子平台 directory: every group company with its subsidiaries."""

    intro = models.TextField(_("简介"), blank=True, max_length=500)

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.EnterprisePage"]
    max_count_per_parent = 1
    template = "pages/enterprise_index_page.html"
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("secrecy_declaration")]
    base_form_class = ReviewedPageForm

    class Meta:
        verbose_name = _("企业子平台目录")
        verbose_name_plural = _("企业子平台目录")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        pages = list(
            EnterprisePage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("enterprise", "enterprise__logo")
            .order_by("enterprise__sort_order", "enterprise__code")
        )
        groups = [p for p in pages if p.enterprise.is_group]
        for group_page in groups:
            group_page.subsidiary_pages = [
                p for p in pages if p.enterprise.parent_id == group_page.enterprise_id
            ]
        context["group_pages"] = groups
        return context


class EnterprisePage(EnterpriseOwnedPage, RoutablePageMixin, Page):
    """A group company's or subsidiary's sub-platform, listing its own items.

    A group's page lists its subsidiaries' items too, since the group answers
    for them (集团公司审核确认后统一纳入平台数据库).
    """

    enterprise = models.ForeignKey(
        "snippets.Enterprise",
        verbose_name=_("企业"),
        on_delete=models.PROTECT,
        related_name="sub_platform_pages",
    )
    intro = models.TextField(
        _("子平台简介"), blank=True, max_length=1000, help_text=_("留空则显示企业简介。")
    )
    nav_links = StreamField(
        NavLinksBlock(),
        verbose_name=_("子平台导航链接"),
        blank=True,
        help_text=_(
            "子平台导航栏中“首页、科技动态、重大科技成就、管理经验、资源共享、供求信息”之后的链接，"
            "如专题页面或企业其他网站，最多 8 个。"
        ),
    )

    parent_page_types = ["pages.EnterpriseIndexPage", "pages.EnterprisePage"]
    subpage_types = [
        "pages.EnterprisePage",
        "pages.NewsPage",
        "pages.AchievementPage",
        "pages.ExperiencePage",
    ]
    template = "pages/enterprise_page.html"
    content_panels = Page.content_panels + [
        FieldPanel("enterprise"),
        FieldPanel("intro"),
        FieldPanel("nav_links"),
        FieldPanel("secrecy_declaration"),
    ]
    base_form_class = EnterprisePageForm

    class Meta:
        verbose_name = _("企业子平台")
        verbose_name_plural = _("企业子平台")

    @property
    def owning_enterprise(self):
        return self.enterprise

    def clean(self):
        super().clean()
        parent = self.get_parent() if self.path else None
        if parent is None or not self.enterprise_id:
            return
        parent = parent.specific
        expected_parent = self.enterprise.parent_id
        actual_parent = parent.enterprise_id if isinstance(parent, EnterprisePage) else None
        if expected_parent != actual_parent:
            raise ValidationError(
                {
                    "enterprise": _(
                        "所属企业的子平台应建在其集团公司子平台之下，集团公司建在企业子平台目录下。"
                    )
                }
            )

    def get_items(self):
        from snippets.models import Enterprise

        return (
            ArticlePage.objects.live()
            .public()
            .filter(
                locale_id=self.locale_id,
                enterprise__in=Enterprise.objects.family_of(self.enterprise).values("pk"),
            )
            .order_by("-first_published_at", "-pk")
        )

    @path("")
    def listing(self, request):
        stream = request.GET.get("stream")
        items = self.get_items()
        if stream in STREAMS:
            from django.contrib.contenttypes.models import ContentType

            from .sections import section_model_for

            model = section_model_for(stream).item_model
            items = items.filter(content_type=ContentType.objects.get_for_model(model))
        else:
            stream = ""
        context = self.get_context(request)
        context.update(listing_context(request, items))
        context["stream"] = stream
        context["streams"] = STREAMS
        context["subsidiary_pages"] = self.subsidiary_pages()
        context["directory_links"] = self.directory_links(request)
        return self.render(request, context_overrides=context)

    def subsidiary_pages(self):
        """A group's live subsidiaries' sub-platforms (one query); [] for a subsidiary."""
        if not self.enterprise.is_group:
            return []
        return list(
            EnterprisePage.objects.live()
            .public()
            .child_of(self)
            .select_related("enterprise")
            .order_by("enterprise__sort_order", "enterprise__code")
        )

    def navigation(
        self,
        request,
        *,
        stream=None,
        current_page=None,
        subsidiary_pages=None,
        directory_links=None,
    ):
        """The sub-platform's own navigation bar: 首页, its streams, its listings, its subsidiaries, extra links.

        ``stream`` is the stream shown ("" for all of them on the sub-platform
        itself, a stream key on one of its items), ``current_page`` the page
        being read. The sub-platform's listing passes the subsidiaries and the
        directory links (with counts) it already has; elsewhere they cost one
        query (subsidiaries) and none (directories come from the cache).
        """
        from .directory import directories_for
        from .sections import section_model_for

        url = self.get_url(request)
        on_listing = current_page is not None and current_page.pk == self.pk
        links = [
            {
                "title": _("首页"),
                "url": url,
                "current": "page" if on_listing and not stream else None,
                "count": None,
            }
        ]
        for key in STREAMS:
            current = None
            if stream == key:
                current = "page" if on_listing else "true"
            links.append(
                {
                    "title": section_model_for(key).item_model.stream_label,
                    "url": f"{url}?stream={key}",
                    "current": current,
                    "count": None,
                }
            )
        if directory_links is None:
            directory_links = [
                (title, f"{dir_url}?enterprise={self.enterprise.code}", None)
                for title, dir_url, _kinds in directories_for(self.locale_id)
            ]
        for title, dir_url, count in directory_links:
            links.append({"title": title, "url": dir_url, "current": None, "count": count})
        extra = []
        for block in self.nav_links:
            value = block.value
            page = value.get("page")
            if page is not None:
                if not page.live:
                    continue
                extra.append(
                    {
                        "title": value.get("text") or page.title,
                        "url": page.get_url(request),
                        "current": "page"
                        if current_page is not None and page.pk == current_page.pk
                        else None,
                        "count": None,
                    }
                )
            elif value.get("url"):
                extra.append(
                    {
                        "title": value.get("text"),
                        "url": value["url"],
                        "current": None,
                        "count": None,
                        "external": True,
                    }
                )
        if subsidiary_pages is None:
            subsidiary_pages = self.subsidiary_pages()
        return {
            "page": self,
            "enterprise": self.enterprise,
            "links": links + extra,
            "subsidiaries": subsidiary_pages,
        }

    def directory_links(self, request):
        """资源共享 / 供求信息 filtered to this enterprise (a group: with its subsidiaries), with counts.

        One grouped count (the directory pages come from the cache).
        """
        from django.db.models import Count

        from snippets.models import Enterprise
        from snippets.views.public import public_listings

        from .directory import directories_for

        directories = directories_for(self.locale_id)
        if not directories:
            return []
        family = Enterprise.objects.family_of(self.enterprise).values("pk")
        counts = dict(
            public_listings(self.locale)
            .filter(enterprise__in=family)
            .order_by()
            .values_list("kind")
            .annotate(n=Count("pk"))
            .values_list("kind", "n")
        )
        return [
            (
                title,
                f"{url}?enterprise={self.enterprise.code}",
                sum(counts.get(k, 0) for k in kinds),
            )
            for title, url, kinds in directories
        ]

    @path("feed/", name="feed")
    def feed(self, request):
        from pages.feeds import EnterpriseFeed

        return EnterpriseFeed()(request, enterprise_page=self)

    @path("feed/atom/", name="atom_feed")
    def atom_feed(self, request):
        from pages.feeds import EnterpriseFeed, atom

        return atom(EnterpriseFeed)()(request, enterprise_page=self)
