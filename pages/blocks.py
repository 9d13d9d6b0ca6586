"""StreamField blocks of every article body: one block, one template.

The set mirrors what a government S&T bulletin actually contains: text,
headings, figures with captions, data tables, quotations of leaders or
documents, and links to downloadable files.
"""

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
