"""供求信息: the four types of supply and demand (docs/resource-listings.md §1.3)."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.search import index

from search.index import segmented

from .choices import (
    TRANSFER_OF_RIGHTS,
    AmountBand,
    ChallengeMode,
    ChoiceListField,
    Education,
    JobCategory,
    ListingKind,
    ProductCategory,
    TransferMode,
)
from .listing import Listing, text_limit
from .resources import TRLMixin, listing_panels


class TechnologyTransfer(TRLMixin, Listing):
    listing_kind = ListingKind.TRANSFER
    title_label = _("技术名称")

    transfer_modes = ChoiceListField(
        _("转让方式"),
        choice_set=TransferMode,
        allowed=TRANSFER_OF_RIGHTS,
        help_text=_("可多选：转让、独占/排他/普通许可、作价入股。"),
    )
    price_band = models.CharField(
        _("参考价格"),
        max_length=12,
        choices=AmountBand.choices,
        db_index=True,
        help_text=_("选择价格区间或“面议”，不填具体金额。"),
    )
    application = models.TextField(
        _("应用领域"), validators=text_limit(1000), help_text=_("适用的行业、产品或工艺。")
    )
    advantages = models.TextField(
        _("技术优势"),
        validators=text_limit(1000),
        help_text=_("与国内外同类技术相比的主要指标和先进性。"),
    )
    transfer_terms = models.TextField(
        _("转让条件"),
        blank=True,
        validators=text_limit(1000),
        help_text=_("对受让方的条件、后续技术服务等。"),
    )

    COMPLETENESS_FIELDS = Listing.COMPLETENESS_FIELDS + [
        "transfer_modes",
        "trl",
        "price_band",
        "application",
        "advantages",
        "transfer_terms",
    ]
    search_fields = Listing.search_fields + segmented(
        [index.SearchField("application"), index.SearchField("advantages")]
    )

    class Meta:
        verbose_name = _("技术转让")
        verbose_name_plural = _("技术转让")


TechnologyTransfer.panels = listing_panels(
    TechnologyTransfer,
    [
        FieldPanel("transfer_modes"),
        FieldRowPanel([FieldPanel("trl"), FieldPanel("price_band")]),
        FieldPanel("application"),
        FieldPanel("advantages"),
        FieldPanel("transfer_terms"),
        FieldPanel("image"),
    ],
    inlines=[InlinePanel("patents", max_num=20, heading=_("相关专利"), label=_("专利"))],
)


class TechnicalChallenge(Listing):
    listing_kind = ListingKind.CHALLENGE
    title_label = _("难题名称")
    valid_until_label = _("揭榜截止日期")

    problem = models.TextField(
        _("难题描述"),
        validators=text_limit(2000),
        help_text=_("背景、现状和需要解决的问题；不得包含涉密或未公开的商业信息。"),
    )
    requirements = models.TextField(
        _("技术指标要求"),
        validators=text_limit(1000),
        help_text=_("需要达到的指标、交付形式和期限。"),
    )
    cooperation_mode = models.CharField(
        _("合作方式"), max_length=20, choices=ChallengeMode.choices, db_index=True
    )
    budget_band = models.CharField(
        _("拟投入经费"),
        max_length=12,
        choices=AmountBand.choices,
        db_index=True,
        help_text=_("拟投入的研发经费或奖励区间，可选“面议”。"),
    )

    COMPLETENESS_FIELDS = Listing.COMPLETENESS_FIELDS + [
        "problem",
        "requirements",
        "cooperation_mode",
        "budget_band",
    ]
    search_fields = Listing.search_fields + segmented(
        [index.SearchField("problem"), index.SearchField("requirements")]
    )

    class Meta:
        verbose_name = _("难题寻解")
        verbose_name_plural = _("难题寻解")


TechnicalChallenge.panels = listing_panels(
    TechnicalChallenge,
    [
        FieldPanel("problem"),
        FieldPanel("requirements"),
        FieldRowPanel([FieldPanel("cooperation_mode"), FieldPanel("budget_band")]),
        FieldPanel("image"),
    ],
)


class JobOpening(Listing):
    listing_kind = ListingKind.JOB
    title_label = _("招聘岗位")
    valid_until_label = _("报名截止日期")

    job_category = models.CharField(
        _("岗位类别"), max_length=20, choices=JobCategory.choices, db_index=True
    )
    headcount = models.PositiveSmallIntegerField(
        _("招聘人数"), validators=[MinValueValidator(1), MaxValueValidator(999)]
    )
    education_required = models.CharField(
        _("学历要求"), max_length=12, choices=Education.choices, help_text=_("最低学历要求。")
    )
    duties = models.TextField(_("岗位职责"), validators=text_limit(1000))
    requirements = models.TextField(
        _("任职要求"),
        validators=text_limit(1000),
        help_text=_("专业、经验、资格证书等；不得含性别、民族、地域等歧视性条件。"),
    )
    location = models.CharField(_("工作地点"), max_length=200, help_text=_("城市（区县）。"))
    salary = models.CharField(
        _("薪酬待遇"), max_length=100, blank=True, help_text=_("如“年薪25–35万元”或“面议”。")
    )

    COMPLETENESS_FIELDS = Listing.COMPLETENESS_FIELDS + [
        "job_category",
        "headcount",
        "education_required",
        "duties",
        "requirements",
        "location",
        "salary",
    ]
    search_fields = Listing.search_fields + segmented(
        [index.SearchField("duties"), index.SearchField("requirements")]
    )

    class Meta:
        verbose_name = _("人才招聘")
        verbose_name_plural = _("人才招聘")


JobOpening.panels = listing_panels(
    JobOpening,
    [
        FieldRowPanel([FieldPanel("job_category"), FieldPanel("headcount")]),
        FieldRowPanel([FieldPanel("education_required"), FieldPanel("location")]),
        FieldPanel("duties"),
        FieldPanel("requirements"),
        FieldPanel("salary"),
        FieldPanel("image"),
    ],
)


class NewProduct(Listing):
    listing_kind = ListingKind.PRODUCT
    title_label = _("产品名称")

    product_category = models.CharField(
        _("产品类别"),
        max_length=24,
        choices=ProductCategory.choices,
        db_index=True,
        help_text=_("按战略性新兴产业分类选择，不属于的选“其他”。"),
    )
    model_number = models.CharField(_("规格型号"), max_length=100, blank=True)
    specifications = models.TextField(
        _("主要技术参数"),
        validators=text_limit(1000),
        help_text=_("关键参数及精度，如“分辨率0.1 nm，温度范围 -40℃~85℃”。"),
    )
    launch_date = models.DateField(_("上市时间"), help_text=_("首次投放市场的年月，如 2024-05。"))
    application = models.TextField(_("应用领域"), validators=text_limit(1000))
    advantages = models.TextField(_("产品优势"), blank=True, validators=text_limit(1000))
    certifications = models.CharField(
        _("认证情况"),
        max_length=300,
        blank=True,
        help_text=_("如“CCC认证、首台（套）重大技术装备”。"),
    )

    COMPLETENESS_FIELDS = Listing.COMPLETENESS_FIELDS + [
        "product_category",
        "model_number",
        "specifications",
        "launch_date",
        "application",
        "advantages",
        "certifications",
    ]
    search_fields = Listing.search_fields + segmented(
        [index.SearchField("specifications"), index.SearchField("application")]
    )

    class Meta:
        verbose_name = _("新产品")
        verbose_name_plural = _("新产品")


NewProduct.panels = listing_panels(
    NewProduct,
    [
        FieldRowPanel([FieldPanel("product_category"), FieldPanel("model_number")]),
        FieldPanel("launch_date"),
        FieldPanel("specifications"),
        FieldPanel("application"),
        FieldPanel("advantages"),
        FieldPanel("certifications"),
        FieldPanel("image"),
    ],
    inlines=[InlinePanel("gallery", max_num=5, heading=_("产品图片"), label=_("图片"))],
)
