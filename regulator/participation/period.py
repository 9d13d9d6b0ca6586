"""The statistics' period: whole days in Beijing time, and today's date there."""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext

BEIJING = ZoneInfo(settings.TIME_ZONE)


def today_in_beijing():
    return timezone.localdate(timezone=BEIJING)


def midnight_after(day):
    """The first moment after ``day`` (midnight in Beijing)."""
    return datetime.datetime.combine(
        day + datetime.timedelta(days=1), datetime.time.min, tzinfo=BEIJING
    )


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
        return midnight_after(self.end)

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
