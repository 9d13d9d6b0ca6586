"""The score: each metric normalised to 0–1 (``normalise``), then weighed (``weighted_score``).

``METRICS`` lists the metrics in the report's order, each with the rule of its
normalisation as told to the regulator; the weights are the regulator's
setting ``ParticipationWeights``, copied into ``Weights``.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    rule: str  # how it is normalised, said to the regulator on the report


METRICS = [
    Metric("submitted", _("提交审核"), _("本项数量 ÷ 本期最多的集团的数量")),
    Metric("published", _("新发布"), _("本项数量 ÷ 本期最多的集团的数量")),
    Metric("first_pass", _("一次通过率"), _("比例本身（0–100%）；本期无审核决定记 0")),
    Metric(
        "review_time",
        _("审核用时"),
        _("中位数不超过目标天数得满分，否则为 目标天数 ÷ 中位数；本期无审核通过记 0"),
    ),
    Metric(
        "freshness",
        _("更新及时性"),
        _("1 − 距上次发布天数 ÷ 上限天数，最低为 0；从未发布记 0"),
    ),
    Metric("completeness", _("资源信息完整度"), _("平均完整度 ÷ 100%；无公开资源信息记 0")),
    Metric("enquiries", _("对接意向"), _("本项数量 ÷ 本期最多的集团的数量")),
    Metric(
        "receipts",
        _("按期回执率"),
        _("比例本身；本期没有应回执通知的集团不计此项，其余各项按权重重新折算"),
    ),
]
METRIC_KEYS = [metric.key for metric in METRICS]
RELATIVE = {"submitted", "published", "enquiries"}


@dataclass(frozen=True)
class Weights:
    """The weights and parameters of the score (a plain copy of ``ParticipationWeights``)."""

    weights: dict
    target_review_days: int = 3
    stale_after_days: int = 90

    @classmethod
    def from_setting(cls, setting=None):
        from ..models import ParticipationWeights

        setting = setting or ParticipationWeights.load()
        return cls(
            weights=setting.as_dict(),
            target_review_days=setting.target_review_days or 1,
            stale_after_days=setting.stale_after_days or 1,
        )

    @property
    def total(self):
        return sum(self.weights.values())

    def share(self, key):
        """The weight of ``key`` as a share of all weights (0–1)."""
        total = self.total
        return self.weights.get(key, 0) / total if total else 0


def normalise(key, value, *, best, weights):
    """Metric ``key``'s ``value`` on a 0–1 scale; None when it does not apply to this row.

    ``best`` is the largest value of the metric among the rows compared (for
    the counts, which have no natural ceiling).
    """
    if key in RELATIVE:
        return value / best if best else 0.0
    if key == "receipts":
        return value  # None: no notice was due, the metric is left out for this row
    if value is None:
        return 0.0
    if key == "first_pass":
        return value
    if key == "review_time":
        target = weights.target_review_days
        return 1.0 if value <= target else target / value
    if key == "freshness":
        return max(0.0, 1 - value / weights.stale_after_days)
    if key == "completeness":
        return value / 100
    raise KeyError(key)


def weighted_score(scores, weights):
    """0–100: the weighted mean of the metrics that apply (weights re-based on those)."""
    applicable = {key: s for key, s in scores.items() if s is not None}
    total = sum(weights.weights.get(key, 0) for key in applicable)
    if not total:
        return 0.0
    return round(
        100 * sum(weights.weights.get(key, 0) * s for key, s in applicable.items()) / total, 1
    )


def score_rows(rows, weights):
    """Score ``rows`` against each other, sort them best first and rank them (ties share a rank)."""
    best = {key: max((row.value_of(key) or 0 for row in rows), default=0) for key in RELATIVE}
    for row in rows:
        row.scores = {
            key: normalise(key, row.value_of(key), best=best.get(key), weights=weights)
            for key in METRIC_KEYS
        }
        row.score = weighted_score(row.scores, weights)
    rows.sort(
        key=lambda row: (-row.score, -row.published, -row.submitted, row.enterprise.sort_order)
    )
    previous = None
    for position, row in enumerate(rows, start=1):
        row.rank = previous.rank if previous and previous.score == row.score else position
        previous = row
    return rows
