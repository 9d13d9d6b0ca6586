"""The resource listing: what every one of the nine types shares.

One concrete base table (multi-table inheritance, as Wagtail's ``Page``):
the public directories, search and the regulator's statistics are all
cross-type, so they query one table; each type adds its indicators in its own
table. The choice and its costs are argued in docs/resource-listings.md §2.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, RegexValidator
from django.db import DEFAULT_DB_ALIAS, models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.models.audit_log import BaseLogEntry, ModelLogEntryManager
from wagtail.models.specific import SpecificMixin
from wagtail.query import SpecificQuerySetMixin
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from search.index import segmented
from snippets.forms import ListingForm

from .choices import (
    ListingKind,
    ListingStatus,
    PatentStatus,
    PatentType,
    Region,
)

PHONE_VALIDATOR = RegexValidator(
    r"^[0-9+\-() 转]{7,30}$",
    _("请填写办公电话或手机号码，如 010-12345678 转 123。"),
)
PATENT_NUMBER_VALIDATOR = RegexValidator(
    r"^(CN|ZL)?\d{12,13}\.?[\dX]$|^(WO|PCT|US|EP|JP|KR|DE|GB|FR)[A-Z0-9/.\-]{4,26}$",
    _("专利号格式不对：中国专利如 CN202310123456.7，境外专利填公开号如 WO2023123456。"),
)
# Validity is kept short so that stale offers leave the site on their own.
MAX_VALIDITY_DAYS = 3 * 366


def default_valid_until():
    return timezone.localdate() + datetime.timedelta(days=365)


def this_year():
    return timezone.localdate().year


def validate_year(value):
    if value is not None and not 1949 <= value <= this_year():
        raise ValidationError(_("年份应在1949年至今年之间。"), code="year")


def text_limit(n):
    """A form-level length limit for plain-text indicators (no rich text: they export and scan cleanly)."""
    return [MaxLengthValidator(n)]


class BaseTypeRelation(GenericRelation):
    """A generic relation that cascades on the base model's content type.

    Django copies a concrete parent's private fields to each MTI child with the
    child as ``model`` and, when deleting a child, follows only the child's
    copies (the parent row is collected without its relations). Wagtail
    stores revisions and workflow states of a child under the *base* content
    type, so the copied relation would match nothing and the rows would be
    orphaned.
    """

    def bulk_related_objects(self, objs, using=DEFAULT_DB_ALIAS):
        parents = self.model._meta.get_parent_list()
        base = parents[-1] if parents else self.model
        content_type = ContentType.objects.db_manager(using).get_for_model(
            base, for_concrete_model=False
        )
        return self.remote_field.model._base_manager.db_manager(using).filter(
            **{
                f"{self.content_type_field_name}__pk": content_type.pk,
                f"{self.object_id_field_name}__in": [str(obj.pk) for obj in objs],
            }
        )


class ListingQuerySet(SearchableQuerySetMixin, SpecificQuerySetMixin, models.QuerySet):
    def public(self, locale=None, today=None):
        """The only definition of "public": live, not past its validity date, in ``locale``.

        Every public surface (directory, detail, sitemap, search, feeds, API)
        uses it, so an expired listing leaves all of them at midnight (Beijing
        time) without a job.
        """
        qs = self.filter(live=True, valid_until__gte=today or timezone.localdate())
        if locale is not None:
            qs = qs.filter(locale=locale)
        return qs

    def of_kind(self, kind):
        return self.filter(kind=kind)


class Listing(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    TranslatableMixin,
    SpecificMixin,
    index.Indexed,
    ClusterableModel,
):
    """A shareable resource or a supply/demand offer of one enterprise (资源库 / 供求信息).

    Never created as such: one of the nine subclasses is. ``kind`` and
    ``content_type`` record which, like ``Page.content_type``, so that a base
    row read from a workflow state or the directory knows its specific type.
    """

    listing_kind = None  # set by each subclass
    # Per type, the heading of `title` and of `valid_until` where it is a deadline.
    title_label = _("名称")
    valid_until_label = _("有效期至")
    # Indicator fields counted by `completeness` (the C column of the indicator system).
    COMPLETENESS_FIELDS = ["title", "summary", "tech_fields", "region", "contact_name", "image"]

    kind = models.CharField(
        _("类型"), max_length=20, choices=ListingKind.choices, editable=False, db_index=True
    )
    content_type = models.ForeignKey(
        ContentType, on_delete=models.PROTECT, related_name="+", editable=False
    )
    title = models.CharField(
        _("名称"), max_length=100, help_text=_("使用规范全称，不加书名号和引号，不超过100字。")
    )
    summary = models.TextField(
        _("简介"),
        validators=text_limit(500),
        help_text=_("一至三句话说明是什么、能提供或需要什么，显示在列表中，不超过500字。"),
    )
    enterprise = models.ForeignKey(
        "snippets.Enterprise",
        verbose_name=_("所属企业"),
        on_delete=models.PROTECT,
        related_name="listings",
        help_text=_("自动填为您所在企业；同时担任多个企业编辑的，请选择。保存后不能更改。"),
    )
    tech_fields = ParentalManyToManyField(
        "snippets.TechField",
        verbose_name=_("技术领域"),
        related_name="listings",
        help_text=_("选择1至3个最相关的领域。"),
    )
    region = models.CharField(
        _("所在地区"),
        max_length=2,
        choices=Region.choices,
        db_index=True,
        help_text=_(
            "资源或需求所在的省级行政区；在境外的选“境外”，并在“地点”或简介中写明国家和城市。"
        ),
    )
    contact_name = models.CharField(
        _("联系人"),
        max_length=50,
        help_text=_("本企业负责对接的工作人员。专家信息请填联络专家的工作人员，不要填专家本人。"),
    )
    contact_phone = models.CharField(
        _("联系电话"),
        max_length=30,
        validators=[PHONE_VALIDATOR],
        help_text=_("办公电话或手机，如 010-12345678 转 123、13800000000。"),
    )
    contact_email = models.EmailField(
        _("电子邮箱"), help_text=_("对接意向将发送到此邮箱，建议使用单位邮箱。")
    )
    contact_public = models.BooleanField(
        _("公开联系方式"),
        default=False,
        help_text=_(
            "勾选后公开显示联系人、电话和邮箱；不勾选则读者只能通过平台提交对接意向。"
            "专家信息不能公开联系方式。"
        ),
    )
    valid_until = models.DateField(
        _("有效期至"),
        default=default_valid_until,
        db_index=True,
        help_text=_(
            "到期后自动从公开目录撤下。最长三年；信息仍有效的，请在到期前更新并重新提交审核。"
        ),
    )
    status = models.CharField(
        _("对接状态"),
        max_length=12,
        choices=ListingStatus.choices,
        default=ListingStatus.OPEN,
        db_index=True,
        help_text=_("已成交、已招满或难题已解决的，请改为“已结束”。"),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("图片"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "机构、设备或产品的实景照片，横版，宽度不小于1200像素；不得含涉密场所和设备铭牌。"
        ),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("信息采集人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    completeness = models.PositiveSmallIntegerField(_("完整度"), default=0, editable=False)
    import_batch = models.ForeignKey(
        "snippets.ListingImport",
        verbose_name=_("导入批次"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="listings",
        editable=False,
    )

    # Deleting a listing must delete its revisions and workflow states. Wagtail's
    # relations cascade on the child's content type (revisions) or on the model
    # the copied relation sits on (Django copies private fields to MTI children),
    # neither of which matches what Wagtail stores for a child: see BaseTypeRelation.
    _revisions = BaseTypeRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        for_concrete_model=False,
    )
    _workflow_states = BaseTypeRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        for_concrete_model=False,
    )

    objects = ListingQuerySet.as_manager()
    base_form_class = ListingForm

    search_fields = segmented(
        [
            index.SearchField("title", boost=3),
            index.AutocompleteField("title"),
            index.SearchField("summary"),
            index.RelatedFields("tech_fields", [index.SearchField("name")]),
            index.RelatedFields("enterprise", [index.SearchField("name")]),
        ]
    ) + [
        index.FilterField("live"),
        index.FilterField("locale"),
        index.FilterField("kind"),
        index.FilterField("enterprise"),
        index.FilterField("region"),
        index.FilterField("status"),
        index.FilterField("valid_until"),
        index.FilterField("first_published_at"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("资源信息")
        verbose_name_plural = _("资源信息")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(completeness__lte=100), name="listing_completeness_0_100"
            ),
        ]
        indexes = [
            models.Index(
                fields=["locale", "kind", "-first_published_at"],
                condition=models.Q(live=True),
                name="listing_public_recent",
            ),
            models.Index(
                fields=["locale", "valid_until"],
                condition=models.Q(live=True),
                name="listing_public_deadline",
            ),
            models.Index(fields=["enterprise", "kind"], name="listing_enterprise_kind"),
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.pk and not self.content_type_id:
            self.content_type = ContentType.objects.get_for_model(self)
            if self.listing_kind:
                self.kind = self.listing_kind

    def __str__(self):
        return self.title

    def get_content_type(self):
        # Like Page: a base row knows its specific type, so revisions and
        # workflows started from it record the child.
        return self.content_type

    @property
    def owning_enterprise(self):
        """The enterprise that answers for this listing (DESIGN.md §7); review and permissions ask it."""
        return self.enterprise if self.enterprise_id else None

    def get_admin_display_title(self):
        return self.title

    @property
    def kind_label(self):
        return ListingKind(self.kind).label if self.kind else ""

    @property
    def contact_shown(self):
        """Whether readers may see the contact details (never for experts)."""
        return self.contact_public and self.kind != ListingKind.EXPERT

    def is_expired(self, today=None):
        return self.valid_until < (today or timezone.localdate())

    def get_preview_template(self, request, mode_name):
        return "snippets/listings/preview.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context["listing"] = self.specific if type(self) is Listing else self
        return context

    def clean(self):
        super().clean()
        errors = {}
        if self.valid_until:
            today = timezone.localdate()
            if self.valid_until > today + datetime.timedelta(days=MAX_VALIDITY_DAYS):
                errors["valid_until"] = _("有效期最长三年。")
        if self.kind == ListingKind.EXPERT:
            self.contact_public = False
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.completeness = completeness_of(self)
        super().save(*args, **kwargs)

    # Fields shown before and after the type's indicators in the editor.
    @classmethod
    def common_panels_before(cls):
        return [
            FieldPanel("title", heading=cls.title_label),
            FieldPanel("summary"),
            FieldPanel("enterprise"),
            FieldPanel("tech_fields", widget=_checkbox_widget()),
            FieldPanel("region"),
        ]

    @classmethod
    def common_panels_after(cls):
        contact = [
            FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_phone")]),
            FieldPanel("contact_email"),
        ]
        if cls.listing_kind != ListingKind.EXPERT:
            contact.append(FieldPanel("contact_public"))
        return [
            MultiFieldPanel(contact, heading=_("联系方式")),
            FieldRowPanel(
                [FieldPanel("valid_until", heading=cls.valid_until_label), FieldPanel("status")]
            ),
        ]


def _checkbox_widget():
    from django import forms

    return forms.CheckboxSelectMultiple


def _is_filled(value):
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, (list, tuple, dict)):
        return bool(value)
    return True


def _value_of(listing, name):
    if name == "tech_fields":
        # A ParentalManyToManyField answers from memory before the row is saved.
        return list(listing.tech_fields.all())
    if name == "image":
        return listing.image_id
    return getattr(listing, name, None)


def completeness_of(listing):
    """Share (0–100) of the type's indicator fields that are filled in.

    Required fields are always there, so the score moves with the optional
    ones: that is what the regulator's participation statistics reward.
    """
    names = type(listing).COMPLETENESS_FIELDS
    filled = sum(_is_filled(_value_of(listing, name)) for name in names)
    return round(100 * filled / len(names)) if names else 0


def missing_fields(listing):
    """Labels of the indicators still empty, for “完整度 72%：尚未填写 …”."""
    return [
        str(listing._meta.get_field(name).verbose_name)
        for name in type(listing).COMPLETENESS_FIELDS
        if not _is_filled(_value_of(listing, name))
    ]


class ListingPatent(Orderable):
    """A patent behind a research result or a technology offered for transfer."""

    listing = ParentalKey(Listing, on_delete=models.CASCADE, related_name="patents")
    number = models.CharField(
        _("专利号"),
        max_length=30,
        validators=[PATENT_NUMBER_VALIDATOR],
        help_text=_("如 CN202310123456.7；境外专利填公开号。"),
    )
    name = models.CharField(_("专利名称"), max_length=200)
    patent_type = models.CharField(_("专利类型"), max_length=12, choices=PatentType.choices)
    patent_status = models.CharField(_("法律状态"), max_length=12, choices=PatentStatus.choices)

    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("name")]),
        FieldRowPanel([FieldPanel("patent_type"), FieldPanel("patent_status")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("专利")
        verbose_name_plural = _("专利")

    def __str__(self):
        return f"{self.number} {self.name}"


class ListingImage(Orderable):
    """A photograph in a new product's gallery."""

    listing = ParentalKey(Listing, on_delete=models.CASCADE, related_name="gallery")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("图片"), on_delete=models.CASCADE, related_name="+"
    )
    caption = models.CharField(_("图片说明"), max_length=100, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("产品图片")
        verbose_name_plural = _("产品图片")


class ListingLogEntryManager(ModelLogEntryManager):
    def log_action(self, instance, action, **kwargs):
        # Wagtail logs workflow cancel/resume against the base row it reads
        # from the workflow state; record the specific type so that the entry
        # shows in the listing's own history.
        if type(instance) is Listing:
            instance = instance.specific
        return super().log_action(instance, action, **kwargs)

    def viewable_by_user(self, user):
        """Entries about listings ``user`` may see, and nobody else's (not Wagtail's per-model rule)."""
        if user.is_superuser:
            return self.all()
        from django.db.models.functions import Cast

        from workflows.listing_policy import visible_listings

        ids = visible_listings(user).annotate(_id_text=Cast("pk", models.CharField()))
        return self.filter(object_id__in=ids.values("_id_text"))


class ListingLogEntry(BaseLogEntry):
    """The audit log of listings, kept apart so that its visibility follows the row-level policy."""

    object_id = models.CharField(max_length=255, blank=False, db_index=True)

    objects = ListingLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = _("资源信息操作记录")
        verbose_name_plural = _("资源信息操作记录")
