"""可共享资源: the five types of shareable resources (docs/resource-listings.md §1.3)."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.search import index

from search.index import segmented

from .choices import (
    TRL,
    AmountBand,
    ApprovingAuthority,
    ChoiceListField,
    Country,
    EvaluationLevel,
    FeeMode,
    FundingProgramme,
    InstitutionKind,
    InstrumentCategory,
    ListingKind,
    ProjectRole,
    ProjectStage,
    ResultType,
    ServiceMode,
    SharingMode,
    TitleLevel,
    TransferMode,
    maturity_stage_of,
)
from .listing import Listing, text_limit, validate_year


def listing_panels(model, indicators, *, inlines=()):
    """Common fields, the type's indicators, contact and validity, then the secrecy declaration.

    Last, the read-only 审核记录 (谁上网、谁审核、谁负责), shown once the listing exists.
    """
    from workflows.accountability import AccountabilityPanel

    return (
        model.common_panels_before()
        + [MultiFieldPanel(indicators, heading=model._meta.verbose_name)]
        + list(inlines)
        + model.common_panels_after()
        + [FieldPanel("secrecy_declaration")]
        + [AccountabilityPanel(heading=_("审核记录"))]
    )


def year_field(label, help_text):
    return models.PositiveSmallIntegerField(label, validators=[validate_year], help_text=help_text)


class NationalInstitution(Listing):
    listing_kind = ListingKind.INSTITUTION
    title_label = _("机构名称")

    institution_kind = models.CharField(
        _("平台类别"),
        max_length=40,
        choices=InstitutionKind.choices,
        db_index=True,
        help_text=_("按批准文件选择；省部级平台不在此填报。"),
    )
    approving_authority = models.CharField(
        _("批准部门"),
        max_length=20,
        choices=ApprovingAuthority.choices,
        help_text=_("多部门联合认定的，选牵头部门。"),
    )
    approved_year = year_field(_("批准年份"), _("批准建设（或认定）的年份，如 2019。"))
    director = models.CharField(
        _("负责人"), max_length=50, blank=True, help_text=_("主任或负责人姓名。")
    )
    research_directions = models.TextField(
        _("主要研究方向"), validators=text_limit(1000), help_text=_("分条列出，每条一句话。")
    )
    facilities = models.TextField(
        _("主要科研条件"),
        blank=True,
        validators=text_limit(1000),
        help_text=_("主要实验室、中试基地和大型设备，不写涉密设施。"),
    )
    shared_services = models.TextField(
        _("开放共享内容"),
        validators=text_limit(1000),
        help_text=_("对外提供的测试、研发、培训等服务及条件。"),
    )
    staff_count = models.PositiveIntegerField(
        _("固定人员（人）"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100000)],
        help_text=_("在编固定研究人员数。"),
    )
    website = models.URLField(_("网址"), blank=True, help_text=_("以 https:// 开头。"))

    COMPLETENESS_FIELDS = Listing.COMPLETENESS_FIELDS + [
        "institution_kind",
        "approving_authority",
        "approved_year",
        "director",
        "research_directions",
        "facilities",
        "shared_services",
        "staff_count",
        "website",
    ]
    search_fields = Listing.search_fields + segmented(
        [
            index.SearchField("research_directions"),
            index.SearchField("shared_services"),
            index.SearchField("facilities"),
        ]
    )

    class Meta:
        verbose_name = _("国家级科研机构")
        verbose_name_plural = _("国家级科研机构")


NationalInstitution.panels = listing_panels(
    NationalInstitution,
    [
        FieldRowPanel([FieldPanel("institution_kind"), FieldPanel("approving_authority")]),
        FieldRowPanel(
            [FieldPanel("approved_year"), FieldPanel("director"), FieldPanel("staff_count")]
        ),
        FieldPanel("research_directions"),
        FieldPanel("facilities"),
        FieldPanel("shared_services"),
        FieldPanel("website"),
        FieldPanel("image"),
    ],
)


class Expert(Listing):
    """An expert open to consulting and joint work; readers reach them only through the platform."""

    listing_kind = ListingKind.EXPERT
    title_label = _("专家姓名")

    title_level = models.CharField(
        _("职称级别"),
        max_length=12,
        choices=TitleLevel.choices,
        db_index=True,
        help_text=_("按取得的专业技术职务资格选择。"),
    )
    professional_title = models.CharField(
        _("职称"), max_length=50, blank=True, help_text=_("如：正高级工程师、研究员。")
    )
    position = models.CharField(
        _("职务"), max_length=100, blank=True, help_text=_("如：首席专家、总工程师。")
    )
    honours = models.CharField(
        _("荣誉称号"),
        max_length=200,
        blank=True,
        help_text=_("如：中国工程院院士、享受国务院政府特殊津贴专家；多项用顿号分隔。"),
    )
    expertise = models.TextField(
        _("研究专长"), validators=text_limit(500), help_text=_("专业方向和擅长解决的问题。")
    )
    achievements = models.TextField(
        _("代表性成果"),
        blank=True,
        validators=text_limit(1000),
        help_text=_("代表性项目、奖励、专利或标准，三至五项即可。"),
    )
    service_modes = ChoiceListField(
        _("可提供服务"), choice_set=ServiceMode, help_text=_("可多选。")
    )
    consent = models.BooleanField(
        _("本人同意公开"),
        default=False,
        help_text=_("已征得专家本人同意公开以上信息（《个人信息保护法》要求）。"),
    )

    COMPLETENESS_FIELDS = [f for f in Listing.COMPLETENESS_FIELDS if f != "image"] + [
        "title_level",
        "professional_title",
        "position",
        "honours",
        "expertise",
        "achievements",
        "service_modes",
    ]
    search_fields = Listing.search_fields + segmented(
        [
            index.SearchField("expertise"),
            index.SearchField("achievements"),
            index.SearchField("honours"),
        ]
    )

    class Meta:
        verbose_name = _("专家")
        verbose_name_plural = _("专家")

    def clean(self):
        super().clean()
        self.contact_public = False
        if not self.consent:
            raise ValidationError({"consent": _("须征得专家本人同意后才能填报。")})


Expert.panels = listing_panels(
    Expert,
    [
        FieldRowPanel([FieldPanel("title_level"), FieldPanel("professional_title")]),
        FieldRowPanel([FieldPanel("position"), FieldPanel("honours")]),
        FieldPanel("expertise"),
        FieldPanel("achievements"),
        FieldPanel("service_modes"),
        FieldPanel("consent"),
    ],
)


class Instrument(Listing):
    listing_kind = ListingKind.INSTRUMENT
    title_label = _("仪器名称")

    instrument_category = models.CharField(
        _("仪器类别"),
        max_length=30,
        choices=InstrumentCategory.choices,
        db_index=True,
        help_text=_("按大型科研仪器分类选择。"),
    )
    model_number = models.CharField(_("规格型号"), max_length=100, help_text=_("以铭牌为准。"))
    manufacturer = models.CharField(_("生产厂商"), max_length=100, help_text=_("厂商全称。"))
    country_of_origin = models.CharField(
        _("产地"), max_length=2, choices=Country.choices, help_text=_("按原产国选择。")
    )
    original_value_wan = models.DecimalField(
        _("原值（万元）"),
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(50, message=_("原值不低于50万元的仪器设备才在此填报。"))],
        help_text=_("单台（套）原值，单位万元，保留两位小数；原值50万元以下的不在此填报。"),
    )
    purchase_year = year_field(_("购置年份"), _("如 2018。"))
    location = models.CharField(
        _("放置地点"), max_length=200, help_text=_("城市和园区（楼宇），不写涉密场所。")
    )
    specifications = models.TextField(
        _("主要技术指标"),
        validators=text_limit(1000),
        help_text=_("关键参数及精度，如“分辨率0.1 nm，温度范围 -40℃~85℃”。"),
    )
    functions = models.TextField(
        _("主要功能"), validators=text_limit(1000), help_text=_("可开展的测试分析和适用领域。")
    )
    sharing_modes = ChoiceListField(_("共享方式"), choice_set=SharingMode, help_text=_("可多选。"))
    fee_mode = models.CharField(_("收费方式"), max_length=12, choices=FeeMode.choices)
    fee_standard = models.CharField(
        _("收费标准"), max_length=200, blank=True, help_text=_("如“800元/机时”；面议的可不填。")
    )
    availability = models.CharField(
        _("开放时间"),
        max_length=200,
        help_text=_("如“工作日9:00–17:00，需提前3个工作日预约”。"),
    )

    COMPLETENESS_FIELDS = Listing.COMPLETENESS_FIELDS + [
        "instrument_category",
        "model_number",
        "manufacturer",
        "country_of_origin",
        "original_value_wan",
        "purchase_year",
        "location",
        "specifications",
        "functions",
        "sharing_modes",
        "fee_mode",
        "fee_standard",
        "availability",
    ]
    search_fields = Listing.search_fields + segmented(
        [
            index.SearchField("model_number"),
            index.SearchField("manufacturer"),
            index.SearchField("specifications"),
            index.SearchField("functions"),
        ]
    )

    class Meta:
        verbose_name = _("大型仪器设备")
        verbose_name_plural = _("大型仪器设备")


Instrument.panels = listing_panels(
    Instrument,
    [
        FieldRowPanel([FieldPanel("instrument_category"), FieldPanel("model_number")]),
        FieldRowPanel([FieldPanel("manufacturer"), FieldPanel("country_of_origin")]),
        FieldRowPanel([FieldPanel("original_value_wan"), FieldPanel("purchase_year")]),
        FieldPanel("location"),
        FieldPanel("specifications"),
        FieldPanel("functions"),
        FieldPanel("sharing_modes"),
        FieldRowPanel([FieldPanel("fee_mode"), FieldPanel("fee_standard")]),
        FieldPanel("availability"),
        FieldPanel("image"),
    ],
)


class TRLMixin(models.Model):
    trl = models.PositiveSmallIntegerField(
        _("技术就绪度"),
        choices=TRL.choices,
        db_index=True,
        help_text=_(
            "按GB/T 22900选择当前达到的最高等级；阶段（实验室/小试/中试/产业化）由此自动得出。"
        ),
    )

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    @property
    def maturity_stage(self):
        return maturity_stage_of(self.trl)


class ResearchResult(TRLMixin, Listing):
    listing_kind = ListingKind.RESULT
    title_label = _("成果名称")

    result_type = models.CharField(
        _("成果类型"), max_length=20, choices=ResultType.choices, db_index=True
    )
    completion_year = year_field(_("完成年份"), _("通过验收、鉴定或评价的年份。"))
    evaluation_level = models.CharField(
        _("评价水平"),
        max_length=20,
        choices=EvaluationLevel.choices,
        default=EvaluationLevel.NOT_EVALUATED,
        help_text=_("以成果评价或鉴定结论为准，没有的选“未评价”。"),
    )
    awards = models.CharField(
        _("获奖情况"),
        max_length=300,
        blank=True,
        help_text=_("如“2022年度国家科学技术进步奖二等奖”。"),
    )
    application = models.TextField(
        _("应用领域及推广情况"),
        validators=text_limit(1000),
        help_text=_("已应用的单位、规模和效果；可推广的领域。"),
    )
    advantages = models.TextField(
        _("技术优势"),
        blank=True,
        validators=text_limit(1000),
        help_text=_("与国内外同类技术相比的主要指标和先进性。"),
    )
    transfer_modes = ChoiceListField(
        _("转化方式"),
        choice_set=TransferMode,
        blank=True,
        help_text=_("可多选；不对外转化的不选。"),
    )
    transfer_terms = models.TextField(
        _("合作条件"),
        blank=True,
        validators=text_limit(1000),
        help_text=_("对合作方的要求、价格区间或“面议”。"),
    )

    COMPLETENESS_FIELDS = Listing.COMPLETENESS_FIELDS + [
        "result_type",
        "trl",
        "completion_year",
        "evaluation_level",
        "awards",
        "application",
        "advantages",
        "transfer_modes",
        "transfer_terms",
    ]
    search_fields = Listing.search_fields + segmented(
        [index.SearchField("application"), index.SearchField("advantages")]
    )

    class Meta:
        verbose_name = _("科研成果")
        verbose_name_plural = _("科研成果")


ResearchResult.panels = listing_panels(
    ResearchResult,
    [
        FieldRowPanel([FieldPanel("result_type"), FieldPanel("trl")]),
        FieldRowPanel([FieldPanel("completion_year"), FieldPanel("evaluation_level")]),
        FieldPanel("awards"),
        FieldPanel("application"),
        FieldPanel("advantages"),
        FieldPanel("transfer_modes"),
        FieldPanel("transfer_terms"),
        FieldPanel("image"),
    ],
    inlines=[InlinePanel("patents", max_num=20, heading=_("相关专利"), label=_("专利"))],
)


class OngoingProject(Listing):
    listing_kind = ListingKind.PROJECT
    title_label = _("项目名称")

    funding_programme = models.CharField(
        _("项目来源"),
        max_length=30,
        choices=FundingProgramme.choices,
        db_index=True,
        help_text=_("涉密项目一律不得填报。"),
    )
    programme_name = models.CharField(
        _("所属专项"),
        max_length=200,
        blank=True,
        help_text=_("如“国家重点研发计划‘氢能技术’重点专项”。"),
    )
    project_role = models.CharField(_("承担方式"), max_length=12, choices=ProjectRole.choices)
    start_date = models.DateField(_("开始时间"), help_text=_("按任务书填写年月，如 2023-01。"))
    end_date = models.DateField(
        _("结束时间"), help_text=_("按任务书填写年月；“有效期至”默认取此日期。")
    )
    budget_band = models.CharField(
        _("总经费"),
        max_length=12,
        choices=[c for c in AmountBand.choices if c[0] != AmountBand.NEGOTIABLE],
        help_text=_("项目总经费所在区间，不填具体金额。"),
    )
    project_stage = models.CharField(_("项目阶段"), max_length=16, choices=ProjectStage.choices)
    objectives = models.TextField(
        _("研究目标与主要内容"),
        validators=text_limit(1000),
        help_text=_("只写可公开的内容，不写关键技术细节。"),
    )
    cooperation_needs = models.TextField(
        _("合作需求"),
        blank=True,
        validators=text_limit(1000),
        help_text=_("希望合作方提供的技术、设备或人才。"),
    )

    COMPLETENESS_FIELDS = Listing.COMPLETENESS_FIELDS + [
        "funding_programme",
        "programme_name",
        "project_role",
        "start_date",
        "end_date",
        "budget_band",
        "project_stage",
        "objectives",
        "cooperation_needs",
    ]
    search_fields = Listing.search_fields + segmented(
        [index.SearchField("objectives"), index.SearchField("cooperation_needs")]
    )

    class Meta:
        verbose_name = _("在研项目")
        verbose_name_plural = _("在研项目")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("结束时间不能早于开始时间。")})


OngoingProject.panels = listing_panels(
    OngoingProject,
    [
        FieldRowPanel([FieldPanel("funding_programme"), FieldPanel("programme_name")]),
        FieldRowPanel([FieldPanel("project_role"), FieldPanel("project_stage")]),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("budget_band"),
        FieldPanel("objectives"),
        FieldPanel("cooperation_needs"),
        FieldPanel("image"),
    ],
)
