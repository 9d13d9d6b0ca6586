"""共建和使用管理情况: the weights the regulator gives each participation metric.

The founding notice counts each enterprise's participation in its evaluation
(DESIGN.md §1). Which part of participation matters most is the regulator's
call and changes from year to year, so the weights are a setting it edits in
the admin (设置 → 参与情况权重), not constants in code. The metrics themselves
and how each is normalised live in ``regulator.participation``; a weight of 0
leaves a metric on the report without counting it in the score.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

WEIGHT_HELP = _("0–100 的整数；各项权重按其在全部权重之和中的占比计入得分，填 0 则不计分。")


def _weight(label, default, help_text):
    return models.PositiveSmallIntegerField(
        label,
        default=default,
        validators=[MaxValueValidator(100)],
        help_text=help_text,
    )


@register_setting(icon="pick")
class ParticipationWeights(BaseGenericSetting):
    """The weight of each participation metric in the score (0–100), one row for the platform.

    Weights need not add up to 100: each counts by its share of the sum, so
    the score stays 0–100 whatever the regulator enters. A sum of 0 would
    leave nothing to score and is refused.
    """

    submitted_weight = _weight(
        _("提交审核数"),
        20,
        _("统计期内提交审核（含退回后重新提交）的信息条数，以最多的集团为满分。"),
    )
    published_weight = _weight(
        _("新发布数"), 20, _("统计期内首次发布的信息条数，以最多的集团为满分。")
    )
    first_pass_weight = _weight(
        _("一次通过率"), 10, _("统计期内完成首次审核决定的信息中，未经退回即审核通过的比例。")
    )
    review_time_weight = _weight(
        _("审核用时"),
        10,
        _("从提交到最终审核通过的用时中位数；不超过下方目标天数为满分，超过按比例扣减。"),
    )
    freshness_weight = _weight(
        _("更新及时性"),
        15,
        _("截至统计期末距最近一次发布的天数；当天发布为满分，达到下方上限天数为 0 分。"),
    )
    completeness_weight = _weight(
        _("资源信息完整度"), 10, _("统计期末公开的资源信息的平均完整度（0–100%）。")
    )
    enquiries_weight = _weight(
        _("对接意向数"), 5, _("统计期内其资源信息收到的对接意向条数，以最多的集团为满分。")
    )
    receipts_weight = _weight(
        _("按期回执率"),
        10,
        _("截止日期在统计期内且已过期的通知中，按期回执的比例；没有应回执通知的集团不计此项。"),
    )
    target_review_days = models.PositiveSmallIntegerField(
        _("目标审核用时（天）"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_("审核用时中位数不超过此天数得满分；超过时得分为 目标天数 ÷ 实际天数。"),
    )
    stale_after_days = models.PositiveSmallIntegerField(
        _("更新间隔上限（天）"),
        default=90,
        validators=[MinValueValidator(1), MaxValueValidator(3650)],
        help_text=_("距最近一次发布达到此天数（或从未发布）时，更新及时性为 0 分。"),
    )

    WEIGHT_FIELDS = {
        "submitted": "submitted_weight",
        "published": "published_weight",
        "first_pass": "first_pass_weight",
        "review_time": "review_time_weight",
        "freshness": "freshness_weight",
        "completeness": "completeness_weight",
        "enquiries": "enquiries_weight",
        "receipts": "receipts_weight",
    }

    panels = [
        MultiFieldPanel(
            [FieldPanel(name) for name in WEIGHT_FIELDS.values()],
            heading=_("各项指标权重"),
            help_text=WEIGHT_HELP,
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("target_review_days"), FieldPanel("stale_after_days")])],
            heading=_("评分参数"),
        ),
    ]

    class Meta:
        verbose_name = _("参与情况权重")
        verbose_name_plural = _("参与情况权重")

    def as_dict(self):
        """``{metric key: weight}`` in the order of the report."""
        return {key: getattr(self, name) or 0 for key, name in self.WEIGHT_FIELDS.items()}

    @property
    def total(self):
        return sum(self.as_dict().values())

    def clean(self):
        super().clean()
        if self.total <= 0:
            raise ValidationError(
                _("各项权重之和不能为 0：至少给一项指标设置大于 0 的权重，否则无法计算得分。")
            )
