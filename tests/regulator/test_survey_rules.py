"""科技情况调查, the rules: opening a year, and what a filer's values must satisfy.

A group company's filer types numbers; the platform refuses what cannot be
right (not a number, a fraction of a person, a share over 100 %, more patents
granted than applied for, out of the indicator's range) and flags what may be
a typo (a year-on-year jump) until the filer confirms it and says why.
"""

from decimal import Decimal

import pytest

from regulator.models import Indicator, SurveyYear
from regulator.models.survey import DEFAULT_INDICATORS
from regulator.survey import (
    Entry,
    SurveyRefused,
    check_report,
    format_value,
    open_survey_year,
    parse_value,
)
from tests.regulator.survey_world import *  # noqa: F403
from tests.regulator.survey_world import A_2024, A_2025, by_code, entries

pytestmark = pytest.mark.django_db


def indicator(kind=Indicator.Kind.INTEGER, **fields):
    return Indicator(kind=kind, code="x", name="测试指标", unit="件", **fields)


# --- opening a year --------------------------------------------------------------------------


def test_the_first_year_starts_with_the_platforms_indicator_system():
    survey = open_survey_year(year=2023)
    codes = list(survey.indicators.order_by("sort_order").values_list("code", flat=True))
    assert codes == [row[0] for row in DEFAULT_INDICATORS]
    granted = survey.indicators.get(code="invention_patents_granted")
    assert granted.not_more_than.code == "invention_patents_applied"
    assert granted.not_more_than.survey == survey
    assert survey.status == SurveyYear.Status.PREPARING


def test_a_new_year_copies_last_years_indicators_with_their_limits_pointing_at_the_copies():
    y2024 = open_survey_year(year=2024)
    rd = y2024.indicators.get(code="rd_staff")
    rd.name, rd.jump_threshold, rd.sort_order = "研发人员（含外聘）", 30, 1
    rd.save()
    Indicator.objects.create(survey=y2024, code="pct_labs", name="新建实验室", sort_order=99)

    y2025 = open_survey_year(year=2025, deadline="2026-03-31")

    copied = by_code(y2025)
    assert set(copied) == set(by_code(y2024))
    assert copied["rd_staff"].name == "研发人员（含外聘）"
    assert copied["rd_staff"].jump_threshold == 30
    assert copied["invention_patents_owned"].not_more_than == copied["patents_owned"]
    assert copied["invention_patents_granted"].not_more_than.survey == y2025
    # last year's indicators are left as they were
    assert by_code(y2024)["invention_patents_owned"].not_more_than.survey == y2024


def test_a_year_is_opened_once():
    open_survey_year(year=2025)
    with pytest.raises(SurveyRefused, match="2025 年度的调查已经存在"):
        open_survey_year(year=2025)


# --- one value ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kind, raw, expected",
    [
        (Indicator.Kind.INTEGER, "1234", Decimal(1234)),
        (Indicator.Kind.INTEGER, " 1,234 ", Decimal(1234)),
        (Indicator.Kind.INTEGER, "１２３４", Decimal(1234)),  # typed with a Chinese input method
        (Indicator.Kind.INTEGER, "12.0", Decimal(12)),
        (Indicator.Kind.INTEGER, "0", Decimal(0)),
        (Indicator.Kind.DECIMAL, "1865000.5", Decimal("1865000.5")),
        (Indicator.Kind.DECIMAL, "0.0001", Decimal("0.0001")),
        (Indicator.Kind.DECIMAL, "99999999999999.9999", Decimal("99999999999999.9999")),
        (Indicator.Kind.DECIMAL, "1.50000000", Decimal("1.5")),
        (Indicator.Kind.INTEGER, "1.2e3", Decimal(1200)),
        (Indicator.Kind.INTEGER, "0e999999999", Decimal(0)),
        (Indicator.Kind.PERCENT, "2.85", Decimal("2.85")),
        (Indicator.Kind.PERCENT, "2.85%", Decimal("2.85")),
        (Indicator.Kind.INTEGER, "", None),
    ],
)
def test_numbers_as_people_type_them_are_read(kind, raw, expected):
    assert parse_value(indicator(kind), raw) == (expected, None)


@pytest.mark.parametrize(
    "kind, raw, message",
    [
        (Indicator.Kind.INTEGER, "约1200", "请输入数字"),
        (Indicator.Kind.INTEGER, "1200人", "请输入数字"),
        (Indicator.Kind.INTEGER, "NaN", "请输入数字"),
        (Indicator.Kind.INTEGER, "Infinity", "请输入数字"),
        (Indicator.Kind.INTEGER, "12.5", "本指标为整数，不能有小数"),
        (Indicator.Kind.DECIMAL, "0.00001", "最多保留 4 位小数"),
        (Indicator.Kind.DECIMAL, "100000000000000", "数值过大"),
        # Numbers written with an exponent far beyond what a report can hold.
        (Indicator.Kind.DECIMAL, "1e999999999", "数值过大"),
        (Indicator.Kind.DECIMAL, "-1e999999999", "数值过大"),
        (Indicator.Kind.INTEGER, "1E+1000000", "数值过大"),
        (Indicator.Kind.DECIMAL, "1e400", "数值过大"),
        (Indicator.Kind.DECIMAL, "9" * 5000, "数值过大"),
        (Indicator.Kind.DECIMAL, "1e-999999999", "最多保留 4 位小数"),
        (Indicator.Kind.INTEGER, "1e-999999999", "本指标为整数，不能有小数"),
    ],
)
def test_what_is_not_a_valid_number_is_refused_with_the_reason(kind, raw, message):
    value, error = parse_value(indicator(kind), raw)
    assert value is None
    assert message in error


def test_format_value_writes_numbers_without_trailing_zeros():
    assert format_value(Decimal("1234.0000")) == "1234"
    assert format_value(Decimal("2.8500")) == "2.85"
    assert format_value(None) == ""


# --- a whole report -------------------------------------------------------------------------------


def errors_by_code(check):
    codes = {i.pk: i.code for i in check.indicators}
    return {codes[pk]: messages for pk, messages in check.errors.items()}


def test_a_complete_consistent_report_passes(reg, years):
    _y2024, y2025 = years
    check = check_report(
        survey=y2025, enterprise=reg.group_a, entries=entries(y2025, A_2025), submitting=True
    )
    assert check.errors == {}
    assert check.jumps == {}
    assert check.ok_to_submit


@pytest.mark.parametrize(
    "code, raw, message",
    [
        ("rd_intensity", "100.01", "不能大于 100"),
        ("rd_intensity", "-0.5", "不能小于 0"),
        ("rd_staff", "-1", "不能小于 0"),
        ("rd_staff", "22800.5", "本指标为整数"),
        ("invention_patents_granted", "3551", "不应超过“发明专利申请量”（3550）"),
        ("invention_patents_owned", "28901", "不应超过“拥有有效专利数”（28900）"),
    ],
)
def test_out_of_range_and_inconsistent_values_are_errors_next_to_their_indicator(
    reg, years, code, raw, message
):
    _y2024, y2025 = years
    check = check_report(
        survey=y2025, enterprise=reg.group_a, entries=entries(y2025, {**A_2025, code: raw})
    )
    errors = errors_by_code(check)
    assert list(errors) == [code]
    assert message in errors[code][0]


@pytest.mark.parametrize(
    "code, raw",
    [
        ("rd_intensity", "100"),  # a share of exactly 100 %
        ("rd_intensity", "0"),
        ("invention_patents_granted", "3550"),  # granted = applied
        ("invention_patents_owned", "28900"),  # all patents owned are inventions
    ],
)
def test_boundaries_are_allowed(reg, years, code, raw):
    _y2024, y2025 = years
    # Keep within the year-on-year thresholds: only the boundary is under test.
    values = {**A_2025, code: raw}
    check = check_report(survey=y2025, enterprise=reg.group_a, entries=entries(y2025, values))
    assert check.errors == {}


def test_a_percentage_over_100_is_refused_even_without_a_maximum(reg, years):
    _y2024, y2025 = years
    share = y2025.indicators.get(code="rd_intensity")
    share.max_value = None
    share.save()
    check = check_report(
        survey=y2025, enterprise=reg.group_a, entries=entries(y2025, {"rd_intensity": "120"})
    )
    assert errors_by_code(check) == {"rd_intensity": ["百分比不能超过 100。"]}


def test_a_draft_may_be_incomplete_but_submission_needs_every_required_value(reg, years):
    _y2024, y2025 = years
    partial = entries(y2025, {"rd_staff": "22800"})
    assert check_report(survey=y2025, enterprise=reg.group_a, entries=partial).errors == {}

    check = check_report(survey=y2025, enterprise=reg.group_a, entries=partial, submitting=True)
    missing = errors_by_code(check)
    assert "rd_staff" not in missing
    assert len(missing) == len(DEFAULT_INDICATORS) - 1
    assert missing["patents_owned"] == ["报送前请填写本项；确实为零请填 0。"]


def test_an_optional_indicator_may_stay_empty_at_submission(reg, years):
    _y2024, y2025 = years
    y2025.indicators.filter(code="national_awards").update(required=False)
    values = {k: v for k, v in A_2025.items() if k != "national_awards"}
    check = check_report(
        survey=y2025, enterprise=reg.group_a, entries=entries(y2025, values), submitting=True
    )
    assert check.ok_to_submit


def test_a_year_on_year_jump_is_a_warning_until_submission(reg, years):
    """Last year 26,800 patents owned; 268,000 this year is a typo of one zero."""
    _y2024, y2025 = years
    values = {**A_2025, "patents_owned": "268000"}
    check = check_report(survey=y2025, enterprise=reg.group_a, entries=entries(y2025, values))
    assert check.errors == {}
    [jump] = check.jumps.values()
    assert jump.previous == Decimal(26800)
    assert jump.change_label == "+900.0%"
    assert "与上一年度已接收数据（26800）相比变动 +900.0%，超过 50% 的提示阈值" in jump.message

    at_submission = check_report(
        survey=y2025, enterprise=reg.group_a, entries=entries(y2025, values), submitting=True
    )
    assert "同比变动超过 50%" in errors_by_code(at_submission)["patents_owned"][0]


def test_a_confirmed_jump_needs_a_reason_and_then_may_be_submitted(reg, years):
    _y2024, y2025 = years
    values = {**A_2025, "national_institutions": "30"}  # 14 → 30: +114 %
    unexplained = check_report(
        survey=y2025,
        enterprise=reg.group_a,
        entries=entries(y2025, values, confirm=["national_institutions"]),
        submitting=True,
    )
    assert list(unexplained.note_errors.values()) == [["确认同比变动时请说明原因。"]]

    explained = check_report(
        survey=y2025,
        enterprise=reg.group_a,
        entries=entries(
            y2025,
            values,
            confirm=["national_institutions"],
            notes={"national_institutions": "并入示例材料研究总院，新增 15 个国家级平台。"},
        ),
        submitting=True,
    )
    assert explained.ok_to_submit
    assert list(explained.jumps.values())[0].confirmed


@pytest.mark.parametrize(
    "raw, is_jump",
    [
        ("21", False),  # 14 → 21: exactly +50 %, the threshold itself
        ("22", True),  # +57 %
        ("7", False),  # -50 %
        ("6", True),  # -57 %
    ],
)
def test_the_jump_threshold_is_a_strict_bound(reg, years, raw, is_jump):
    _y2024, y2025 = years
    check = check_report(
        survey=y2025,
        enterprise=reg.group_a,
        entries=entries(y2025, {"national_institutions": raw}),
    )
    assert bool(check.jumps) is is_jump


def test_jumps_compare_with_the_same_groups_accepted_report_only(reg, years):
    """Group B's values are far from group A's last year; group B has no jump against A."""
    _y2024, y2025 = years
    check = check_report(
        survey=y2025, enterprise=reg.group_b, entries=entries(y2025, {"patents_owned": "15500"})
    )
    assert check.jumps == {}
    # …and a report of last year that was never accepted is no reference.
    from regulator.models import SurveyReport

    SurveyReport.objects.filter(enterprise=reg.group_b).update(status="submitted")
    check = check_report(
        survey=y2025, enterprise=reg.group_b, entries=entries(y2025, {"patents_owned": "90000"})
    )
    assert check.jumps == {}


def test_from_zero_any_value_is_a_jump(reg, years):
    y2024, y2025 = years
    y2024.reports.get(enterprise=reg.group_a).values.filter(
        indicator__code="national_awards"
    ).update(value=0)
    check = check_report(
        survey=y2025, enterprise=reg.group_a, entries=entries(y2025, {"national_awards": "2"})
    )
    [jump] = check.jumps.values()
    assert jump.change_label == "上一年度为 0"


def test_a_note_longer_than_500_characters_is_refused(reg, years):
    _y2024, y2025 = years
    pk = y2025.indicators.get(code="rd_staff").pk
    check = check_report(
        survey=y2025,
        enterprise=reg.group_a,
        entries={pk: Entry("22800", note="说" * 501)},
    )
    assert check.note_errors == {pk: ["说明不能超过 500 字。"]}


def test_a_note_with_a_nul_character_is_refused_beside_its_value(reg, years):
    """Pasted from a broken file: the database cannot store it, so the filer is told, not a 500."""
    _y2024, y2025 = years
    pk = y2025.indicators.get(code="rd_staff").pk
    check = check_report(
        survey=y2025, enterprise=reg.group_a, entries={pk: Entry("22800", note="口径\x00调整")}
    )
    assert check.note_errors == {pk: ["说明含有无法保存的控制字符，请删除后重新填写。"]}
    assert check.has_errors


def test_the_stored_values_are_checked_when_no_entries_are_given(reg, years):
    y2024, _y2025 = years
    report = y2024.reports.get(enterprise=reg.group_a)
    check = check_report(survey=y2024, report=report, submitting=True)
    assert check.ok_to_submit
    assert check.values[by_code(y2024)["patents_owned"].pk] == Decimal(A_2024["patents_owned"])
