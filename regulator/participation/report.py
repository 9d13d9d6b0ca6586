"""The report: every group company's row (with its enterprises'), scored and ranked, for a period."""

from dataclasses import dataclass

from snippets.models import Enterprise

from .activity import Activity, measure
from .period import Period, today_in_beijing
from .rows import ParticipationRow
from .scoring import Weights, score_rows


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
