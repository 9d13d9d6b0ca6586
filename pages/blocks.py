"""StreamField blocks: article bodies, the home page and sub-platform links. One block, one template.

The article set mirrors what a government S&T bulletin actually contains:
text, headings, figures with captions, data tables, quotations of leaders or
documents, and links to downloadable files. The home set is what the portal's
editors arrange on the front page (头条, 要闻, 栏目, 通知公告, 资源库统计).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = [
    "bold",
    "italic",
    "link",
    "document-link",
    "ol",
    "ul",
    "superscript",
    "subscript",
]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("标题文字"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("级别"),
        choices=[("h2", _("二级标题")), ("h3", _("三级标题"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("小标题")
        template = "blocks/heading.html"


class FigureBlock(blocks.StructBlock):
    """An image with its caption; alt text is required unless marked decorative."""

    image = ImageBlock(label=_("图片"))
    caption = blocks.CharBlock(label=_("图注"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("图片")
        template = "blocks/figure.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("引文"))
    attribution = blocks.CharBlock(label=_("出处"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("引用")
        template = "blocks/quote.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("文件"))
    title = blocks.CharBlock(
        label=_("显示名称"), required=False, max_length=200, help_text=_("留空则使用文件标题。")
    )

    class Meta:
        icon = "doc-full"
        label = _("附件链接")
        template = "blocks/document_link.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("段落"), features=RICH_TEXT_FEATURES, template="blocks/paragraph.html"
    )
    heading = HeadingBlock()
    figure = FigureBlock()
    table = TableBlock(label=_("表格"), template="blocks/table.html")
    quote = QuoteBlock()
    document = DocumentLinkBlock()

    class Meta:
        block_counts = {}


# --- Home page blocks (issue #7) ---------------------------------------------
#
# The editors of the home page arrange these in HomePage.body. A block holds
# only the editor's choices; the items it shows (a section's latest, the
# chosen pages with their cover renditions) are fetched by HomePage.get_context
# for all blocks at once, so the home page costs the same few queries however
# the editors arrange it (DESIGN.md §8). Each template receives them as
# ``data`` (see pages.models.home.HomeBlock).

SECTION_CHOICES = [
    ("news", _("科技动态")),
    ("achievements", _("重大科技成就")),
    ("experience", _("管理经验")),
    ("trends", _("国内外技术动态")),
    ("notices", _("通知公告")),
]

ARTICLE_TYPES = "pages.ArticlePage"  # the chooser offers every item type (news, achievements …)


class LinkBlock(blocks.StructBlock):
    """A link to a page of the site or to another address."""

    text = blocks.CharBlock(
        label=_("链接文字"),
        required=False,
        max_length=60,
        help_text=_("留空则使用所选页面的标题。"),
    )
    page = blocks.PageChooserBlock(label=_("站内页面"), required=False)
    url = blocks.URLBlock(
        label=_("外部网址"),
        required=False,
        help_text=_("未选择站内页面时使用，如 https://www.example.cn/。"),
    )

    class Meta:
        icon = "link"
        label = _("链接")
        template = "blocks/link.html"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": ValidationError(_("请选择站内页面或填写外部网址。"))}
            )
        if not value.get("page") and not value.get("text"):
            raise blocks.StructBlockValidationError(
                block_errors={"text": ValidationError(_("外部网址需要填写链接文字。"))}
            )
        return value


class FeaturedBlock(blocks.StructBlock):
    """头条: one item shown large; placed first, it sits in the banner beside the title."""

    page = blocks.PageChooserBlock(
        label=_("头条内容"),
        page_type=ARTICLE_TYPES,
        required=False,
        help_text=_("留空则显示最新的重大科技成就。本块放在首位时与横幅并排显示。"),
    )

    class Meta:
        icon = "pick"
        label = _("头条")
        template = "blocks/home_featured.html"
        help_text = _("一条重点内容，配大图显示。")


class HighlightsBlock(blocks.StructBlock):
    """要闻: a grid of two to six items, chosen by hand or the latest of one section.

    A grid rather than a rotating carousel: every item is visible and
    reachable by keyboard, nothing moves on its own (WCAG 2.2.2), and no
    script is needed.
    """

    title = blocks.CharBlock(
        label=_("标题"), required=False, max_length=30, help_text=_("留空则显示“要闻”。")
    )
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(page_type=ARTICLE_TYPES, label=_("内容")),
        label=_("选定内容"),
        min_num=0,
        max_num=6,
        help_text=_("按顺序选择 2–6 篇；不选则显示下方所选栏目的最新内容。"),
    )
    section = blocks.ChoiceBlock(
        label=_("或取栏目最新内容"), choices=SECTION_CHOICES, required=False
    )
    count = blocks.IntegerBlock(
        label=_("条数"),
        default=4,
        min_value=2,
        max_value=6,
        help_text=_("取栏目最新内容时显示的条数（2–6）。"),
    )

    class Meta:
        icon = "image"
        label = _("要闻")
        template = "blocks/home_highlights.html"
        help_text = _("2–6 条要闻并列显示，不自动轮播。")

    def clean(self, value):
        value = super().clean(value)
        chosen = [p for p in value.get("pages") or [] if p]
        if len(chosen) == 1:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "pages": ValidationError(_("请至少选择两篇，或不选而改用栏目最新内容。"))
                }
            )
        if not chosen and not value.get("section"):
            raise blocks.StructBlockValidationError(
                block_errors={"section": ValidationError(_("请选择要闻内容，或选择一个栏目。"))}
            )
        return value


class SectionLatestBlock(blocks.StructBlock):
    """One section's newest items: the first as a card, the rest as headlines."""

    section = blocks.ChoiceBlock(label=_("栏目"), choices=SECTION_CHOICES)
    count = blocks.IntegerBlock(label=_("条数"), default=5, min_value=1, max_value=10)
    width = blocks.ChoiceBlock(
        label=_("宽度"),
        choices=[
            ("wide", _("宽（三分之二）")),
            ("half", _("半栏")),
            ("narrow", _("窄（三分之一）")),
            ("full", _("通栏")),
        ],
        default="half",
        help_text=_("宽屏上相邻的栏目块并排排列，每行合计一整栏为宜（如“宽”加“窄”）。"),
    )

    class Meta:
        icon = "list-ul"
        label = _("栏目最新内容")
        template = "blocks/home_section.html"
        help_text = _("所选栏目最新发布的内容。")


class NoticeStripBlock(blocks.StructBlock):
    count = blocks.IntegerBlock(label=_("条数"), default=3, min_value=1, max_value=5)

    class Meta:
        icon = "warning"
        label = _("通知公告条")
        template = "blocks/home_notices.html"
        help_text = _("一行显示最新的通知公告。")


class ResourceStatsBlock(blocks.StructBlock):
    """资源库统计: public listings per type of 资源共享 and 供求信息, with the newest."""

    show_latest = blocks.BooleanBlock(label=_("显示最新发布的资源"), required=False, default=True)

    class Meta:
        icon = "table"
        label = _("资源库统计")
        template = "blocks/home_resources.html"
        help_text = _("资源共享和供求信息各类资源的公开数量。")


class PromoBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("标题"), max_length=60)
    text = blocks.TextBlock(label=_("说明"), required=False, max_length=200)
    link = LinkBlock(label=_("按钮链接"))

    class Meta:
        icon = "link-external"
        label = _("推广条")
        template = "blocks/home_promo.html"
        help_text = _("醒目的横条，带一个按钮，如“进入企业子平台”。")


class LinksBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("标题"), max_length=30)
    intro = blocks.RichTextBlock(
        label=_("说明"), required=False, features=["bold", "italic", "link"]
    )
    links = blocks.ListBlock(LinkBlock(), label=_("链接"), min_num=1, max_num=12)

    class Meta:
        icon = "list-ul"
        label = _("图文链接")
        template = "blocks/home_links.html"
        help_text = _("一段说明和一组链接，如专题、常用系统。")


class HomeBodyBlock(blocks.StreamBlock):
    featured = FeaturedBlock()
    highlights = HighlightsBlock()
    section = SectionLatestBlock()
    notices = NoticeStripBlock()
    resources = ResourceStatsBlock()
    promo = PromoBlock()
    links = LinksBlock()

    class Meta:
        # Each block costs the home page a few queries at most: keep the page short.
        max_num = 15
        block_counts = {
            "featured": {"max_num": 1},
            "notices": {"max_num": 1},
            "resources": {"max_num": 1},
        }


class NavLinksBlock(blocks.StreamBlock):
    """A sub-platform's own extra navigation links (EnterprisePage.nav_links)."""

    link = LinkBlock()

    class Meta:
        max_num = 8
