"""The five content streams.

All of them share one concrete base, ``ArticlePage``, so that the home page,
an enterprise's sub-platform and later search and statistics can list every
stream in one query, and so that review and permissions find the owning
enterprise in one place (``owning_enterprise``, DESIGN.md §7).
"""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    TitleFieldPanel,
)
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from pages.blocks import ArticleBodyBlock
from pages.forms import ArticlePageForm
from search.index import segmented, segmented_text_of
from workflows.permissions import EnterpriseOwnedPage


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "pages.ArticlePage", related_name="tagged_items", on_delete=models.CASCADE
    )


class ArticlePage(EnterpriseOwnedPage, Page):
    """What every item of every stream has: summary, cover, body, tags, fields, source.

    The publication date shown to readers is ``first_published_at``, which the
    system keeps: editors never type a publication date (DESIGN.md §9).
    The owning enterprise follows from where the page sits in the tree, so it
    can never disagree with the page permissions of that subtree.
    """

    summary = models.TextField(
        _("摘要"),
        max_length=500,
        help_text=_("一至三句话概括要点，显示在列表和分享卡片中，不超过 500 字。"),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("封面图片"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("建议横版、宽度不小于 1200 像素；列表中按 16:9 裁切。"),
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("正文"), blank=True)
    tags = ClusterTaggableManager(
        verbose_name=_("标签"),
        through=ArticlePageTag,
        blank=True,
        help_text=_("关键词，用逗号或回车分隔，如：氢能, 储能。"),
    )
    tech_fields = ParentalManyToManyField(
        "snippets.TechField",
        verbose_name=_("技术领域"),
        blank=True,
        related_name="articles",
    )
    enterprise = models.ForeignKey(
        "snippets.Enterprise",
        verbose_name=_("来源企业"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="articles",
        help_text=_("由页面所在的企业子平台自动确定；监管机构发布的内容为空。"),
    )

    is_creatable = False
    base_form_class = ArticlePageForm
    # Stream key used by section listings, feeds and the home page.
    stream = ""
    stream_label = ""

    content_panels = [
        TitleFieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        FieldPanel("body"),
    ]
    classification_panels = [
        MultiFieldPanel(
            [
                FieldPanel("tech_fields", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
                FieldPanel("enterprise", read_only=True),
            ],
            heading=_("分类与来源"),
        )
    ]

    # Indexed as words segmented by jieba, so that Chinese queries find them (search/index.py).
    search_fields = (
        Page.search_fields
        + segmented_text_of(Page.search_fields)
        + segmented(
            [
                index.SearchField("summary"),
                index.SearchField("body"),
                index.FilterField("enterprise"),
                index.RelatedFields("tags", [index.SearchField("name")]),
            ]
        )
    )

    override_translatable_fields = [SynchronizedField("cover_image")]

    class Meta:
        verbose_name = _("文章")
        verbose_name_plural = _("文章")

    @property
    def owning_enterprise(self):
        """The enterprise accountable for this item; None for regulator content."""
        return self.enterprise

    @property
    def display_date(self):
        return self.first_published_at

    def enterprise_from_tree(self):
        """The id of the enterprise of the nearest sub-platform page above this one, if any."""
        from .enterprise import EnterprisePage

        if not self.path:
            return self.enterprise_id
        return (
            EnterprisePage.objects.ancestor_of(self)
            .order_by("-depth")
            .values_list("enterprise_id", flat=True)
            .first()
        )

    def _derive_enterprise(self):
        if self.path:
            self.enterprise_id = self.enterprise_from_tree()

    def full_clean(self, *args, **kwargs):
        self._derive_enterprise()
        super().full_clean(*args, **kwargs)

    def minimal_clean(self):
        # Wagtail saves drafts (live=False) with minimal_clean, not full_clean:
        # a new draft, and the item submitted for review, must know its owner too.
        self._derive_enterprise()
        super().minimal_clean()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["section"] = self.get_section()
        # One base queryset: `.public()` reads the view restrictions when called.
        same_stream = self._stream_queryset()
        context["previous_item"], context["next_item"] = self.get_neighbours(same_stream)
        context["related_items"] = self.get_related_items(same_stream)
        return context

    def get_section(self):
        """The section listing page of this stream in this page's language."""
        from .sections import section_model_for

        model = section_model_for(self.stream)
        if model is None:
            return None
        return model.objects.live().filter(locale_id=self.locale_id).first()

    def _stream_queryset(self):
        return (
            type(self).objects.live().public().filter(locale_id=self.locale_id).exclude(pk=self.pk)
        )

    def get_neighbours(self, same_stream=None):
        """Previous (older) and next (newer) item of the same stream."""
        if not self.first_published_at:
            return None, None
        qs = (same_stream if same_stream is not None else self._stream_queryset()).only(
            "id", "title", "url_path", "first_published_at"
        )
        previous_item = (
            qs.filter(first_published_at__lt=self.first_published_at)
            .order_by("-first_published_at")
            .first()
        )
        next_item = (
            qs.filter(first_published_at__gt=self.first_published_at)
            .order_by("first_published_at")
            .first()
        )
        return previous_item, next_item

    def get_related_items(self, same_stream=None, limit=4):
        """Same-stream items that share a technical field, newest first."""
        field_ids = [f.pk for f in self.tech_fields.all()]
        qs = same_stream if same_stream is not None else self._stream_queryset()
        if field_ids:
            qs = qs.filter(tech_fields__in=field_ids).distinct()
        return list(
            qs.only("id", "title", "url_path", "first_published_at").order_by(
                "-first_published_at"
            )[:limit]
        )


def _article_panels(extra=None):
    from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface

    from workflows.accountability import AccountabilityPanel

    return TabbedInterface(
        [
            ObjectList(
                ArticlePage.content_panels + (extra or []) + [FieldPanel("secrecy_declaration")],
                heading=_("内容"),
            ),
            ObjectList(ArticlePage.classification_panels, heading=_("分类")),
            ObjectList(ArticlePage.promote_panels, heading=_("推广")),
            # 谁上网、谁审核、谁负责: read-only, shown once the page exists.
            ObjectList([AccountabilityPanel()], heading=_("审核记录")),
        ]
    )


class NewsPage(ArticlePage):
    """科技动态: an enterprise's S&T news."""

    stream = "news"
    stream_label = _("科技动态")
    is_creatable = True
    parent_page_types = ["pages.EnterprisePage"]
    subpage_types = []
    template = "pages/news_page.html"

    edit_handler = _article_panels()

    class Meta:
        verbose_name = _("科技动态")
        verbose_name_plural = _("科技动态")


class AchievementPage(ArticlePage):
    """重大科技成就: a major achievement, with the award it won and the project it came from."""

    class AwardLevel(models.TextChoices):
        NATIONAL = "national", _("国家级")
        PROVINCIAL = "provincial", _("省部级")
        INDUSTRY = "industry", _("行业级")
        ENTERPRISE = "enterprise", _("企业级")
        NONE = "none", _("未获奖")

    award = models.CharField(
        _("获奖名称"),
        max_length=200,
        blank=True,
        help_text=_("如：国家科学技术进步奖一等奖。未获奖可留空。"),
    )
    award_level = models.CharField(
        _("奖励级别"),
        max_length=20,
        choices=AwardLevel.choices,
        default=AwardLevel.NONE,
        db_index=True,
    )
    project = models.CharField(
        _("来源项目"),
        max_length=200,
        blank=True,
        help_text=_("成果所依托的科研项目，如：国家重点研发计划“××”专项。"),
    )

    stream = "achievements"
    stream_label = _("重大科技成就")
    is_creatable = True
    parent_page_types = ["pages.EnterprisePage"]
    subpage_types = []
    template = "pages/achievement_page.html"

    edit_handler = _article_panels(
        [
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("award"), FieldPanel("award_level")]),
                    FieldPanel("project"),
                ],
                heading=_("奖励与项目"),
            )
        ]
    )

    class Meta:
        verbose_name = _("重大科技成就")
        verbose_name_plural = _("重大科技成就")


class ExperiencePage(ArticlePage):
    """管理经验: how an enterprise manages its S&T work."""

    class Area(models.TextChoices):
        SYSTEM = "system", _("科技管理体制机制")
        INVESTMENT = "investment", _("研发投入")
        TALENT = "talent", _("人才队伍建设")
        TRANSFER = "transfer", _("成果转化")
        IP = "ip", _("知识产权")
        COLLABORATION = "collaboration", _("协同创新")
        PLATFORM = "platform", _("创新平台建设")
        INFORMATION = "information", _("信息化建设")

    management_area = models.CharField(
        _("管理领域"), max_length=20, choices=Area.choices, default=Area.SYSTEM, db_index=True
    )

    stream = "experience"
    stream_label = _("管理经验")
    is_creatable = True
    parent_page_types = ["pages.EnterprisePage"]
    subpage_types = []
    template = "pages/experience_page.html"

    edit_handler = _article_panels([FieldPanel("management_area")])

    class Meta:
        verbose_name = _("管理经验")
        verbose_name_plural = _("管理经验")


class TrendPage(ArticlePage):
    """国内外技术动态: technology trends at home and abroad, compiled by the regulator."""

    class Region(models.TextChoices):
        DOMESTIC = "domestic", _("国内")
        FOREIGN = "foreign", _("国外")

    source = models.CharField(
        _("信息来源"), max_length=200, help_text=_("原始报道或报告的出处，如：某科技期刊。")
    )
    source_url = models.URLField(_("原文链接"), blank=True)
    region = models.CharField(
        _("地区"), max_length=10, choices=Region.choices, default=Region.DOMESTIC, db_index=True
    )

    stream = "trends"
    stream_label = _("国内外技术动态")
    is_creatable = True
    parent_page_types = ["pages.TrendIndexPage"]
    subpage_types = []
    template = "pages/trend_page.html"

    edit_handler = _article_panels(
        [FieldRowPanel([FieldPanel("region"), FieldPanel("source")]), FieldPanel("source_url")]
    )
    override_translatable_fields = ArticlePage.override_translatable_fields + [
        SynchronizedField("source_url"),
    ]

    class Meta:
        verbose_name = _("国内外技术动态")
        verbose_name_plural = _("国内外技术动态")


class NoticePage(ArticlePage):
    """通知公告: a regulator notice with its document number and attachments."""

    doc_number = models.CharField(
        _("文号"),
        max_length=100,
        blank=True,
        help_text=_("按公文格式填写，如：国资厅规划〔2009〕65号（使用六角括号〔〕）。"),
    )
    issuing_office = models.CharField(
        _("发文机关"), max_length=200, help_text=_("如：国务院国资委办公厅。")
    )
    issued_on = models.DateField(_("成文日期"), help_text=_("公文落款日期。"))
    deadline = models.DateField(
        _("截止日期"), null=True, blank=True, help_text=_("需要企业反馈或报送材料的截止日期。")
    )
    target_enterprises = ParentalManyToManyField(
        "snippets.Enterprise",
        verbose_name=_("发送范围"),
        blank=True,
        limit_choices_to={"level": "group"},
        related_name="notices",
        help_text=_("留空表示发送给全部集团公司。"),
    )

    stream = "notices"
    stream_label = _("通知公告")
    is_creatable = True
    parent_page_types = ["pages.NoticeIndexPage"]
    subpage_types = []
    template = "pages/notice_page.html"

    edit_handler = _article_panels(
        [
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("doc_number"), FieldPanel("issuing_office")]),
                    FieldRowPanel(
                        [
                            FieldPanel("issued_on"),
                            # The deadline is also the 回执 deadline (regulator/notices.py):
                            # said here, in the form only, so the model needs no migration.
                            FieldPanel(
                                "deadline",
                                heading=_("截止日期（回执）"),
                                help_text=_(
                                    "需要企业反馈或报送材料的截止日期。填写后，发送范围内的"
                                    "集团公司须在此日期前在后台确认收到（回执）；不需回执的通知留空。"
                                ),
                            ),
                        ]
                    ),
                    FieldPanel(
                        "target_enterprises",
                        help_text=_("留空表示发送给全部集团公司；需要回执时，由所选集团公司回执。"),
                    ),
                ],
                heading=_("公文信息"),
            ),
            InlinePanel("attachments", heading=_("附件"), label=_("附件")),
        ]
    )
    search_fields = ArticlePage.search_fields + segmented(
        [index.SearchField("doc_number"), index.FilterField("issued_on")]
    )
    override_translatable_fields = ArticlePage.override_translatable_fields + [
        SynchronizedField("doc_number"),
    ]

    class Meta:
        verbose_name = _("通知公告")
        verbose_name_plural = _("通知公告")

    @property
    def display_date(self):
        return self.issued_on


class NoticeAttachment(Orderable):
    """A downloadable file attached to a notice (附件1、附件2 …)."""

    page = ParentalKey(NoticePage, related_name="attachments", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("文件"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(
        _("附件名称"), max_length=200, blank=True, help_text=_("留空则使用文件标题。")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("附件")
        verbose_name_plural = _("附件")

    @property
    def display_title(self):
        return self.title or self.document.title
