"""共建和使用管理情况: how much each group company takes part in the platform, per period.

The founding notice counts participation in each enterprise's evaluation
(DESIGN.md §1). Everything is read from what the platform already records,
so the statistics can never disagree with the items' own histories:

- 提交审核: items whose audit log (``PageLogEntry`` / ``ListingLogEntry``, as the
  审核记录 report reads it, ``workflows.audit``) has a submission
  (``wagtail.workflow.start`` or ``.resume``) in the period;
- 新发布: items first published in the period (``first_published_at``, kept by
  the system and never typed by hand, DESIGN.md §9);
- 一次通过率 and 审核用时: Wagtail's review rounds (``WorkflowState`` with their
  ``TaskState`` decisions, as ``workflows.accountability`` reads them);
- 距上次发布: the newest publication up to the period's end, from the log and
  from ``first_published_at`` (imported or seeded items may have no log entry);
- 资源信息完整度: the stored ``completeness`` (``snippets.models.completeness_of``)
  of the listings public at the period's end (and still live);
- 对接意向: enquiries received in the period (``snippets.Enquiry``);
- 按期回执率: the notices whose deadline fell in the period and has passed, sent
  to the group by the targeting rule of ``regulator.notices``.

Items are the three enterprise streams (科技动态, 重大科技成就, 管理经验) and the
nine listing types, in the Chinese tree (a translation is the same item). A
group company's row holds its own items and its subsidiaries' (the group
answers for them); each enterprise's own row is kept, so subsidiaries can be
shown apart. Every metric is computed in a fixed number of queries, whatever
the number of enterprises.

Measuring and scoring are separate: ``measure`` returns raw activity per
enterprise, ``score_rows`` normalises each metric to 0–1 (``normalise``) and
weighs it by ``ParticipationWeights`` (``weighted_score``).

The modules: ``period`` (the period, in Beijing time), ``activity`` (the raw
figures, ``measure``), ``scoring`` (``METRICS``, ``Weights``, ``normalise``,
``score_rows``), ``rows`` (``ParticipationRow``, the figures as read on
screen) and ``report`` (``participation``, which puts them together). Their
public names are re-exported here.
"""

from .activity import (
    PUBLISH_ACTION,
    STREAM_MODELS,
    SUBMIT_ACTIONS,
    Activity,
    enquiries_received,
    last_publications,
    listing_completeness,
    measure,
    notice_receipts,
    published_items,
    review_rounds,
    streams,
    submitted_items,
)
from .period import BEIJING, Period, midnight_after, today_in_beijing
from .report import ParticipationReport, participation
from .rows import ParticipationRow, percent
from .scoring import (
    METRIC_KEYS,
    METRICS,
    RELATIVE,
    Metric,
    Weights,
    normalise,
    score_rows,
    weighted_score,
)

__all__ = [
    "BEIJING",
    "METRICS",
    "METRIC_KEYS",
    "PUBLISH_ACTION",
    "RELATIVE",
    "STREAM_MODELS",
    "SUBMIT_ACTIONS",
    "Activity",
    "Metric",
    "ParticipationReport",
    "ParticipationRow",
    "Period",
    "Weights",
    "enquiries_received",
    "last_publications",
    "listing_completeness",
    "measure",
    "midnight_after",
    "normalise",
    "notice_receipts",
    "participation",
    "percent",
    "published_items",
    "review_rounds",
    "score_rows",
    "streams",
    "submitted_items",
    "today_in_beijing",
    "weighted_score",
]
