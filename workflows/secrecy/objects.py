"""Scanning model instances: text fields, StreamFields, inline children, documents."""

import html
import re
from pathlib import PurePosixPath

from django.db import models
from taggit.managers import TaggableManager
from wagtail.blocks import (
    ChooserBlock,
    ListBlock,
    RichTextBlock,
    StreamBlock,
    StructBlock,
)
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField

from workflows.secrecy.documents import scan_document
from workflows.secrecy.text import Scanner, active_terms

_BLOCK_TAGS = re.compile(
    r"</?(?:p|h[1-6]|li|ul|ol|br|div|tr|td|th|table|blockquote)\b[^>]*>", re.IGNORECASE
)
_TAG = re.compile(r"<[^>]*>")
_DOCUMENT_LINK = re.compile(r"""<a\b[^>]*\blinktype=["']document["'][^>]*>""", re.IGNORECASE)
_ID_ATTR = re.compile(r"""\bid=["'](\d+)["']""")


def html_to_text(value):
    """Visible text of rich text HTML, one line per block element."""
    return html.unescape(_TAG.sub("", _BLOCK_TAGS.sub("\n", value or "")))


def _linked_document_ids(value):
    ids = []
    for tag in _DOCUMENT_LINK.findall(value or ""):
        found = _ID_ATTR.search(tag)
        if found:
            ids.append(int(found.group(1)))
    return ids


# Tree bookkeeping, not text anyone reads.
_SKIPPED_FIELDS = {"path", "url_path", "draft_title", "slug"}


def _is_text_field(field):
    return (
        field.name not in _SKIPPED_FIELDS
        and field.concrete
        and field.editable
        and not field.choices
        and isinstance(field, (models.CharField, models.TextField))
        and not isinstance(field, (models.SlugField, models.URLField, models.EmailField))
    )


class _ObjectScan:
    def __init__(self, terms):
        self.scanner = Scanner(terms)
        self.hits = []
        self.document_ids = []

    def fields(self, obj, prefix=""):
        document_model = get_document_model()
        for field in obj._meta.get_fields():
            label = f"{prefix}{field.verbose_name}" if hasattr(field, "verbose_name") else ""
            if isinstance(field, StreamField):
                self.stream(field, field.value_from_object(obj), label)
            elif isinstance(field, RichTextField):
                value = field.value_from_object(obj) or ""
                self.hits += self.scanner.scan(html_to_text(value), label)
                self.document_ids += _linked_document_ids(value)
            elif _is_text_field(field):
                self.hits += self.scanner.scan(field.value_from_object(obj) or "", label)
            elif (
                isinstance(field, models.ForeignKey)
                and field.related_model is document_model
                and field.value_from_object(obj)
            ):
                self.document_ids.append(field.value_from_object(obj))
            elif isinstance(field, TaggableManager):
                names = "、".join(tag.name for tag in getattr(obj, field.name).all())
                self.hits += self.scanner.scan(names, label)

    def children(self, obj):
        """Inline children (notice attachments, …): their text fields and documents."""
        try:
            from modelcluster.models import get_all_child_relations
        except ImportError:  # pragma: no cover
            return
        for relation in get_all_child_relations(obj):
            model = relation.related_model
            if model._meta.app_label == "wagtailcore":
                continue  # reviewers' comments are not published
            label = str(model._meta.verbose_name)
            for n, child in enumerate(getattr(obj, relation.get_accessor_name()).all(), 1):
                self.fields(child, prefix=f"{label}{n}：")

    def stream(self, field, value, label):
        raw = value.get_prep_value() if hasattr(value, "get_prep_value") else (value or [])
        for n, item in enumerate(raw or [], 1):
            block = field.stream_block.child_blocks.get(item.get("type"))
            self.block(block, item.get("value"), f"{label}第{n}段")

    def block(self, block, raw, source):
        if raw is None or raw == "":
            return
        if isinstance(block, DocumentChooserBlock):
            if isinstance(raw, int):
                self.document_ids.append(raw)
        elif isinstance(block, ChooserBlock):
            return  # images, pages, snippets: their own text is scanned where it is edited
        elif isinstance(block, RichTextBlock):
            self.hits += self.scanner.scan(html_to_text(str(raw)), source)
            self.document_ids += _linked_document_ids(str(raw))
        elif isinstance(block, TableBlock) and isinstance(raw, dict):
            caption = raw.get("table_caption")
            if caption:
                self.hits += self.scanner.scan(str(caption), f"{source}·表题")
            for r, row in enumerate(raw.get("data") or [], 1):
                cells = "\t".join(str(cell) for cell in row or [] if cell not in (None, ""))
                self.hits += self.scanner.scan(cells, f"{source}·表格第{r}行")
        elif isinstance(block, StructBlock) and isinstance(raw, dict):
            for name, child in block.child_blocks.items():
                self.block(child, raw.get(name), f"{source}·{child.label}")
        elif isinstance(block, StreamBlock) and isinstance(raw, list):
            for item in raw:
                if isinstance(item, dict):
                    self.block(block.child_blocks.get(item.get("type")), item.get("value"), source)
        elif isinstance(block, ListBlock) and isinstance(raw, list):
            for item in raw:
                if isinstance(item, dict) and "type" in item and "value" in item:
                    item = item["value"]
                self.block(block.child_block, item, source)
        else:
            self.generic(raw, source)

    def generic(self, raw, source):
        """An unknown block: scan every string in it rather than miss one."""
        if isinstance(raw, str):
            self.hits += self.scanner.scan(raw, source)
        elif isinstance(raw, dict):
            for value in raw.values():
                self.generic(value, source)
        elif isinstance(raw, list):
            for value in raw:
                self.generic(value, source)

    def documents(self):
        seen = set()
        ids = [i for i in self.document_ids if not (i in seen or seen.add(i))]
        for document in get_document_model().objects.filter(pk__in=ids).order_by("pk"):
            name = PurePosixPath(document.file.name or "").name
            self.hits += self.scanner.scan(document.title, f"附件：{name}·标题")
            self.hits += scan_document(document, scanner=self.scanner)


def scan_object(obj, *, terms=None, documents=True):
    """Every hit in ``obj``: text fields, StreamFields, inline children, documents.

    Works for any model instance (pages now, resource-listing snippets next).
    Pass the object as it will be published, e.g. ``revision.as_object()``.
    """
    if terms is None:
        terms = active_terms()
    scan = _ObjectScan(terms)
    scan.fields(obj)
    scan.children(obj)
    if documents:
        scan.documents()
    return scan.hits


def scan_page(page, *, terms=None):
    """Every hit in the specific page, its attachments and linked documents."""
    return scan_object(page.specific if hasattr(page, "specific") else page, terms=terms)
