"""The home page: blocks the editors arrange, over the latest items of every section."""

from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.blocks import StreamValue, StructValue
from wagtail.fields import StreamField
from wagtail.models import Page

from pages.blocks import HomeBodyBlock
from pages.forms import ReviewedPageForm
from pages.listing import with_card_data

HOME_ITEMS_PER_SECTION = 5
# Blocks that sit side by side in the home grid when they follow one another.
GRID_BLOCKS = {"section"}


@dataclass
class HomeBlock:
    """One block of the home body with what its template shows (``data``)."""

    block: object  # a StreamValue child: .block_type, .value, .id
    dom_id: str
    data: dict = field(default_factory=dict)

    @property
    def block_type(self):
        return self.block.block_type


class HomePage(Page):
    """门户首页: a banner, then the blocks the editors arrange in ``body``.

    An empty ``body`` shows the platform's default arrangement (DEFAULT_BODY),
    so a new installation and every home page written before the blocks
    existed look exactly as they did.
    """

    hero_title = models.CharField(_("主标题"), max_length=120, blank=True)
    hero_text = models.TextField(_("导语"), blank=True, max_length=500)
    featured_page = models.ForeignKey(
        "pages.ArticlePage",
        verbose_name=_("头条"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("未编排首页内容时的头条；留空则显示最新的重大科技成就。"),
    )
    body = StreamField(
        HomeBodyBlock(),
        verbose_name=_("首页内容"),
        blank=True,
        help_text=_(
            "按顺序排列首页各块。留空则按默认布局显示：头条、通知公告条、各栏目最新内容、"
            "资源库统计和企业子平台入口。头条放在首位时与横幅并排显示。"
        ),
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
        FieldPanel("body"),
        FieldPanel("featured_page"),
        FieldPanel("secrecy_declaration"),
    ]
    base_form_class = ReviewedPageForm

    class Meta:
        verbose_name = _("首页")
        verbose_name_plural = _("首页")

    # --- The arrangement --------------------------------------------------

    def default_body(self, children):
        """The arrangement shown while ``body`` is empty: the layout the home page always had."""
        from .articles import ArticlePage
        from .enterprise import EnterpriseIndexPage

        stream_block = self.body.stream_block

        def struct(name, **values):
            block = stream_block.child_blocks[name]
            return StructValue(
                block, [(k, values.get(k, b.get_default())) for k, b in block.child_blocks.items()]
            )

        # Only the id is read (arrange() fetches every chosen page in one query).
        featured = ArticlePage(pk=self.featured_page_id) if self.featured_page_id else None
        arrangement = [
            ("featured", struct("featured", page=featured)),
            ("notices", struct("notices", count=3)),
            ("section", struct("section", section="news", count=5, width="wide")),
            ("section", struct("section", section="trends", count=5, width="narrow")),
            ("section", struct("section", section="achievements", count=5, width="half")),
            ("section", struct("section", section="experience", count=5, width="half")),
            ("resources", struct("resources", show_latest=True)),
        ]
        enterprise_index = next((c for c in children if isinstance(c, EnterpriseIndexPage)), None)
        if enterprise_index is not None:
            link_block = stream_block.child_blocks["promo"].child_blocks["link"]
            link = StructValue(
                link_block,
                [("text", gettext("进入企业子平台")), ("page", enterprise_index), ("url", "")],
            )
            arrangement.append(
                (
                    "promo",
                    struct(
                        "promo",
                        title=enterprise_index.title,
                        text=gettext("各集团公司及所属企业的子平台：共建共享科技创新信息。"),
                        link=link,
                    ),
                )
            )
        return StreamValue(stream_block, arrangement)

    def get_sections(self, children=None, counts=None):
        """The section pages under this home, each with its latest items.

        ``counts`` ({stream: n}) limits the work to the sections the blocks
        show; without it every section gets its five latest items.
        """
        from .sections import SectionPage

        sections = []
        if children is None:
            children = self.get_children().live().public().specific()
        for child in children:
            if not isinstance(child, SectionPage):
                continue
            n = HOME_ITEMS_PER_SECTION if counts is None else counts.get(child.stream, 0)
            child.latest_items = list(with_card_data(child.get_items())[:n]) if n else []
            sections.append(child)
        return sections

    def arrange(self, request, children):
        """The blocks of the home page, each with its items, fetched together.

        Queries: the chosen pages once for all blocks, the latest items once
        per section shown, the resource library's figures once.
        """
        body = self.body if len(self.body) else self.default_body(children)
        blocks = list(body)

        # What the blocks ask for.
        counts, chosen = {}, []

        def want(stream, n):
            counts[stream] = max(counts.get(stream, 0), n)

        for child in blocks:
            value = child.value
            if child.block_type == "featured":
                if value["page"] is not None:
                    chosen.append(value["page"].pk)
                want("achievements", 1)  # the fallback
            elif child.block_type == "highlights":
                pages = [p.pk for p in value["pages"] if p is not None]
                chosen.extend(pages)
                if not pages and value["section"]:
                    want(value["section"], value["count"] or 4)
            elif child.block_type == "section":
                want(value["section"], value["count"] or HOME_ITEMS_PER_SECTION)
            elif child.block_type == "notices":
                want("notices", value["count"] or 3)

        sections = {s.stream: s for s in self.get_sections(children, counts)}
        pages = {}
        if chosen:
            from .articles import ArticlePage

            for page in with_card_data(ArticlePage.objects.live().public().filter(pk__in=chosen)):
                page.is_fallback = page.locale_id != self.locale_id
                pages[page.pk] = page
        directories = None

        arranged, seen = [], {}
        for child in blocks:
            kind, value, data = child.block_type, child.value, {}
            if kind == "featured":
                item = pages.get(value["page"].pk) if value["page"] is not None else None
                if item is None and sections.get("achievements"):
                    latest = sections["achievements"].latest_items
                    item = latest[0] if latest else None
                if item is None:
                    continue
                data["item"] = item
            elif kind == "highlights":
                chosen_pages = [pages.get(p.pk) for p in value["pages"] if p is not None]
                items = [p for p in chosen_pages if p is not None]
                section = sections.get(value["section"])
                if not value["pages"] and section is not None:
                    items = section.latest_items[: value["count"] or 4]
                if not items:
                    continue
                data.update(items=items, title=value["title"] or gettext("要闻"))
            elif kind in ("section", "notices"):
                stream = value["section"] if kind == "section" else "notices"
                section = sections.get(stream)
                if section is None:
                    continue
                data.update(section=section, items=section.latest_items[: value["count"]])
                key = stream
            elif kind == "resources":
                if directories is None:
                    directories = self.get_directories(children, request)
                if not directories:
                    continue
                data["directories"] = directories
            if kind not in ("section", "notices"):
                key = kind
            seen[key] = seen.get(key, 0) + 1
            dom_id = f"home-{key}" if seen[key] == 1 else f"home-{key}-{seen[key]}"
            arranged.append(HomeBlock(block=child, dom_id=dom_id, data=data))
        return arranged, sections

    @staticmethod
    def rows(arranged):
        """Consecutive section blocks share one grid row; every other block stands alone."""
        rows = []
        for item in arranged:
            grid = item.block_type in GRID_BLOCKS
            if grid and rows and rows[-1]["grid"]:
                rows[-1]["blocks"].append(item)
            else:
                rows.append({"grid": grid, "blocks": [item]})
        return rows

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = list(self.get_children().live().public().specific())
        arranged, sections = self.arrange(request, children)
        # 头条 placed first sits in the banner, beside the title.
        if arranged and arranged[0].block_type == "featured":
            context["featured"] = arranged.pop(0).data["item"]
        context["home_rows"] = self.rows(arranged)
        context["sections"] = sections
        from .enterprise import EnterpriseIndexPage

        context["enterprise_index"] = next(
            (c for c in children if isinstance(c, EnterpriseIndexPage)), None
        )
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
