"""XLSX of the survey: a year's reports (one row per group company) and one group's report.

Numbers are written as numbers (so the regulator can sum and sort in Excel),
times in Beijing time, and every text cell a spreadsheet would read as a
formula is neutralised, as in every export of the platform.
"""

from io import BytesIO

from django.http import FileResponse
from django.utils.translation import gettext

from workflows.audit import neutralise_formula

from ..export import beijing_time
from ..models import Indicator
from .checks import check_report

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _number(indicator, value):
    if value is None:
        return None
    if indicator.kind == Indicator.Kind.INTEGER:
        return int(value)
    return float(value)


def _text(value):
    return neutralise_formula(value or "")


def indicator_heading(indicator):
    return f"{indicator.name}（{indicator.unit}）" if indicator.unit else indicator.name


def year_workbook(*, survey, indicators, rows):
    """The regulator's workbook of ``survey``: sheet 报表 and sheet 同比变动说明.

    ``rows``: ``ReportRow`` objects (one per group company, those without a
    report included), values prefetched.
    """
    from openpyxl import Workbook

    workbook = Workbook(write_only=True, iso_dates=True)
    sheet = workbook.create_sheet(title=gettext("报表"))
    sheet.append(
        [
            gettext("集团公司"),
            gettext("状态"),
            gettext("最后更新"),
            gettext("报送时间"),
            gettext("接收时间"),
            *[indicator_heading(i) for i in indicators],
        ]
    )
    notes = workbook.create_sheet(title=gettext("同比变动说明"))
    notes.append(
        [
            gettext("集团公司"),
            gettext("指标"),
            gettext("上一年度"),
            gettext("本年度"),
            gettext("变动"),
            gettext("已确认"),
            gettext("说明"),
        ]
    )
    for row in rows:
        values = row.values_by_indicator
        sheet.append(
            [
                _text(row.enterprise.name),
                row.status_label,
                beijing_time(row.report.updated_at) if row.report else None,
                beijing_time(row.report.submitted_at) if row.report else None,
                beijing_time(row.report.accepted_at) if row.report else None,
                *[_number(i, getattr(values.get(i.pk), "value", None)) for i in indicators],
            ]
        )
        for indicator in indicators:
            stored = values.get(indicator.pk)
            if stored is None or not (stored.note or stored.jump_confirmed):
                continue
            previous = row.previous.get(indicator.code)
            change = ""
            if previous is not None and stored.value is not None and previous != 0:
                change = f"{(stored.value - previous) / abs(previous) * 100:+.1f}%"
            notes.append(
                [
                    _text(row.enterprise.name),
                    _text(indicator_heading(indicator)),
                    _number(indicator, previous),
                    _number(indicator, stored.value),
                    change,
                    gettext("是") if stored.jump_confirmed else gettext("否"),
                    _text(stored.note),
                ]
            )
    output = BytesIO()
    workbook.save(output)
    output.seek(0)
    return output


def report_workbook(*, survey, enterprise, report, events):
    """One group company's report: its values with last year's, and its history."""
    from openpyxl import Workbook

    check = check_report(survey=survey, enterprise=enterprise, report=report)
    workbook = Workbook(write_only=True, iso_dates=True)
    sheet = workbook.create_sheet(title=gettext("报表"))
    sheet.append([_text(enterprise.name), str(survey)])
    sheet.append(
        [
            gettext("状态"),
            report.get_status_display() if report else gettext("未填报"),
            gettext("报送时间"),
            beijing_time(report.submitted_at) if report else None,
            gettext("接收时间"),
            beijing_time(report.accepted_at) if report else None,
        ]
    )
    sheet.append([])
    sheet.append(
        [
            gettext("指标代码"),
            gettext("指标"),
            gettext("计量单位"),
            gettext("本年度"),
            gettext("上一年度"),
            gettext("同比变动提示"),
            gettext("说明"),
        ]
    )
    for indicator in check.indicators:
        jump = check.jumps.get(indicator.pk)
        entry = check.entries.get(indicator.pk)
        sheet.append(
            [
                indicator.code,
                _text(indicator.name),
                _text(indicator.unit),
                _number(indicator, check.values.get(indicator.pk)),
                _number(indicator, check.previous.get(indicator.code)),
                (
                    (
                        gettext("已确认 %(change)s")
                        if jump.confirmed
                        else gettext("待确认 %(change)s")
                    )
                    % {"change": jump.change_label}
                    if jump
                    else ""
                ),
                _text(entry.note if entry else ""),
            ]
        )
    history = workbook.create_sheet(title=gettext("操作记录"))
    history.append([gettext("时间"), gettext("操作人"), gettext("操作"), gettext("意见")])
    for event in events:
        history.append(
            [
                beijing_time(event.timestamp),
                _text(user_label(event.user)),
                event.get_action_display(),
                _text(event.comment),
            ]
        )
    output = BytesIO()
    workbook.save(output)
    output.seek(0)
    return output


def user_label(user):
    if user is None:
        return "—"
    full_name = f"{user.last_name}{user.first_name}".strip()
    return f"{full_name}（{user.get_username()}）" if full_name else user.get_username()


def xlsx_response(output, filename):
    return FileResponse(output, as_attachment=True, content_type=XLSX, filename=filename)
