"""Raw activity per enterprise: what each one submitted, published, had reviewed and received.

Every figure is read from what the platform already records (see the package
docstring) and grouped per enterprise in the database, in a fixed number of
queries whatever the number of enterprises. ``measure`` gathers them all.
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

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
from wagtail.models import Locale, PageLogEntry, TaskState, WorkflowState

from pages.models import AchievementPage, ArticlePage, ExperiencePage, NewsPage
from snippets.models import LISTING_MODELS, Enquiry, Listing, ListingKind
from workflows.audit import log_model_of
from workflows.tasks import _base_content_type

from ..notices import Status, notices_asking_for_receipts, summarise
from .period import midnight_after, today_in_beijing

SUBMIT_ACTIONS = ("wagtail.workflow.start", "wagtail.workflow.resume")
PUBLISH_ACTION = "wagtail.publish"
# The enterprise streams, in the order of the site's sections.
STREAM_MODELS = (NewsPage, AchievementPage, ExperiencePage)


def streams():
    """``[(key, label)]`` of the item types counted: three streams, then nine listing types."""
    return [(model.stream, model.stream_label) for model in STREAM_MODELS] + [
        (model.listing_kind, ListingKind(model.listing_kind).label) for model in LISTING_MODELS
    ]


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
        .filter(first_published_at__lt=midnight_after(as_of))
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
    for enterprise_id, moment in last_publications(midnight_after(as_of), zh).items():
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
