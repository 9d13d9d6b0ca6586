"""Enterprises and the technical-field taxonomy.

Both are shared reference data rather than translatable content: each carries
its English name beside the Chinese one, so that every page in every locale
points at the same row and filters, permissions and reports ask one question.
"""

from django.db import models
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index


def _is_english():
    return (get_language() or "").startswith("en")


class BilingualNameMixin:
    """`display_name` picks the English name on the English site when there is one."""

    @property
    def display_name(self):
        if _is_english() and self.name_en:
            return self.name_en
        return self.name


class EnterpriseQuerySet(models.QuerySet):
    def groups(self):
        return self.filter(level=Enterprise.Level.GROUP)

    def subsidiaries(self):
        return self.filter(level=Enterprise.Level.SUBSIDIARY)

    def family_of(self, enterprise):
        """The enterprise itself and, for a group company, all its subsidiaries."""
        return self.filter(models.Q(pk=enterprise.pk) | models.Q(parent_id=enterprise.pk))


class Enterprise(BilingualNameMixin, index.Indexed, models.Model):
    """A central state-owned group company (集团公司) or one of its subsidiaries (所属企业).

    Group companies review everything their subsidiaries submit (DESIGN.md §1),
    so ``group`` is the question that review and permissions ask.
    """

    class Level(models.TextChoices):
        GROUP = "group", _("集团公司")
        SUBSIDIARY = "subsidiary", pgettext_lazy("enterprise level", "所属企业")

    name = models.CharField(_("企业名称"), max_length=200, unique=True)
    name_en = models.CharField(_("英文名称"), max_length=200, blank=True)
    short_name = models.CharField(
        _("简称"), max_length=50, help_text=_("在列表和来源标注中显示，如“示例能源”。")
    )
    short_name_en = models.CharField(_("英文简称"), max_length=80, blank=True)
    code = models.SlugField(
        _("企业代码"),
        max_length=50,
        unique=True,
        help_text=_("小写字母、数字和连字符，用于网址和筛选，如 group-a、a1。设定后不宜修改。"),
    )
    level = models.CharField(
        _("层级"), max_length=20, choices=Level.choices, default=Level.GROUP, db_index=True
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("所属集团"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="subsidiaries",
        limit_choices_to={"level": "group"},
        help_text=_("所属企业必须选择其集团公司；集团公司留空。"),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("标志"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    introduction = models.TextField(_("企业简介"), blank=True)
    introduction_en = models.TextField(_("英文简介"), blank=True)
    website = models.URLField(_("网站"), blank=True)
    sort_order = models.PositiveIntegerField(_("排序"), default=100)

    objects = EnterpriseQuerySet.as_manager()

    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("name"), FieldPanel("short_name")]),
                FieldRowPanel([FieldPanel("name_en"), FieldPanel("short_name_en")]),
                FieldRowPanel([FieldPanel("code"), FieldPanel("sort_order")]),
            ],
            heading=_("名称"),
        ),
        MultiFieldPanel([FieldPanel("level"), FieldPanel("parent")], heading=_("层级")),
        FieldPanel("logo"),
        FieldPanel("introduction"),
        FieldPanel("introduction_en"),
        FieldPanel("website"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.SearchField("short_name"),
        index.AutocompleteField("name"),
        index.FilterField("level"),
    ]

    class Meta:
        verbose_name = _("企业")
        verbose_name_plural = _("企业")
        ordering = ["sort_order", "code"]

    def __str__(self):
        return self.name

    @property
    def display_short_name(self):
        if _is_english() and self.short_name_en:
            return self.short_name_en
        return self.short_name

    @property
    def display_introduction(self):
        if _is_english() and self.introduction_en:
            return self.introduction_en
        return self.introduction

    @property
    def is_group(self):
        return self.level == self.Level.GROUP

    @property
    def group(self):
        """The group company that reviews this enterprise's submissions."""
        return self if self.is_group or self.parent_id is None else self.parent

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.level == self.Level.SUBSIDIARY and not self.parent_id:
            raise ValidationError({"parent": _("所属企业必须选择其集团公司。")})
        if self.level == self.Level.GROUP and self.parent_id:
            raise ValidationError({"parent": _("集团公司不能再隶属于其他集团。")})


class TechField(BilingualNameMixin, models.Model):
    """技术领域: the technical-field taxonomy that every item and listing is filed under."""

    name = models.CharField(_("名称"), max_length=50, unique=True)
    name_en = models.CharField(_("英文名称"), max_length=100, blank=True)
    slug = models.SlugField(
        _("代码"), max_length=50, unique=True, help_text=_("用于网址筛选，如 energy。")
    )
    description = models.CharField(_("说明"), max_length=255, blank=True)
    sort_order = models.PositiveIntegerField(_("排序"), default=100)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("name_en")]),
        FieldRowPanel([FieldPanel("slug"), FieldPanel("sort_order")]),
        FieldPanel("description"),
    ]

    class Meta:
        verbose_name = _("技术领域")
        verbose_name_plural = _("技术领域")
        ordering = ["sort_order", "slug"]

    def __str__(self):
        return self.name
