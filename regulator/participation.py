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
"""

import datetime
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    BigIntegerField,
    CharField,
    Count,
    Exists,
    F,
    Max,
    Min,
    OuterRef,
    Q,
    Subquery,
    Sum,
)
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, PageLogEntry, TaskState, WorkflowState

from pages.models import AchievementPage, ArticlePage, ExperiencePage, NewsPage
from snippets.models import LISTING_MODELS, Enquiry, Enterprise, Listing, ListingKind
from workflows.audit import log_model_of
from workflows.tasks import _base_content_type

from .notices import Status, notices_asking_for_receipts, summarise

BEIJING = ZoneInfo(settings.TIME_ZONE)
SUBMIT_ACTIONS = ("wagtail.workflow.start", "wagtail.workflow.resume")
PUBLISH_ACTION = "wagtail.publish"
# The enterprise streams, in the order of the site's sections.
STREAM_MODELS = (NewsPage, AchievementPage, ExperiencePage)


def streams():
    """``[(key, label)]`` of the item types counted: three streams, then nine listing types."""
    return [(model.stream, model.stream_label) for model in STREAM_MODELS] + [
        (model.listing_kind, ListingKind(model.listing_kind).label) for model in LISTING_MODELS
    ]


def today_in_beijing():
    return timezone.localdate(timezone=BEIJING)


# --- the period ----------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """Whole days in Beijing time, ``start`` and ``end`` both included."""

    start: datetime.date
    end: datetime.date

    @classmethod
    def month(cls, year, month):
        first = datetime.date(year, month, 1)
        following = (first + datetime.timedelta(days=32)).replace(day=1)
        return cls(first, following - datetime.timedelta(days=1))

    @classmethod
    def last_full_month(cls, today=None):
        first_of_this_month = (today or today_in_beijing()).replace(day=1)
        last = first_of_this_month - datetime.timedelta(days=1)
        return cls.month(last.year, last.month)

    @property
    def start_at(self):
        return datetime.datetime.combine(self.start, datetime.time.min, tzinfo=BEIJING)

    @property
    def end_at(self):
        """The first moment after the period (midnight in Beijing after ``end``)."""
        return datetime.datetime.combine(
            self.end + datetime.timedelta(days=1), datetime.time.min, tzinfo=BEIJING
        )

    @property
    def is_month(self):
        return self.start.day == 1 and self == Period.month(self.start.year, self.start.month)

    @property
    def days(self):
        return (self.end - self.start).days + 1

    @property
    def label(self):
        if self.is_month:
            return gettext("%(year)s年%(month)s月") % {
                "year": self.start.year,
                "month": self.start.month,
            }
        return gettext("%(start)s至%(end)s") % {
            "start": _long_date(self.start),
            "end": _long_date(self.end),
        }

    @property
    def slug(self):
        if self.is_month:
            return self.start.strftime("%Y-%m")
        return f"{self.start:%Y%m%d}-{self.end:%Y%m%d}"

    def contains(self, moment):
        return moment is not None and self.start_at <= moment < self.end_at

    def q(self, field_name):
        return Q(**{f"{field_name}__gte": self.start_at, f"{field_name}__lt": self.end_at})


def _long_date(day):
    return gettext("%(year)s年%(month)s月%(day)s日") % {
        "year": day.year,
        "month": day.month,
        "day": day.day,
    }


# --- raw activity per enterprise ----------------------------------------------------


@dataclass
class Activity:
    """What one enterprise (or a group with its subsidiaries) did; additive."""

    submitted: Counter = field(default_factory=Counter)  # stream key or listing kind -> items
    published: Counter = field(default_factory=Counter)
    first_pass: list = field(default_factory=list)  # one bool per item decided in the period
    review_hours: list = field(default_factory=list)  # one per round approved in the period
    last_published_at: datetime.datetime | None = None
    completeness_sum: int = 0
    completeness_count: int = 0
    enquiries: int = 0
    receipts_due: int = 0
    receipts_on_time: int = 0
    receipts_missed: list = field(default_factory=list)  # notice titles

    def add(self, other):
        self.submitted.update(other.submitted)
        self.published.update(other.published)
        self.first_pass.extend(other.first_pass)
        self.review_hours.extend(other.review_hours)
        if other.last_published_at and (
            self.last_published_at is None or other.last_published_at > self.last_published_at
        ):
            self.last_published_at = other.last_published_at
        self.completeness_sum += other.completeness_sum
        self.completeness_count += other.completeness_count
        self.enquiries += other.enquiries
        self.receipts_due += other.receipts_due
        self.receipts_on_time += other.receipts_on_time
        self.receipts_missed.extend(other.receipts_missed)
        return self


def _zh():
    return Locale.get_default()


def _stream_pages(zh):
    types = ContentType.objects.get_for_models(*STREAM_MODELS).values()
    return ArticlePage.objects.filter(
        locale=zh, enterprise__isnull=False, content_type__in=list(types)
    )


def _listings(zh):
    return Listing.objects.filter(locale=zh)


def _ids_as_text(items):
    """Ids of ``items`` as text: how Wagtail's workflow states and snippet logs name objects."""
    return items.annotate(_id_text=Cast("pk", CharField())).values("_id_text")


def _owner_of_object_id(model):
    """The owning enterprise of the ``model`` row an outer ``object_id`` (text) names."""
    return Subquery(
        model.objects.filter(pk=Cast(OuterRef("object_id"), BigIntegerField())).values(
            "enterprise_id"
        )[:1]
    )


def _logged(model, actions, *, within=None, before=None):
    """Exists: a log entry of ``actions`` about the outer ``model`` row, in ``within`` or before."""
    log_model = log_model_of(model)
    entries = log_model.objects.filter(action__in=actions)
    if log_model is PageLogEntry:
        entries = entries.filter(page_id=OuterRef("pk"))
    else:
        entries = entries.filter(object_id=Cast(OuterRef("pk"), CharField()))
    if within is not None:
        entries = entries.filter(within.q("timestamp"))
    if before is not None:
        entries = entries.filter(timestamp__lt=before)
    return Exists(entries)


def _per_type(pages, listings):
    """``{enterprise id: Counter(type key: items)}`` of two querysets, grouped in the database."""
    stream_of = {
        ct.pk: model.stream
        for model, ct in ContentType.objects.get_for_models(*STREAM_MODELS).items()
    }
    counts = defaultdict(Counter)
    for enterprise_id, type_id, n in (
        pages.order_by().values_list("enterprise_id", "content_type_id").annotate(n=Count("pk"))
    ):
        counts[enterprise_id][stream_of[type_id]] += n
    for enterprise_id, kind, n in (
        listings.order_by().values_list("enterprise_id", "kind").annotate(n=Count("pk"))
    ):
        counts[enterprise_id][kind] += n
    return counts


def submitted_items(period, zh=None):
    """Items submitted for review (first time or after a rejection) in ``period``, per type."""
    zh = zh or _zh()
    return _per_type(
        _stream_pages(zh).filter(_logged(ArticlePage, SUBMIT_ACTIONS, within=period)),
        _listings(zh).filter(_logged(Listing, SUBMIT_ACTIONS, within=period)),
    )


def published_items(period, zh=None):
    """Items first published in ``period``, per type (later updates are not new items)."""
    zh = zh or _zh()
    return _per_type(
        _stream_pages(zh).filter(period.q("first_published_at")),
        _listings(zh).filter(period.q("first_published_at")),
    )


def review_rounds(period, zh=None):
    """``(first_pass, review_hours)``, each ``{enterprise id: [...]}``, from Wagtail's review rounds.

    A round (``WorkflowState``) is decided at its first rejection, or at its
    approval if it had none. For 一次通过率 each item counts once: its first
    round decided in the period, True when that round was approved without
    being sent back. For 审核用时 every round approved in the period counts:
    hours from submission to the last approval (publication follows at once).
    """
    zh = zh or _zh()
    first_pass = {}  # (base type, object id) -> (decided at, enterprise id, passed)
    review_hours = defaultdict(list)
    for model, items in ((ArticlePage, _stream_pages(zh)), (Listing, _listings(zh))):
        rounds = (
            WorkflowState.objects.filter(
                base_content_type=_base_content_type(model), object_id__in=_ids_as_text(items)
            )
            .annotate(
                first_rejected_at=Min(
                    "task_states__finished_at",
                    filter=Q(task_states__status=TaskState.STATUS_REJECTED),
                ),
                finished_at=Max("task_states__finished_at"),
            )
            .filter(
                period.q("first_rejected_at")
                | (Q(status=WorkflowState.STATUS_APPROVED) & period.q("finished_at"))
            )
            .annotate(owner_id=_owner_of_object_id(model))
            .order_by()
            .values_list(
                "object_id", "owner_id", "status", "created_at", "first_rejected_at", "finished_at"
            )
        )
        for object_id, owner_id, status, created_at, rejected_at, finished_at in rounds:
            approved = status == WorkflowState.STATUS_APPROVED
            decided_at = rejected_at or (finished_at if approved else None)
            key = (model, object_id)
            if period.contains(decided_at) and (
                key not in first_pass or decided_at < first_pass[key][0]
            ):
                first_pass[key] = (decided_at, owner_id, rejected_at is None)
            if approved and period.contains(finished_at):
                review_hours[owner_id].append((finished_at - created_at).total_seconds() / 3600)
    passes = defaultdict(list)
    for _decided_at, owner_id, passed in first_pass.values():
        passes[owner_id].append(passed)
    return passes, review_hours


def last_publications(before, zh=None):
    """``{enterprise id: newest publication before ``before``}`` of its items.

    Both the publish log and ``first_published_at`` are read: items loaded
    in bulk (imports, the demo) may have no log entry for their publication.
    """
    zh = zh or _zh()
    pages, listings = _stream_pages(zh), _listings(zh)
    sources = [
        pages.filter(first_published_at__lt=before)
        .order_by()
        .values("enterprise_id")
        .annotate(last=Max("first_published_at"))
        .values_list("enterprise_id", "last"),
        listings.filter(first_published_at__lt=before)
        .order_by()
        .values("enterprise_id")
        .annotate(last=Max("first_published_at"))
        .values_list("enterprise_id", "last"),
        PageLogEntry.objects.filter(
            action=PUBLISH_ACTION, timestamp__lt=before, page_id__in=pages.values("pk")
        )
        .order_by()
        .values(owner_id=F("page__articlepage__enterprise_id"))
        .annotate(last=Max("timestamp"))
        .values_list("owner_id", "last"),
        log_model_of(Listing)
        .objects.filter(
            action=PUBLISH_ACTION, timestamp__lt=before, object_id__in=_ids_as_text(listings)
        )
        .annotate(owner_id=_owner_of_object_id(Listing))
        .order_by()
        .values("owner_id")
        .annotate(last=Max("timestamp"))
        .values_list("owner_id", "last"),
    ]
    newest = {}
    for source in sources:
        for enterprise_id, moment in source:
            if moment is not None and (
                enterprise_id not in newest or moment > newest[enterprise_id]
            ):
                newest[enterprise_id] = moment
    return newest


def listing_completeness(as_of, zh=None):
    """``{enterprise id: (sum of completeness, number)}`` of its listings public on ``as_of``.

    Public then: published before that day ended, valid on it and still live
    (a listing withdrawn since is not counted); the completeness is today's.
    """
    zh = zh or _zh()
    return {
        enterprise_id: (total or 0, n)
        for enterprise_id, total, n in Listing.objects.public(locale=zh, today=as_of)
        .filter(first_published_at__lt=_midnight_after(as_of))
        .order_by()
        .values("enterprise_id")
        .annotate(total=Sum("completeness"), n=Count("pk"))
        .values_list("enterprise_id", "total", "n")
    }


def enquiries_received(period):
    """``{enterprise id: enquiries}`` received on its listings in ``period``."""
    return dict(
        Enquiry.objects.filter(period.q("created_at"))
        .order_by()
        .values("enterprise_id")
        .annotate(n=Count("pk"))
        .values_list("enterprise_id", "n")
    )


def notice_receipts(period, today=None):
    """``{group id: (due, on time, [titles missed])}`` of notices due in ``period`` and past due.

    A notice counts once its deadline is over (before ``today``): until then a
    group may still acknowledge in time. Withdrawn notices ask for nothing.
    """
    today = today or today_in_beijing()
    last_deadline = min(period.end, today - datetime.timedelta(days=1))
    notices = notices_asking_for_receipts().filter(
        deadline__gte=period.start, deadline__lte=last_deadline
    )
    result = {}
    for summary in summarise(notices.order_by("deadline", "pk"), today=today):
        for row in summary.rows:
            due, on_time, missed = result.get(row.enterprise.pk, (0, 0, []))
            if row.status == Status.ON_TIME:
                on_time += 1
            else:
                missed = [*missed, summary.title]
            result[row.enterprise.pk] = (due + 1, on_time, missed)
    return result


def measure(period, *, today=None):
    """``{enterprise id: Activity}`` of every enterprise that did anything, in a fixed number of queries."""
    today = today or today_in_beijing()
    zh = _zh()
    activity = defaultdict(Activity)
    for enterprise_id, counts in submitted_items(period, zh).items():
        activity[enterprise_id].submitted.update(counts)
    for enterprise_id, counts in published_items(period, zh).items():
        activity[enterprise_id].published.update(counts)
    passes, hours = review_rounds(period, zh)
    for enterprise_id, values in passes.items():
        activity[enterprise_id].first_pass.extend(values)
    for enterprise_id, values in hours.items():
        activity[enterprise_id].review_hours.extend(values)
    as_of = min(period.end, today)
    for enterprise_id, moment in last_publications(_midnight_after(as_of), zh).items():
        activity[enterprise_id].last_published_at = moment
    for enterprise_id, (total, n) in listing_completeness(as_of, zh).items():
        activity[enterprise_id].completeness_sum = total
        activity[enterprise_id].completeness_count = n
    for enterprise_id, n in enquiries_received(period).items():
        activity[enterprise_id].enquiries = n
    for group_id, (due, on_time, missed) in notice_receipts(period, today).items():
        activity[group_id].receipts_due = due
        activity[group_id].receipts_on_time = on_time
        activity[group_id].receipts_missed = missed
    return activity


def _midnight_after(day):
    return datetime.datetime.combine(
        day + datetime.timedelta(days=1), datetime.time.min, tzinfo=BEIJING
    )


# --- rows as read on screen ----------------------------------------------------------


@dataclass
class ParticipationRow:
    """One group company (its items and its subsidiaries'), or one enterprise on its own."""

    enterprise: Enterprise
    activity: Activity
    as_of: datetime.date  # the day "days since the last publication" is counted to
    subsidiaries: list = field(default_factory=list)  # ParticipationRows, the group's own first
    is_own: bool = False  # a group company's own row (集团本级) among its enterprises
    scores: dict = field(default_factory=dict)  # metric key -> 0–1, or None: not applicable
    score: float = 0.0
    rank: int | None = None

    @property
    def name(self):
        return self.enterprise.name

    @property
    def short_name(self):
        return self.enterprise.short_name or self.enterprise.name

    @property
    def level_label(self):
        if self.is_own:
            return gettext("集团本级")
        return str(self.enterprise.get_level_display())

    def submitted_of(self, key):
        return self.activity.submitted.get(key, 0)

    def published_of(self, key):
        return self.activity.published.get(key, 0)

    @property
    def submitted(self):
        return sum(self.activity.submitted.values())

    @property
    def published(self):
        return sum(self.activity.published.values())

    @property
    def took_part(self):
        """Whether the enterprise submitted or published anything in the period."""
        return bool(self.submitted or self.published)

    @property
    def first_pass_decided(self):
        return len(self.activity.first_pass)

    @property
    def first_pass_approved(self):
        return sum(1 for passed in self.activity.first_pass if passed)

    @property
    def first_pass(self):
        """Share (0–1) of items approved at their first review; None: nothing decided."""
        decided = self.first_pass_decided
        return self.first_pass_approved / decided if decided else None

    @property
    def review_rounds(self):
        return len(self.activity.review_hours)

    @property
    def review_hours(self):
        """Median hours from submission to approval; None: nothing approved in the period."""
        hours = self.activity.review_hours
        return statistics.median(hours) if hours else None

    @property
    def review_days(self):
        hours = self.review_hours
        return None if hours is None else hours / 24

    @property
    def last_published_on(self):
        moment = self.activity.last_published_at
        return moment.astimezone(BEIJING).date() if moment else None

    @property
    def days_since_update(self):
        """Whole days from the last publication to the period's end (0: that day); None: never."""
        day = self.last_published_on
        return None if day is None else max(0, (self.as_of - day).days)

    @property
    def listings_public(self):
        return self.activity.completeness_count

    @property
    def completeness(self):
        """Average completeness (0–100) of the public listings; None: none public."""
        n = self.activity.completeness_count
        return self.activity.completeness_sum / n if n else None

    @property
    def enquiries(self):
        return self.activity.enquiries

    @property
    def receipts_due(self):
        return self.activity.receipts_due

    @property
    def receipts_on_time(self):
        return self.activity.receipts_on_time

    @property
    def receipts_missed(self):
        return self.activity.receipts_due - self.activity.receipts_on_time

    @property
    def receipts(self):
        """Share (0–1) of due notices acknowledged by the deadline; None: none due."""
        due = self.activity.receipts_due
        return self.activity.receipts_on_time / due if due else None

    # -- for templates, which cannot pass arguments --------------------------------

    @property
    def by_type(self):
        """``[(label, submitted, published)]`` per stream and listing type, in the report's order."""
        return [(label, self.submitted_of(key), self.published_of(key)) for key, label in streams()]

    @property
    def first_pass_percent(self):
        return None if self.first_pass is None else round(100 * self.first_pass, 1)

    @property
    def receipts_percent(self):
        return None if self.receipts is None else round(100 * self.receipts, 1)

    @property
    def score_parts(self):
        """``[(metric, 0–100 or None)]``: each metric as normalised for the score."""
        return [
            (
                metric,
                None
                if self.scores.get(metric.key) is None
                else round(100 * self.scores[metric.key], 1),
            )
            for metric in METRICS
        ]

    def value_of(self, key):
        return {
            "submitted": self.submitted,
            "published": self.published,
            "first_pass": self.first_pass,
            "review_time": self.review_days,
            "freshness": self.days_since_update,
            "completeness": self.completeness,
            "enquiries": self.enquiries,
            "receipts": self.receipts,
        }[key]


# --- scoring --------------------------------------------------------------------------


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
        from .models import ParticipationWeights

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


# --- the report -------------------------------------------------------------------------


@dataclass
class ParticipationReport:
    period: Period
    weights: Weights
    groups: list  # ParticipationRows, best first

    @property
    def enterprises(self):
        """Every enterprise on its own (each group's own row, then its subsidiaries), scored."""
        return [row for group in self.groups for row in group.subsidiaries]

    @property
    def taking_part(self):
        return [row for row in self.groups if row.took_part]

    def total(self, attribute):
        return sum(getattr(row, attribute) for row in self.groups)

    @property
    def total_submitted(self):
        return self.total("submitted")

    @property
    def total_published(self):
        return self.total("published")

    @property
    def missed_receipts(self):
        return [row for row in self.groups if row.receipts_missed]


def participation(*, start, end, weights=None, today=None):
    """The participation of every group company from ``start`` to ``end`` (dates, both included).

    Returns a ``ParticipationReport`` whose ``groups`` are scored and sorted
    best first; each group row lists its own row (集团本级) and its
    subsidiaries' in ``subsidiaries``, scored among all enterprises.
    """
    period = Period(start, end)
    today = today or today_in_beijing()
    if isinstance(weights, dict):
        weights = Weights(weights=weights)
    elif not isinstance(weights, Weights):
        weights = Weights.from_setting(weights)
    activity = measure(period, today=today)
    as_of = min(period.end, today)
    enterprises = list(Enterprise.objects.order_by("sort_order", "code"))
    groups = {}
    for enterprise in enterprises:
        if enterprise.is_group or enterprise.parent_id is None:
            groups[enterprise.pk] = ParticipationRow(
                enterprise=enterprise, activity=Activity(), as_of=as_of
            )
    for enterprise in enterprises:
        group_id = enterprise.pk if enterprise.pk in groups else enterprise.parent_id
        group = groups.get(group_id)
        if group is None:
            continue
        own = activity.get(enterprise.pk) or Activity()
        group.subsidiaries.append(
            ParticipationRow(
                enterprise=enterprise, activity=own, as_of=as_of, is_own=enterprise.pk == group_id
            )
        )
        group.activity.add(own)
    for group in groups.values():
        group.subsidiaries.sort(key=lambda row: (not row.is_own, row.enterprise.sort_order))
    group_rows = score_rows(list(groups.values()), weights)
    everyone = [row for group in group_rows for row in group.subsidiaries]
    # Each enterprise is also scored among all enterprises; the groups keep their own order.
    score_rows(everyone, weights)
    return ParticipationReport(period=period, weights=weights, groups=group_rows)
