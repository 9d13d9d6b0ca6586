"""科技情况调查: the regulator's annual S&T survey of the group companies, and the patent ranking.

Each year the regulator opens a ``SurveyYear`` with its ``Indicator`` list
(copied from the year before, so that codes stay stable and year-on-year
comparison works); every group company files one ``SurveyReport`` holding a
``SurveyValue`` per indicator. The report moves

    填报中 → 待集团审核 → 已报送 → 已接收 (locked)
               ↑ 已退回 ←──┘ (by the group's reviewer or by the regulator)

and every step is a ``SurveyReportEvent`` with its author and comment, so that
the regulator sees who filed, who checked and who accepted.

The patent ranking (专利拥有情况排序) is computed from accepted reports only;
``RankingRelease`` is the regulator's decision to make one year's ranking
public, with a frozen copy of what was released so that a report reopened
later cannot silently change a published ranking.

None of this is public except a released ranking: the survey is group
companies' internal data, and a group never reads another group's report.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

# Codes the ranking reads; they are the stable keys of the indicator system
# across years (names and help texts may be reworded, codes never change).
PATENTS_OWNED = "patents_owned"
INVENTION_PATENTS_OWNED = "invention_patents_owned"
RD_STAFF = "rd_staff"

# The indicators a new survey year starts with when there is no earlier year
# to copy. (code, name, unit, kind, min, max, not_more_than, help_text)
DEFAULT_INDICATORS = [
    (
        "rd_expenditure",
        "研究与试验发展（R&D）经费支出",
        "万元",
        "decimal",
        0,
        None,
        "",
        "按国家统计局 R&D 统计口径填报集团合并范围内本年度支出，含所属企业。",
    ),
    (
        "rd_intensity",
        "研发投入强度",
        "%",
        "percent",
        0,
        100,
        "",
        "R&D 经费支出占营业收入的比重，如 2.85 表示 2.85%。",
    ),
    (
        RD_STAFF,
        "R&D 人员",
        "人",
        "integer",
        0,
        None,
        "",
        "本年度参加研究与试验发展活动的人员数（全时当量以外的实际人数）。",
    ),
    (
        "invention_patents_applied",
        "发明专利申请量",
        "件",
        "integer",
        0,
        None,
        "",
        "本年度向国内外专利局提交的发明专利申请件数。",
    ),
    (
        "invention_patents_granted",
        "发明专利授权量",
        "件",
        "integer",
        0,
        None,
        "invention_patents_applied",
        "本年度获得授权的发明专利件数，不应超过当年发明专利申请量。",
    ),
    (
        PATENTS_OWNED,
        "拥有有效专利数",
        "件",
        "integer",
        0,
        None,
        "",
        "截至年末仍维持有效的专利总数（发明、实用新型、外观设计）。",
    ),
    (
        INVENTION_PATENTS_OWNED,
        "拥有有效发明专利数",
        "件",
        "integer",
        0,
        None,
        PATENTS_OWNED,
        "截至年末仍维持有效的发明专利数，不应超过拥有有效专利总数。",
    ),
    (
        "national_institutions",
        "国家级研发机构",
        "个",
        "integer",
        0,
        None,
        "",
        "国家重点实验室、国家工程（技术）研究中心、国家企业技术中心等，截至年末数量。",
    ),
    (
        "standards_led",
        "主导制定标准",
        "项",
        "integer",
        0,
        None,
        "",
        "本年度发布的、由本集团主导制定的国际、国家和行业标准数。",
    ),
    (
        "national_awards",
        "获国家级科技奖励",
        "项",
        "integer",
        0,
        None,
        "",
        "本年度获国家自然科学奖、技术发明奖、科学技术进步奖的项数（含合作完成）。",
    ),
]


class SurveyYear(ClusterableModel):
    """One year's 科技情况调查: its indicators, its window for filing, and its reports.

    ``year`` is the year the data describe (the 2025 survey is filed in early
    2026). Group companies file only while the year is open.
    """

    class Status(models.TextChoices):
        PREPARING = "preparing", _("筹备中")
        OPEN = "open", _("填报中")
        CLOSED = "closed", _("已截止")

    year = models.PositiveSmallIntegerField(
        _("调查年度"), unique=True, help_text=_("数据所属年度，如 2025 表示填报 2025 年度数据。")
    )
    title = models.CharField(_("标题"), max_length=120, blank=True)
    instructions = models.TextField(
        _("填报说明"), blank=True, help_text=_("显示在每份报表的顶部，说明口径和注意事项。")
    )
    deadline = models.DateField(_("报送截止日期"), null=True, blank=True)
    status = models.CharField(
        _("状态"), max_length=12, choices=Status.choices, default=Status.PREPARING
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        verbose_name = _("科技情况调查")
        verbose_name_plural = _("科技情况调查")
        ordering = ["-year"]

    def __str__(self):
        return self.title or _("%(year)s 年度科技情况调查") % {"year": self.year}

    @property
    def is_open(self):
        return self.status == self.Status.OPEN


class Indicator(models.Model):
    """One question of a survey year: a number with a unit, a range and consistency rules.

    ``not_more_than`` names another indicator of the same year that this one
    may not exceed (授权量 ≤ 申请量); ``jump_threshold`` is the year-on-year
    change, in per cent, beyond which the filer must confirm the value and say
    why (a typo of one zero is the commonest error of annual surveys).
    """

    class Kind(models.TextChoices):
        INTEGER = "integer", _("整数")
        DECIMAL = "decimal", _("数值")
        PERCENT = "percent", _("百分比")

    # A ParentalKey, so that the regulator edits a year and its indicators in one form.
    survey = ParentalKey(
        SurveyYear, verbose_name=_("调查年度"), on_delete=models.CASCADE, related_name="indicators"
    )
    code = models.SlugField(
        _("指标代码"),
        max_length=50,
        help_text=_("各年度保持不变，用于同比和排序，如 patents_owned。"),
    )
    name = models.CharField(_("指标名称"), max_length=100)
    unit = models.CharField(_("计量单位"), max_length=20, blank=True)
    kind = models.CharField(
        _("数据类型"), max_length=10, choices=Kind.choices, default=Kind.INTEGER
    )
    help_text = models.TextField(_("填报口径"), blank=True)
    required = models.BooleanField(_("必填"), default=True)
    min_value = models.DecimalField(
        _("最小值"), max_digits=18, decimal_places=4, null=True, blank=True
    )
    max_value = models.DecimalField(
        _("最大值"), max_digits=18, decimal_places=4, null=True, blank=True
    )
    not_more_than = models.ForeignKey(
        "self",
        verbose_name=_("不应超过"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("同一年度的另一指标，本指标的值不得大于它，如：发明专利授权量不超过申请量。"),
    )
    jump_threshold = models.PositiveSmallIntegerField(
        _("同比变动提示阈值（%）"),
        default=50,
        help_text=_("与上一年度已接收数据相比变动超过该百分比时，须填报人确认并说明原因。"),
    )
    sort_order = models.PositiveSmallIntegerField(_("排序"), default=0)

    class Meta:
        verbose_name = _("调查指标")
        verbose_name_plural = _("调查指标")
        ordering = ["survey", "sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "code"], name="one_indicator_code_per_year")
        ]

    def __str__(self):
        return f"{self.name}（{self.unit}）" if self.unit else self.name


class SurveyReport(models.Model):
    """A group company's report for one survey year (the group and all its subsidiaries)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("填报中")
        GROUP_REVIEW = "group_review", _("待集团审核")
        SUBMITTED = "submitted", _("已报送")
        RETURNED = "returned", _("已退回")
        ACCEPTED = "accepted", _("已接收")

    EDITABLE = (Status.DRAFT, Status.RETURNED)

    survey = models.ForeignKey(
        SurveyYear, verbose_name=_("调查年度"), on_delete=models.CASCADE, related_name="reports"
    )
    enterprise = models.ForeignKey(
        "snippets.Enterprise",
        verbose_name=_("集团公司"),
        on_delete=models.CASCADE,
        limit_choices_to={"level": "group"},
        related_name="survey_reports",
    )
    status = models.CharField(
        _("状态"), max_length=14, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    submitted_at = models.DateTimeField(_("报送时间"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("接收时间"), null=True, blank=True)
    updated_at = models.DateTimeField(_("最后更新"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("最后更新人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("科技情况调查报表")
        verbose_name_plural = _("科技情况调查报表")
        ordering = ["survey", "enterprise__sort_order", "enterprise__code"]
        # change_surveyreport is filling in (the group's editors and administrators);
        # these two are the review steps, held by different people.
        permissions = [
            ("review_surveyreport", _("集团审核并报送科技情况调查报表")),
            ("accept_surveyreport", _("接收或退回科技情况调查报表")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "enterprise"], name="one_survey_report_per_group"
            )
        ]

    def __str__(self):
        return f"{self.survey.year} · {self.enterprise}"

    @property
    def is_editable(self):
        return self.status in self.EDITABLE

    @property
    def is_locked(self):
        return self.status == self.Status.ACCEPTED


class SurveyValue(models.Model):
    """One indicator's value in one report, with the filer's confirmation of a large change."""

    report = models.ForeignKey(
        SurveyReport, verbose_name=_("报表"), on_delete=models.CASCADE, related_name="values"
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("指标"), on_delete=models.CASCADE, related_name="values"
    )
    value = models.DecimalField(_("数值"), max_digits=18, decimal_places=4, null=True, blank=True)
    jump_confirmed = models.BooleanField(_("已确认同比变动"), default=False)
    note = models.CharField(
        _("说明"), max_length=500, blank=True, help_text=_("同比变动较大时须说明原因。")
    )

    class Meta:
        verbose_name = _("调查数据")
        verbose_name_plural = _("调查数据")
        ordering = ["report", "indicator__sort_order", "indicator__pk"]
        constraints = [
            models.UniqueConstraint(fields=["report", "indicator"], name="one_value_per_indicator")
        ]

    def __str__(self):
        return f"{self.indicator}: {self.value}"


class SurveyReportEvent(models.Model):
    """One step of a report's life: saved, submitted, returned (with why), accepted."""

    class Action(models.TextChoices):
        SAVE = "save", _("保存")
        SUBMIT = "submit", _("提交集团审核")
        GROUP_RETURN = "group_return", _("集团退回")
        GROUP_APPROVE = "group_approve", _("集团审核通过并报送")
        RETURN = "return", _("监管机构退回")
        ACCEPT = "accept", _("监管机构接收")
        REOPEN = "reopen", _("重新打开")

    report = models.ForeignKey(
        SurveyReport, verbose_name=_("报表"), on_delete=models.CASCADE, related_name="events"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("操作人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    timestamp = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)
    action = models.CharField(_("操作"), max_length=14, choices=Action.choices)
    comment = models.TextField(_("意见"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("报表操作记录")
        verbose_name_plural = _("报表操作记录")
        ordering = ["-timestamp", "-pk"]

    def __str__(self):
        return f"{self.report} · {self.get_action_display()}"


class RankingRelease(models.Model):
    """The regulator's release of one survey year's patent ranking to the public.

    ``snapshot`` is the ranking as released (the rows of every ranking the
    public page shows), so that the public page reads what the regulator
    decided to publish; withdrawing sets ``withdrawn_at`` and takes it down.
    """

    survey = models.OneToOneField(
        SurveyYear,
        verbose_name=_("调查年度"),
        on_delete=models.CASCADE,
        related_name="ranking_release",
    )
    released_at = models.DateTimeField(_("发布时间"), auto_now_add=True)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("发布人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(_("说明"), blank=True, max_length=2000)
    snapshot = models.JSONField(_("发布内容"), default=dict)
    withdrawn_at = models.DateTimeField(_("撤回时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("专利排序发布")
        verbose_name_plural = _("专利排序发布")
        ordering = ["-survey__year"]

    def __str__(self):
        return str(self.survey)

    @property
    def is_public(self):
        return self.withdrawn_at is None
