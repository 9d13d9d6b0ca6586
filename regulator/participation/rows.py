"""The rows of the report: one group company, or one enterprise, with its figures as read on screen."""

import datetime
import statistics
from dataclasses import dataclass, field

from django.utils.translation import gettext

from snippets.models import Enterprise

from .activity import Activity, streams
from .period import BEIJING
from .scoring import METRICS


def percent(value):
    """0–1 → a percentage with one decimal (None stays None)."""
    return None if value is None else round(100 * value, 1)


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
        return percent(self.first_pass)

    @property
    def receipts_percent(self):
        return percent(self.receipts)

    @property
    def score_parts(self):
        """``[(metric, 0–100 or None)]``: each metric as normalised for the score."""
        return [(metric, percent(self.scores.get(metric.key))) for metric in METRICS]

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
