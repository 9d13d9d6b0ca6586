"""Opening a survey year with its indicators."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext
from wagtail.log_actions import log

from ..models import Indicator, SurveyYear
from ..models.survey import DEFAULT_INDICATORS
from .checks import SurveyRefused

# --- opening a year ---------------------------------------------------------------------


@transaction.atomic
def open_survey_year(
    *, year, user=None, title="", instructions="", deadline=None, status=SurveyYear.Status.PREPARING
):
    """Create the survey of ``year`` with its indicators; returns the ``SurveyYear``.

    Indicators are copied from the latest earlier year (wording, units, ranges,
    thresholds and order as the regulator last left them, ``not_more_than``
    pointing at the copy of the same code), or taken from
    ``DEFAULT_INDICATORS`` when there is no earlier year. Refused when the
    year exists already.
    """
    if SurveyYear.objects.filter(year=year).exists():
        raise SurveyRefused(gettext("%(year)s 年度的调查已经存在。") % {"year": year})
    try:
        with transaction.atomic():
            survey = SurveyYear.objects.create(
                year=year,
                title=title,
                instructions=instructions,
                deadline=deadline,
                status=status,
            )
    except IntegrityError:  # created by someone else a moment ago
        raise SurveyRefused(gettext("%(year)s 年度的调查已经存在。") % {"year": year}) from None
    source = SurveyYear.objects.filter(year__lt=year).order_by("-year").first()
    if source is not None and source.indicators.exists():
        _copy_indicators(source, survey)
    else:
        _default_indicators(survey)
    if user is not None:
        log(instance=survey, action="wagtail.create", user=user)
    return survey


def _copy_indicators(source, survey):
    old = list(source.indicators.order_by("sort_order", "pk"))
    copies = {}
    for indicator in old:
        copies[indicator.pk] = Indicator.objects.create(
            survey=survey,
            code=indicator.code,
            name=indicator.name,
            unit=indicator.unit,
            kind=indicator.kind,
            help_text=indicator.help_text,
            required=indicator.required,
            min_value=indicator.min_value,
            max_value=indicator.max_value,
            jump_threshold=indicator.jump_threshold,
            sort_order=indicator.sort_order,
        )
    for indicator in old:
        if indicator.not_more_than_id in copies:
            copy = copies[indicator.pk]
            copy.not_more_than = copies[indicator.not_more_than_id]
            copy.save(update_fields=["not_more_than"])


def _default_indicators(survey):
    created = {}
    for order, (code, name, unit, kind, low, high, _limit, help_text) in enumerate(
        DEFAULT_INDICATORS, start=1
    ):
        created[code] = Indicator.objects.create(
            survey=survey,
            code=code,
            name=name,
            unit=unit,
            kind=kind,
            min_value=low,
            max_value=high,
            help_text=help_text,
            sort_order=order * 10,
        )
    for code, *_rest, limit, _help in DEFAULT_INDICATORS:
        if limit and limit in created:
            created[code].not_more_than = created[limit]
            created[code].save(update_fields=["not_more_than"])


# --- indicators of a year with reports ------------------------------------------------------

# What the regulator may still change in an indicator once a report exists:
# its wording and order. Everything else changes what the filed numbers mean.
INDICATOR_WORDING_FIELDS = ("name", "help_text", "sort_order")
