"""The listing schemas of the API, generated per type from the models and the admin form.

Read schemas carry only what a reader of the site sees: the common public
fields, the type's ``PUBLIC_FIELDS`` (``snippets/display.py``, the one list of
public fields), the patents the detail page shows, and the contact details only
where ``listing.contact_shown``. Owner, submitter, import batch, completeness
and review state never appear.

Write schemas are the admin form's own fields (``Model.get_edit_handler()
.get_form_class()``), so the API accepts exactly what the editor's form does
and the form validates it.
"""

import datetime
from typing import Literal

from django import forms
from django.db import models
from ninja import Schema
from pydantic import Field, create_model

from snippets.display import PUBLIC_FIELDS
from snippets.models import LISTING_MODEL_BY_KIND, ListingKind, ListingStatus, Region
from snippets.models.choices import ChoiceListField, MaturityStage
from snippets.views.public import CATEGORY_FIELDS, KIND_SLUGS, SORTS, TRL_KINDS

LANGUAGE_CODES = ("zh-hans", "en")
LocaleCode = Literal[LANGUAGE_CODES]  # ty: ignore[invalid-type-form]
KindCode = Literal[tuple(k.value for k in ListingKind)]  # ty: ignore[invalid-type-form]
RegionCode = Literal[tuple(Region.values)]  # ty: ignore[invalid-type-form]
StatusCode = Literal[tuple(ListingStatus.values)]  # ty: ignore[invalid-type-form]
SortKey = Literal[tuple(SORTS)]  # ty: ignore[invalid-type-form]
StageCode = Literal[tuple(MaturityStage.values)]  # ty: ignore[invalid-type-form]

# Fields of the admin form that the API does not take: the declaration is a
# parameter of submitting, scheduling is the administrator's, and images are
# uploaded in the admin.
NOT_WRITABLE = {"secrecy_declaration", "go_live_at", "expire_at", "image", "comment_notifications"}


# -- read ---------------------------------------------------------------------------


class CodeLabel(Schema):
    code: str
    label: str


class EnterpriseRef(Schema):
    id: int
    code: str
    name: str
    short_name: str


class TechFieldRef(Schema):
    slug: str
    name: str


class Contact(Schema):
    name: str
    phone: str | None = None
    email: str | None = None


class DisplayRow(Schema):
    name: str
    label: str
    value: str | list[str]


class PatentOut(Schema):
    number: str
    name: str
    patent_type: CodeLabel
    patent_status: CodeLabel


class ListingSummary(Schema):
    id: int
    kind: CodeLabel
    title: str
    summary: str
    enterprise: EnterpriseRef
    tech_fields: list[TechFieldRef]
    region: CodeLabel
    status: CodeLabel
    valid_until: datetime.date
    first_published_at: datetime.datetime | None = None
    last_published_at: datetime.datetime | None = None
    locale: str
    html_url: str | None = Field(None, description="站点上的详情页")
    detail_url: str = Field(description="本接口的详情")


class ListingDetailBase(ListingSummary):
    image_url: str | None = None
    contact: Contact | None = Field(
        None, description="仅当信息公开联系方式时给出（专家信息从不给出）"
    )
    display: list[DisplayRow] = Field(
        description="公开指标的中文（或英文）名称和显示值，顺序与详情页相同"
    )


def _read_type(model_field):
    if isinstance(model_field, ChoiceListField):
        return list[str]
    if isinstance(model_field, models.DateField):
        return datetime.date | None
    if isinstance(model_field, models.DecimalField):
        return float | None
    if isinstance(model_field, models.IntegerField):
        return int | None
    return str | None


def _fields_schema(model):
    definitions = {}
    for name in PUBLIC_FIELDS[model.listing_kind]:
        model_field = model._meta.get_field(name)
        annotation = _read_type(model_field)
        default = [] if annotation is list[str] else None
        definitions[name] = (
            annotation,
            Field(default, description=str(model_field.verbose_name)),
        )
    return create_model(f"{model.__name__}Fields", __base__=Schema, **definitions)


def _detail_schema(model):
    extra = {"fields": (_fields_schema(model), ...)}
    if "patents" in {rel.name for rel in model._meta.related_objects} and model.listing_kind in (
        ListingKind.RESULT,
        ListingKind.TRANSFER,
    ):
        extra["patents"] = (list[PatentOut], Field(default_factory=list))
    return create_model(f"{model.__name__}Detail", __base__=ListingDetailBase, **extra)


DETAIL_SCHEMAS = {kind: _detail_schema(model) for kind, model in LISTING_MODEL_BY_KIND.items()}


def facet_choices(kind):
    """``(parameter name, Literal of codes)`` of the type's own facet, or None."""
    if kind in TRL_KINDS:
        return "stage", StageCode
    name = CATEGORY_FIELDS.get(kind)
    if name is None:
        return None
    model_field = LISTING_MODEL_BY_KIND[kind]._meta.get_field(name)
    codes = tuple(str(code) for code, _label in model_field.flatchoices if code != "")
    return "category", Literal[codes]  # ty: ignore[invalid-type-form]


class ListingFilters(Schema):
    locale: LocaleCode = Field("zh-hans", description="站点语言：英文站也列出尚未翻译的中文信息")
    field: str | None = Field(None, max_length=50, description="技术领域（slug）")
    enterprise: str | None = Field(None, max_length=50, description="企业代码；集团包括其下属企业")
    region: RegionCode | None = Field(None, description="所在地区（GB/T 2260 省级代码，99 境外）")
    status: StatusCode | None = Field(None, description="对接状态")
    sort: SortKey = Field("new", description="new 最新发布，deadline 即将到期，title 名称")


class AllListingFilters(ListingFilters):
    kind: list[KindCode] = Field(default_factory=list, description="类型，可多选")


def kind_filters_schema(kind):
    facet = facet_choices(kind)
    if facet is None:
        return ListingFilters
    name, codes = facet
    model = LISTING_MODEL_BY_KIND[kind]
    label = (
        "成熟阶段" if name == "stage" else model._meta.get_field(CATEGORY_FIELDS[kind]).verbose_name
    )
    return create_model(
        f"{model.__name__}Filters",
        __base__=ListingFilters,
        **{name: (codes | None, Field(None, description=str(label)))},
    )


# -- write --------------------------------------------------------------------------


class PatentIn(Schema):
    number: str = Field(max_length=30, description="专利号，如 CN202310123456.7")
    name: str = Field(max_length=200)
    patent_type: str = Field(max_length=12)
    patent_status: str = Field(max_length=12)


WriteAction = Literal["draft", "submit", "publish"]


class WriteMeta(Schema):
    action: WriteAction = Field(
        "draft",
        description="draft 保存草稿；submit 保存并提交审核（须 secrecy_declaration）；"
        "publish 不受理：发布须经集团审核和保密审查",
    )
    secrecy_declaration: bool = Field(
        False, description="本信息不涉及国家秘密和企业商业秘密：提交审核时必须为 true"
    )


def _write_type(form_field):
    if isinstance(form_field, forms.BooleanField):
        return bool
    if isinstance(form_field, forms.ModelMultipleChoiceField):
        return list[str]
    if isinstance(form_field, forms.MultipleChoiceField):
        return list[str]
    if isinstance(form_field, forms.ModelChoiceField):
        return str
    if isinstance(form_field, forms.DateField):
        return datetime.date
    if isinstance(form_field, forms.DecimalField):
        return float
    if isinstance(form_field, forms.IntegerField):
        return int
    return str


WRITE_DESCRIPTIONS = {
    "enterprise": "所属企业代码（如 a1）；创建后不能更改",
    "tech_fields": "技术领域 slug，1 至 3 个",
}


def form_class_for(model):
    """The admin form class of ``model``, built exactly as the snippet editor builds it."""
    return model.get_edit_handler().get_form_class()


def writable_field_names(model):
    return [name for name in form_class_for(model).base_fields if name not in NOT_WRITABLE]


def _write_schema(model):
    form_class = form_class_for(model)
    definitions = {}
    for name in writable_field_names(model):
        form_field = form_class.base_fields[name]
        description = WRITE_DESCRIPTIONS.get(name) or str(form_field.label or name)
        annotation = _write_type(form_field)
        extra = {}
        if annotation is str and getattr(form_field, "max_length", None):
            extra["max_length"] = form_field.max_length
        definitions[name] = (annotation | None, Field(None, description=description, **extra))
    if "patents" in (getattr(form_class, "formsets", None) or {}):
        definitions["patents"] = (
            list[PatentIn] | None,
            Field(None, description="相关专利；给出时替换全部专利"),
        )
    definitions["meta"] = (WriteMeta, Field(default_factory=WriteMeta))
    return create_model(f"{model.__name__}Write", __base__=Schema, **definitions)


WRITE_SCHEMAS = {kind: _write_schema(model) for kind, model in LISTING_MODEL_BY_KIND.items()}


class ListingWriteResult(Schema):
    id: int
    kind: str
    title: str
    enterprise: str = Field(description="所属企业代码")
    live: bool = Field(description="是否已有公开版本")
    has_unpublished_changes: bool
    review_status: str | None = Field(
        None, description="审核状态：in_progress 审核中，needs_changes 已退回，None 未提交"
    )
    admin_url: str | None = None


class SubmitIn(Schema):
    secrecy_declaration: bool = Field(
        False, description="本信息不涉及国家秘密和企业商业秘密：提交审核时必须为 true"
    )


__all__ = ["KIND_SLUGS"]
