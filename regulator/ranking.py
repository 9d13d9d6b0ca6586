"""专利拥有情况排序: the patent-ownership ranking of the group companies, from accepted survey reports.

Four rankings per survey year, each over *every* group company so that a
group without an accepted report is seen, not silently left out:

- 拥有有效专利数 (``PATENTS_OWNED``), in 件;
- 拥有有效发明专利数 (``INVENTION_PATENTS_OWNED``), in 件;
- 每百名 R&D 人员拥有有效发明专利数: invention patents ÷ R&D staff × 100;
- 有效专利增长率: patents owned against the previous survey year's accepted value, in %.

Only reports the regulator has accepted (已接收) count: a draft, a report
awaiting group review, one submitted but not yet accepted, or one returned
has no value here and its group is listed after the ranked ones with the
reason. Ties take the same rank and the next rank skips (1, 2, 2, 4 — 并列),
and within a tie, as among the unranked, the enterprises' own order
(``sort_order``, then ``code``) decides, so two computations of the same data
always read the same.

Arithmetic is ``Decimal``; the computed rankings round half up (四舍五入) to
two places (per hundred R&D staff) and one place (growth, %) *before*
ranking, so that two groups shown with the same value share a rank.

``rank`` is pure (plain rows in, plain rows out); ``gather`` reads the models
in a constant number of queries; ``compute`` puts both together; ``release``
and ``withdraw`` are the regulator's decision to publish a year's ranking,
with a frozen snapshot that a report reopened later cannot change.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.core.cache import cache
from django.db import models, transaction
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .models.survey import (
    INVENTION_PATENTS_OWNED,
    PATENTS_OWNED,
    RD_STAFF,
    RankingRelease,
    SurveyReport,
    SurveyReportEvent,
    SurveyValue,
    SurveyYear,
)

ACCEPTED = SurveyReport.Status.ACCEPTED
# A report still with the group company (never sent, or awaiting its own review)
# has not been 报送; one sent to the regulator and not (or no longer) accepted
# has been 报送 but not 接收.
WITH_THE_GROUP = (SurveyReport.Status.DRAFT, SurveyReport.Status.GROUP_REVIEW)
RETURNS = (
    SurveyReportEvent.Action.GROUP_RETURN,
    SurveyReportEvent.Action.RETURN,
    SurveyReportEvent.Action.REOPEN,
)
SNAPSHOT_VERSION = 1
RELEASED_YEARS_CACHE_KEY = "patent-ranking:released-years"
RELEASED_YEARS_CACHE_SECONDS = 300
PER_STAFF = Decimal(100)  # per hundred R&D staff: readable numbers (e.g. 12.5, not 0.125)


class Reason(models.TextChoices):
    """Why a group company has no value in a ranking (shown beside its name)."""

    NO_REPORT = "no_report", _("未报送")
    NOT_ACCEPTED = "not_accepted", _("未接收")
    MISSING = "missing", _("数据缺失")
    NO_RD_STAFF = "no_rd_staff", _("R&D 人员为 0 或缺失")
    NO_PREVIOUS = "no_previous", _("无上年数据")
    ZERO_PREVIOUS = "zero_previous", _("上年为 0，无法计算")


@dataclass(frozen=True)
class Entry:
    """One group company's numbers for one year; values are None unless its report is accepted.

    ``status`` is this year's report status (None: no report).
    ``previous_accepted`` says whether last year's report was accepted, and
    ``previous_patents_owned`` is its patents owned. ``last_return`` is the
    action of the latest return of a 已退回 report: a report the group's own
    reviewer sent back (``group_return``) never reached the regulator.
    """

    code: str
    name: str
    short_name: str = ""
    name_en: str = ""
    short_name_en: str = ""
    sort_order: int = 100
    enterprise_id: int | None = None
    status: str | None = None
    patents_owned: Decimal | None = None
    invention_patents_owned: Decimal | None = None
    rd_staff: Decimal | None = None
    previous_accepted: bool = False
    previous_patents_owned: Decimal | None = None
    last_return: str | None = None

    @property
    def sort_key(self):
        return (self.sort_order, self.code)

    @property
    def is_accepted(self):
        return self.status == ACCEPTED

    @property
    def display_name(self):
        return _pick(self.name, self.name_en)

    @property
    def display_short_name(self):
        return _pick(self.short_name or self.name, self.short_name_en or self.name_en)


def _pick(chinese, english):
    if (get_language() or "").startswith("en") and english:
        return english
    return chinese


@dataclass(frozen=True)
class Ranked:
    """One line of a ranking: a rank and a value, or no rank and the reason."""

    entry: Entry
    rank: int | None = None
    value: Decimal | None = None
    reason: Reason | None = None
    tied: bool = False

    @property
    def reason_label(self):
        return self.reason.label if self.reason else ""


def rank(entries: Iterable, *, key: Callable) -> list[Ranked]:
    """Standard competition ranking of ``entries`` by ``key``, highest first.

    ``key(entry)`` returns a Decimal (the value) or a ``Reason`` (no value).
    Equal values share a rank and the next rank skips (1, 2, 2, 4); within a
    tie and among the unranked, ``entry.sort_key`` orders. The unranked come
    after every ranked entry, with their reason and no rank.
    """
    valued, unvalued = [], []
    for entry in entries:
        result = key(entry)
        if isinstance(result, Reason):
            unvalued.append(Ranked(entry=entry, reason=result))
        elif result is None:
            unvalued.append(Ranked(entry=entry, reason=Reason.MISSING))
        else:
            valued.append((Decimal(result), entry))
    valued.sort(key=lambda pair: pair[1].sort_key)
    valued.sort(key=lambda pair: pair[0], reverse=True)  # stable: ties keep the enterprise order
    counts = {}
    for value, _entry in valued:
        counts[value] = counts.get(value, 0) + 1
    ranked, current_rank, previous = [], 0, None
    for position, (value, entry) in enumerate(valued, start=1):
        if value != previous:
            current_rank, previous = position, value
        ranked.append(Ranked(entry=entry, rank=current_rank, value=value, tied=counts[value] > 1))
    unvalued.sort(key=lambda row: row.entry.sort_key)
    return ranked + unvalued


# --- the four rankings ----------------------------------------------------------------------


def _quantize(value, places):
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _not_accepted(entry):
    if entry.status is None or entry.status in WITH_THE_GROUP:
        return Reason.NO_REPORT
    if (
        entry.status == SurveyReport.Status.RETURNED
        and entry.last_return == SurveyReportEvent.Action.GROUP_RETURN
    ):
        return Reason.NO_REPORT
    return Reason.NOT_ACCEPTED


def patents_owned(entry):
    if not entry.is_accepted:
        return _not_accepted(entry)
    if entry.patents_owned is None:
        return Reason.MISSING
    return _quantize(entry.patents_owned, 0)


def invention_patents_owned(entry):
    if not entry.is_accepted:
        return _not_accepted(entry)
    if entry.invention_patents_owned is None:
        return Reason.MISSING
    return _quantize(entry.invention_patents_owned, 0)


def invention_patents_per_hundred_rd_staff(entry):
    if not entry.is_accepted:
        return _not_accepted(entry)
    if entry.invention_patents_owned is None:
        return Reason.MISSING
    if not entry.rd_staff:  # None or 0
        return Reason.NO_RD_STAFF
    return _quantize(entry.invention_patents_owned * PER_STAFF / entry.rd_staff, 2)


def patents_growth(entry):
    if not entry.is_accepted:
        return _not_accepted(entry)
    if entry.patents_owned is None:
        return Reason.MISSING
    if not entry.previous_accepted or entry.previous_patents_owned is None:
        return Reason.NO_PREVIOUS
    if entry.previous_patents_owned == 0:
        return Reason.ZERO_PREVIOUS
    change = (entry.patents_owned - entry.previous_patents_owned) * 100
    return _quantize(change / entry.previous_patents_owned, 1)


@dataclass(frozen=True)
class Metric:
    """One of the four rankings: its slug (URL, snapshot, XLSX sheet), title, unit and rule."""

    slug: str
    title: str
    short_title: str
    unit: str
    places: int
    measure: Callable
    method: str
    do_not_call_in_templates = True  # a Metric is a key for rank(), not a template callable

    def __call__(self, entry):
        return self.measure(entry)


METRICS = (
    Metric(
        "patents",
        _("拥有有效专利数"),
        _("有效专利"),
        _("件"),
        0,
        patents_owned,
        _("截至年末仍维持有效的专利总数（发明、实用新型、外观设计），取自已接收的年度报表。"),
    ),
    Metric(
        "invention-patents",
        _("拥有有效发明专利数"),
        _("有效发明专利"),
        _("件"),
        0,
        invention_patents_owned,
        _("截至年末仍维持有效的发明专利数，取自已接收的年度报表。"),
    ),
    Metric(
        "per-rd-staff",
        _("每百名 R&D 人员拥有有效发明专利数"),
        _("每百名 R&D 人员"),
        _("件/百人"),
        2,
        invention_patents_per_hundred_rd_staff,
        _(
            "拥有有效发明专利数 ÷ R&D 人员数 × 100，四舍五入保留两位小数；R&D 人员为 0 或缺失的不参与排序。"
        ),
    ),
    Metric(
        "growth",
        _("有效专利增长率"),
        _("增长率"),
        "%",
        1,
        patents_growth,
        _(
            "（本年度拥有有效专利数 − 上年度数）÷ 上年度数 × 100%，四舍五入保留一位小数；上年度报表未接收或为 0 的不参与排序。"
        ),
    ),
)
METRICS_BY_SLUG = {metric.slug: metric for metric in METRICS}


def format_value(value, places):
    """``Decimal('1234.5')`` → ``'1,234.5'`` at ``places`` decimals (grouping as on the page)."""
    if value is None:
        return ""
    return f"{Decimal(value):,.{places}f}"


# --- from the models --------------------------------------------------------------------------


def gather(survey: SurveyYear) -> list[Entry]:
    """Every group company's entry for ``survey``, in three queries whatever their number.

    Values are read from accepted reports only; the previous survey year is
    the one of ``survey.year - 1`` (growth over a gap of years is not a year's growth).
    """
    from snippets.models import Enterprise

    years = (survey.year, survey.year - 1)
    groups = list(
        Enterprise.objects.groups()
        .order_by("sort_order", "code")
        .only("pk", "code", "name", "short_name", "name_en", "short_name_en", "sort_order")
    )
    statuses, last_returns = {}, {}
    last_return = (
        SurveyReportEvent.objects.filter(report=models.OuterRef("pk"), action__in=RETURNS)
        .order_by("-timestamp", "-pk")
        .values("action")[:1]
    )
    for enterprise_id, year, status, returned_by in (
        SurveyReport.objects.filter(survey__year__in=years)
        .annotate(last_return=models.Subquery(last_return))
        .values_list("enterprise_id", "survey__year", "status", "last_return")
    ):
        statuses[(enterprise_id, year)] = status
        last_returns[(enterprise_id, year)] = returned_by
    values = {}
    for enterprise_id, year, code, value in SurveyValue.objects.filter(
        report__survey__year__in=years,
        report__status=ACCEPTED,
        indicator__code__in=(PATENTS_OWNED, INVENTION_PATENTS_OWNED, RD_STAFF),
    ).values_list("report__enterprise_id", "report__survey__year", "indicator__code", "value"):
        values[(enterprise_id, year, code)] = value
    entries = []
    for group in groups:
        now, before = (group.pk, survey.year), (group.pk, survey.year - 1)
        status = statuses.get(now)
        accepted = status == ACCEPTED
        entries.append(
            Entry(
                code=group.code,
                name=group.name,
                short_name=group.short_name,
                name_en=group.name_en,
                short_name_en=group.short_name_en,
                sort_order=group.sort_order,
                enterprise_id=group.pk,
                status=status,
                patents_owned=values.get((*now, PATENTS_OWNED)) if accepted else None,
                invention_patents_owned=(
                    values.get((*now, INVENTION_PATENTS_OWNED)) if accepted else None
                ),
                rd_staff=values.get((*now, RD_STAFF)) if accepted else None,
                previous_accepted=statuses.get(before) == ACCEPTED,
                previous_patents_owned=values.get((*before, PATENTS_OWNED)),
                last_return=last_returns.get(now),
            )
        )
    return entries


@dataclass
class Ranking:
    metric: Metric
    rows: list

    @property
    def ranked(self):
        return [row for row in self.rows if row.rank is not None]

    @property
    def unranked(self):
        return [row for row in self.rows if row.rank is None]


@dataclass
class YearRankings:
    """A survey year's four rankings and their coverage (who is counted, who is not)."""

    survey: SurveyYear
    entries: list
    rankings: list = field(default_factory=list)

    @property
    def group_count(self):
        return len(self.entries)

    @cached_property
    def accepted(self):
        return [entry for entry in self.entries if entry.is_accepted]

    @cached_property
    def not_accepted(self):
        """Group companies whose report does not count, with their report's status label."""
        labels = dict(SurveyReport.Status.choices)
        return [
            (entry, labels.get(entry.status, _("未填报")) if entry.status else _("未填报"))
            for entry in self.entries
            if not entry.is_accepted
        ]

    def snapshot(self):
        return snapshot_of(self)


def compute(survey: SurveyYear) -> YearRankings:
    entries = gather(survey)
    result = YearRankings(survey=survey, entries=entries)
    result.rankings = [Ranking(metric, rank(entries, key=metric)) for metric in METRICS]
    return result


def ranking_year_is_plausible(year):
    """A year a URL may ask for; anything else is not found (and never reaches the database)."""
    return 1900 <= year <= 2999


def years_with_rankings():
    """Survey years newest first, each with its number of accepted reports (one query)."""
    return list(
        SurveyYear.objects.annotate(
            accepted_count=models.Count("reports", filter=models.Q(reports__status=ACCEPTED))
        ).order_by("-year")
    )


def default_year(years):
    """The latest year with an accepted report, else the latest year, else None."""
    return next((y for y in years if y.accepted_count), years[0] if years else None)


# --- release ---------------------------------------------------------------------------------


def snapshot_of(result: YearRankings) -> dict:
    """The JSON the public page reads: names in both languages, ranks, values as strings."""
    return {
        "version": SNAPSHOT_VERSION,
        "year": result.survey.year,
        "computed_at": timezone.now().isoformat(),
        "group_count": result.group_count,
        "accepted_count": len(result.accepted),
        "rankings": [
            {
                "slug": ranking.metric.slug,
                "title": str(ranking.metric.title),
                "places": ranking.metric.places,
                "rows": [
                    {
                        "rank": row.rank,
                        "code": row.entry.code,
                        "name": row.entry.name,
                        "name_en": row.entry.name_en,
                        "short_name": row.entry.short_name,
                        "short_name_en": row.entry.short_name_en,
                        "value": None if row.value is None else str(row.value),
                        "reason": row.reason.value if row.reason else None,
                    }
                    for row in ranking.rows
                ],
            }
            for ranking in result.rankings
        ],
    }


def comparable(snapshot):
    """What a snapshot says, without when it was computed (to tell whether the data moved)."""
    return [
        (r["slug"], [(row["rank"], row["code"], row["value"], row["reason"]) for row in r["rows"]])
        for r in (snapshot or {}).get("rankings", [])
    ]


class ReleaseRefused(Exception):
    pass


def release(*, survey: SurveyYear, user, note: str = "") -> RankingRelease:
    """Publish ``survey``'s ranking as it stands now (a re-release replaces the snapshot)."""
    if "\x00" in note:
        raise ReleaseRefused(_("发布说明含有无法保存的控制字符，请删除后重新填写。"))
    result = compute(survey)
    if not result.accepted:
        raise ReleaseRefused(_("该年度尚无已接收的报表，不能发布排序。"))
    with transaction.atomic():
        release_row, _created = RankingRelease.objects.select_for_update().get_or_create(
            survey=survey, defaults={"released_by": user}
        )
        release_row.snapshot = result.snapshot()
        release_row.note = note.strip()
        release_row.released_by = user
        release_row.released_at = timezone.now()
        release_row.withdrawn_at = None
        release_row.save()
    cache.delete(RELEASED_YEARS_CACHE_KEY)
    return release_row


def withdraw(*, survey: SurveyYear, user) -> RankingRelease:
    """Take a released ranking off the public site (the row and its snapshot stay for the record)."""
    release_row = RankingRelease.objects.filter(survey=survey).first()
    if release_row is None or release_row.withdrawn_at is not None:
        raise ReleaseRefused(_("该年度的排序未发布，无需撤回。"))
    release_row.withdrawn_at = timezone.now()
    release_row.save(update_fields=["withdrawn_at"])
    cache.delete(RELEASED_YEARS_CACHE_KEY)
    return release_row


def public_releases():
    return RankingRelease.objects.filter(withdrawn_at__isnull=True).select_related("survey")


def released_years():
    """Years whose ranking is public, newest first; cached, and cleared on release and withdrawal."""
    years = cache.get(RELEASED_YEARS_CACHE_KEY)
    if years is None:
        years = list(
            public_releases().order_by("-survey__year").values_list("survey__year", flat=True)
        )
        cache.set(RELEASED_YEARS_CACHE_KEY, years, RELEASED_YEARS_CACHE_SECONDS)
    return years
