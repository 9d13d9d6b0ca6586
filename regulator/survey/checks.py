"""Reading and checking a report's values: ``check_report`` and what it returns.

Blocking errors (not a number, decimals in a count, out of range, a share over
100 %, 授权量 above 申请量, missing values at submission) and year-on-year
jumps against the group's accepted report of the year before, which the filer
confirms with a reason before submitting.
"""

import math
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext

from ..models import Indicator, SurveyReport, SurveyReportEvent, SurveyValue

Status = SurveyReport.Status
Kind = Indicator.Kind

DECIMAL_PLACES = 4
MAX_INTEGER_DIGITS = 18 - DECIMAL_PLACES
NOTE_MAX_LENGTH = SurveyValue._meta.get_field("note").max_length
COMMENT_MAX_LENGTH = SurveyReportEvent._meta.get_field("comment").max_length

# Digits and signs typed with a Chinese input method, and the separators people paste.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，－＋％", "0123456789.,-+%")


class SurveyRefused(Exception):
    """Why a step was not taken, in words the user reads."""

    def __init__(self, message, check=None):
        super().__init__(message)
        self.message = message
        self.check = check


# --- reading and checking values -----------------------------------------------------------


@dataclass
class Entry:
    """What the filer gave for one indicator: the text as typed (or a number), and the jump's confirmation."""

    raw: object = ""
    jump_confirmed: bool = False
    note: str = ""


@dataclass
class Jump:
    """A year-on-year change beyond the indicator's threshold."""

    previous: Decimal
    value: Decimal
    threshold: int
    confirmed: bool
    note: str

    @property
    def change(self):
        """The change in per cent (None: from zero)."""
        if self.previous == 0:
            return None
        return (self.value - self.previous) / abs(self.previous) * 100

    @property
    def change_label(self):
        change = self.change
        if change is None:
            return gettext("上一年度为 0")
        return f"{change:+.1f}%"

    @property
    def message(self):
        return gettext(
            "与上一年度已接收数据（%(previous)s）相比变动 %(change)s，超过 %(threshold)s%% 的提示阈值："
            "请核对；数据无误时勾选确认并说明原因。"
        ) % {
            "previous": format_value(self.previous),
            "change": self.change_label,
            "threshold": self.threshold,
        }


@dataclass
class ReportCheck:
    """The outcome of ``check_report``: per indicator id, errors and a jump to confirm."""

    indicators: list
    values: dict = field(default_factory=dict)  # indicator id -> Decimal | None
    entries: dict = field(default_factory=dict)  # indicator id -> Entry (as given)
    errors: dict = field(default_factory=dict)  # indicator id -> [message]
    note_errors: dict = field(default_factory=dict)  # indicator id -> [message]
    jumps: dict = field(default_factory=dict)  # indicator id -> Jump
    previous: dict = field(default_factory=dict)  # indicator code -> Decimal (last year, accepted)
    changed: bool = False  # set by ``save_report``: whether anything was stored

    def add(self, indicator, message):
        self.errors.setdefault(indicator.pk, []).append(message)

    @property
    def has_errors(self):
        return bool(self.errors or self.note_errors)

    @property
    def unconfirmed_jumps(self):
        return {pk: jump for pk, jump in self.jumps.items() if not jump.confirmed}

    @property
    def ok_to_submit(self):
        return not self.has_errors and not self.unconfirmed_jumps

    def error_count(self):
        return sum(len(v) for v in self.errors.values()) + sum(
            len(v) for v in self.note_errors.values()
        )


def format_value(value):
    """A stored value as people write it: no trailing zeros, thousands not separated."""
    if value is None:
        return ""
    value = Decimal(value)
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return format(value.normalize(), "f")


def parse_value(indicator, raw):
    """``(Decimal or None, error message or None)`` of what was typed for ``indicator``.

    Accepts full-width digits, thousands separators and a trailing % on a
    percentage; an empty entry is ``None`` (missing), not zero.
    """
    if raw is None:
        return None, None
    if isinstance(raw, (int, Decimal)) and not isinstance(raw, bool):
        text = str(raw)
    elif isinstance(raw, float):
        if not math.isfinite(raw):
            return None, gettext("请输入数字。")
        text = repr(raw)
    else:
        text = str(raw).translate(_FULL_WIDTH).strip().replace(",", "").replace(" ", "")
    if text == "":
        return None, None
    if indicator.kind == Kind.PERCENT and text.endswith("%"):
        text = text[:-1]
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None, gettext("请输入数字，如 1234 或 56.78。")
    if not value.is_finite():
        return None, gettext("请输入数字，如 1234 或 56.78。")
    # Magnitude and decimals are read from the digits and the exponent, never by
    # arithmetic: "1e999999999" or "1e-999999999" would overflow the decimal
    # context or reach the database (18 digits, 4 of them decimals).
    if not value:
        value = Decimal(0)
    elif value.adjusted() >= MAX_INTEGER_DIGITS:
        return None, gettext("数值过大，请核对计量单位（%(unit)s）。") % {
            "unit": indicator.unit or "—"
        }
    places = _decimal_places(value)
    if indicator.kind == Kind.INTEGER and places:
        return None, gettext("本指标为整数，不能有小数。")
    if places > DECIMAL_PLACES:
        return None, gettext("最多保留 %(places)s 位小数。") % {"places": DECIMAL_PLACES}
    if indicator.kind == Kind.INTEGER:
        value = value.quantize(Decimal(1))
    return value, None


def _decimal_places(value):
    """How many decimals a finite, non-zero ``value`` really has (trailing zeros do not count)."""
    _sign, digits, exponent = value.as_tuple()
    if exponent >= 0:
        return 0
    trailing = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return max(0, -exponent - trailing)


def previous_values(*, survey, enterprise):
    """``{code: value}`` of the group's accepted report of the year before (empty if none)."""
    if enterprise is None:
        return {}
    rows = SurveyValue.objects.filter(
        report__survey__year=survey.year - 1,
        report__enterprise=enterprise,
        report__status=Status.ACCEPTED,
        value__isnull=False,
    ).values_list("indicator__code", "value")
    return dict(rows)


def stored_entries(report):
    """The report's stored values as ``Entry`` objects keyed by indicator id."""
    if report is None or report.pk is None:
        return {}
    return {v.indicator_id: Entry(v.value, v.jump_confirmed, v.note) for v in report.values.all()}


def check_report(
    *, survey, enterprise=None, report=None, entries=None, submitting=False, indicators=None
):
    """Check a report's values; returns a ``ReportCheck``.

    - ``entries``: ``{indicator id: Entry}`` as the filer typed them; by
      default the stored values of ``report``.
    - ``submitting``: also require every required value and a confirmed jump
      (with a reason) for every change beyond its threshold.

    Errors block saving; jumps are warnings until the report is submitted.
    """
    if report is not None:
        enterprise = enterprise or report.enterprise
    if entries is None:
        entries = stored_entries(report)
    if indicators is None:
        indicators = list(
            survey.indicators.select_related("not_more_than").order_by("sort_order", "pk")
        )
    check = ReportCheck(indicators=indicators, entries=entries)
    check.previous = previous_values(survey=survey, enterprise=enterprise)
    for indicator in indicators:
        entry = entries.get(indicator.pk) or Entry()
        value, error = parse_value(indicator, entry.raw)
        check.values[indicator.pk] = value
        if error:
            check.add(indicator, error)
            continue
        note = (entry.note or "").strip()
        if len(note) > NOTE_MAX_LENGTH:
            check.note_errors.setdefault(indicator.pk, []).append(
                gettext("说明不能超过 %(max)s 字。") % {"max": NOTE_MAX_LENGTH}
            )
        if "\x00" in note:
            check.note_errors.setdefault(indicator.pk, []).append(
                gettext("说明含有无法保存的控制字符，请删除后重新填写。")
            )
        if value is None:
            if submitting and indicator.required:
                check.add(indicator, gettext("报送前请填写本项；确实为零请填 0。"))
            continue
        if indicator.min_value is not None and value < indicator.min_value:
            check.add(
                indicator,
                gettext("不能小于 %(min)s。") % {"min": format_value(indicator.min_value)},
            )
        if indicator.max_value is not None and value > indicator.max_value:
            check.add(
                indicator,
                gettext("不能大于 %(max)s。") % {"max": format_value(indicator.max_value)},
            )
        if indicator.kind == Kind.PERCENT and value > 100:
            check.add(indicator, gettext("百分比不能超过 100。"))
        previous = check.previous.get(indicator.code)
        if previous is not None and _is_jump(previous, value, indicator.jump_threshold):
            jump = Jump(
                previous=previous,
                value=value,
                threshold=indicator.jump_threshold,
                confirmed=bool(entry.jump_confirmed),
                note=note,
            )
            check.jumps[indicator.pk] = jump
            if jump.confirmed and not note:
                check.note_errors.setdefault(indicator.pk, []).append(
                    gettext("确认同比变动时请说明原因。")
                )
            elif submitting and not jump.confirmed:
                check.add(
                    indicator,
                    gettext(
                        "同比变动超过 %(threshold)s%%：报送前请核对，确认无误后勾选确认并说明原因。"
                    )
                    % {"threshold": indicator.jump_threshold},
                )
    # Consistency between indicators, once each value is a number.
    for indicator in indicators:
        limit = indicator.not_more_than
        if limit is None or indicator.pk in check.errors:
            continue
        value, bound = check.values.get(indicator.pk), check.values.get(limit.pk)
        if value is not None and bound is not None and value > bound:
            check.add(
                indicator,
                gettext("不应超过“%(other)s”（%(bound)s）。")
                % {"other": limit.name, "bound": format_value(bound)},
            )
    return check


def _is_jump(previous, value, threshold):
    if previous == value:
        return False
    if previous == 0:
        return True
    return abs(value - previous) * 100 > abs(previous) * threshold
