"""参与情况: the regulator's report of each group company's participation, its XLSX and 通报 draft.

Only the regulator reads it (``regulator.view_participationweights``, granted
to its roles by provisioning; superusers): a group company's users get a 403
on every URL here, since the report compares all groups. The 通报 draft is a
page under 通知公告, so drafting it asks the page permission of that section
(the regulator's editors), not a role; the draft then goes through the
regulator's own review like any notice and is never published from here.
"""

import datetime
import io
import json
import re

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST
from django.views.defaults import permission_denied
from wagtail.admin import messages
from wagtail.models import Locale

from pages.models import NoticeIndexPage, NoticePage
from workflows.audit import neutralise_formula

from .. import access
from ..charts import bar_chart
from ..participation import METRICS, Period, participation, percent, streams, today_in_beijing

MAX_RANGE_DAYS = 366
BRIEFING_TITLE = "%(period)s中央企业技术创新信息平台共建和使用情况通报"
ISSUING_OFFICE = "国务院国资委规划局"
MONTH_RE = re.compile(r"^(\d{4})-(\d{1,2})$")


def notice_index():
    """The Chinese 通知公告 section, where notices (and so 通报) live."""
    return NoticeIndexPage.objects.filter(locale=Locale.get_default()).first()


def may_draft_briefing(user, index=None):
    """Whether ``user`` may add a page under 通知公告: the page permission decides, not the role."""
    if not access.sees_participation(user):
        return False
    index = index or notice_index()
    return index is not None and index.permissions_for_user(user).can_add_subpage()


# --- the period ------------------------------------------------------------------------


FIRST_YEAR, LAST_YEAR = 2000, 2100  # the years a period may fall in


class PeriodForm(forms.Form):
    """A month (YYYY-MM), or a date range; nothing: the last full month."""

    month = forms.CharField(
        label=_("月份"),
        required=False,
        widget=forms.TextInput(attrs={"type": "month", "placeholder": "2026-10"}),
    )
    start = forms.DateField(
        label=_("开始日期"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("结束日期"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today or today_in_beijing()

    def _within_years(self, field):
        """A date of the years the platform counts; far-out dates would overflow the period's arithmetic."""
        value = self.cleaned_data.get(field)
        if value is not None and not (FIRST_YEAR <= value.year <= LAST_YEAR):
            raise forms.ValidationError(
                gettext("日期“%(value)s”超出可统计的范围（%(first)s 年至 %(last)s 年）。")
                % {"value": value.isoformat(), "first": FIRST_YEAR, "last": LAST_YEAR}
            )
        return value

    def clean_start(self):
        return self._within_years("start")

    def clean_end(self):
        return self._within_years("end")

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        start, end = data.get("start"), data.get("end")
        if start or end:
            if not (start and end):
                raise forms.ValidationError(
                    gettext("按日期范围统计时，请同时填写开始日期和结束日期。")
                )
            if start > end:
                raise forms.ValidationError(gettext("开始日期不能晚于结束日期。"))
            if (end - start).days + 1 > MAX_RANGE_DAYS:
                raise forms.ValidationError(
                    gettext("统计范围最长 %(days)s 天，请缩短日期范围。") % {"days": MAX_RANGE_DAYS}
                )
            data["period"] = Period(start, end)
            return data
        month = (data.get("month") or "").strip()
        if not month:
            data["period"] = Period.last_full_month(self.today)
            return data
        match = MONTH_RE.match(month)
        year, number = (int(match[1]), int(match[2])) if match else (0, 0)
        if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= number <= 12):
            raise forms.ValidationError(
                gettext("月份“%(value)s”无法识别，请按“2026-10”的格式填写。") % {"value": month}
            )
        data["period"] = Period.month(year, number)
        return data


def _period(request, data):
    """The period asked for; a bad one is said in a message and the last full month is shown."""
    form = PeriodForm(data)
    if form.is_valid():
        return form.cleaned_data["period"], form
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)
    messages.info(request, gettext("已改为显示上一个完整月份的统计。"))
    return Period.last_full_month(form.today), form


def _period_query(period):
    if period.is_month:
        return {"month": period.start.strftime("%Y-%m")}
    return {"start": period.start.isoformat(), "end": period.end.isoformat()}


# --- presentation helpers -----------------------------------------------------------------


def one_decimal(value):
    return None if value is None else round(value, 1)


def _shown(value, suffix=""):
    return "—" if value is None else f"{value:g}{suffix}"


def _briefing_slug(period):
    return f"participation-briefing-{period.slug}"


def briefing_title(period):
    return gettext(BRIEFING_TITLE) % {"period": period.label}


def existing_briefing(index, period):
    """A 通报 already drafted (or published) for ``period`` under 通知公告, if any."""
    if index is None:
        return None
    return (
        NoticePage.objects.child_of(index)
        .filter(Q(slug=_briefing_slug(period)) | Q(title=briefing_title(period)))
        .order_by("-pk")
        .first()
    )


def _charts(report):
    groups = report.groups
    label = lambda row: row.short_name  # noqa: E731
    return [
        bar_chart(
            [(label(row), row.score) for row in groups],
            title=gettext("综合得分"),
            unit=gettext("分"),
            places=1,
        ),
        bar_chart(
            [(label(row), row.published) for row in groups],
            title=gettext("新发布信息"),
            unit=gettext("条"),
            places=0,
        ),
        bar_chart(
            [(label(row), row.submitted) for row in groups],
            title=gettext("提交审核信息"),
            unit=gettext("条"),
            places=0,
        ),
        bar_chart(
            [(label(row), percent(row.first_pass)) for row in groups],
            title=gettext("一次通过率"),
            unit="%",
            places=1,
        ),
    ]


# --- the report ---------------------------------------------------------------------------


@require_http_methods(["GET"])
def participation_report(request):
    if not access.sees_participation(request.user):
        return permission_denied(request, PermissionDenied())
    period, form = _period(request, request.GET)
    report = participation(start=period.start, end=period.end)
    if request.GET.get("export") == "xlsx":
        return xlsx_response(report)
    index = notice_index()
    can_draft = may_draft_briefing(request.user, index)
    weights = report.weights
    query = _period_query(period)
    return TemplateResponse(
        request,
        "regulator/participation/report.html",
        {
            "report": report,
            "period": period,
            "form": form,
            "month_value": period.start.strftime("%Y-%m") if period.is_month else "",
            "streams": streams(),
            "metrics": [
                {
                    "metric": metric,
                    "weight": weights.weights.get(metric.key, 0),
                    "share": percent(weights.share(metric.key)),
                }
                for metric in METRICS
            ],
            "charts": [chart for chart in _charts(report) if chart],
            "export_url": "?" + urlencode({**query, "export": "xlsx"}),
            "period_query": query,
            "can_change_weights": access.changes_participation_weights(request.user),
            "weights_url": reverse(
                "wagtailsettings:edit", args=["regulator", "participationweights"]
            ),
            "can_draft_briefing": can_draft,
            "briefing": existing_briefing(index, period) if can_draft else None,
            "briefing_title": briefing_title(period),
            "page_title": gettext("参与情况"),
        },
    )


# --- XLSX --------------------------------------------------------------------------------


def _metric_columns():
    """(heading, value of a row) of every metric, in the order of the report."""
    kinds = streams()
    return (
        [(gettext("提交审核合计"), lambda row: row.submitted)]
        + [
            (
                gettext("提交审核·%(type)s") % {"type": label},
                lambda row, key=key: row.submitted_of(key),
            )
            for key, label in kinds
        ]
        + [(gettext("新发布合计"), lambda row: row.published)]
        + [
            (
                gettext("新发布·%(type)s") % {"type": label},
                lambda row, key=key: row.published_of(key),
            )
            for key, label in kinds
        ]
        + [
            (gettext("首次审核决定数"), lambda row: row.first_pass_decided),
            (gettext("一次通过数"), lambda row: row.first_pass_approved),
            (gettext("一次通过率（%）"), lambda row: percent(row.first_pass)),
            (gettext("审核通过轮次"), lambda row: row.review_rounds),
            (gettext("审核用时中位数（小时）"), lambda row: one_decimal(row.review_hours)),
            (gettext("最近发布日期"), lambda row: row.last_published_on),
            (gettext("距上次发布（天）"), lambda row: row.days_since_update),
            (gettext("公开资源信息数"), lambda row: row.listings_public),
            (gettext("资源信息平均完整度（%）"), lambda row: one_decimal(row.completeness)),
            (gettext("对接意向"), lambda row: row.enquiries),
            (gettext("应回执通知"), lambda row: row.receipts_due),
            (gettext("按期回执"), lambda row: row.receipts_on_time),
            (gettext("按期回执率（%）"), lambda row: percent(row.receipts)),
        ]
    )


def _cell(value):
    return neutralise_formula(value) if isinstance(value, str) else value


def xlsx_response(report):
    """One sheet per group company (its subsidiaries included), one per enterprise, and the rules."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    columns = _metric_columns()
    book = Workbook()
    groups = book.active
    groups.title = gettext("集团公司")
    groups.append(
        [gettext("排名"), gettext("集团公司"), gettext("综合得分")] + [h for h, _v in columns]
    )
    for row in report.groups:
        groups.append(
            [row.rank, _cell(row.name), row.score] + [_cell(value(row)) for _h, value in columns]
        )

    enterprises = book.create_sheet(gettext("所属企业"))
    enterprises.append(
        [gettext("集团公司"), gettext("企业"), gettext("层级"), gettext("企业得分")]
        + [h for h, _v in columns]
    )
    for group in report.groups:
        for row in group.subsidiaries:
            enterprises.append(
                [_cell(group.name), _cell(row.name), row.level_label, row.score]
                + [_cell(value(row)) for _h, value in columns]
            )

    notes = book.create_sheet(gettext("说明"))
    weights = report.weights
    notes.append([gettext("统计期"), report.period.label])
    notes.append([gettext("起止日期"), f"{report.period.start} — {report.period.end}"])
    notes.append([gettext("导出日期"), today_in_beijing()])
    notes.append([])
    notes.append([gettext("指标"), gettext("权重"), gettext("占比（%）"), gettext("折算方法")])
    for metric in METRICS:
        notes.append(
            [
                str(metric.label),
                weights.weights.get(metric.key, 0),
                percent(weights.share(metric.key)),
                str(metric.rule),
            ]
        )
    notes.append([gettext("目标审核用时（天）"), weights.target_review_days])
    notes.append([gettext("更新间隔上限（天）"), weights.stale_after_days])
    notes.append(
        [gettext("综合得分 = 100 × Σ（权重 × 指标折算值）÷ Σ 权重，只计适用于该单位的指标。")]
    )

    for sheet in (groups, enterprises, notes):
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for line in sheet.iter_rows(min_row=2):
            for cell in line:
                if isinstance(cell.value, datetime.date):
                    cell.number_format = "yyyy-mm-dd"
    for sheet in (groups, enterprises):
        sheet.freeze_panes = "C2"
        sheet.column_dimensions["B"].width = 32
    enterprises.column_dimensions["A"].width = 28
    notes.column_dimensions["A"].width = 22
    notes.column_dimensions["D"].width = 60

    buffer = io.BytesIO()
    book.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="ceti-participation-{report.period.slug}.xlsx"'
    )
    return response


# --- the 通报 draft ------------------------------------------------------------------------


def _names(rows):
    return "、".join(
        gettext("%(name)s（%(score)s分）") % {"name": row.short_name, "score": f"{row.score:g}"}
        for row in rows
    )


def briefing_body(report):
    """The StreamField body of the 通报 (raw block data), from the report's figures."""
    period = report.period
    groups = report.groups
    taking_part = report.taking_part
    submitted, published = report.total("submitted"), report.total("published")
    published_by_type = {
        label: sum(row.published_of(key) for row in groups) for key, label in streams()
    }
    by_type = "、".join(f"{label} {n} 条" for label, n in published_by_type.items() if n)
    decided = report.total("first_pass_decided")
    passed = report.total("first_pass_approved")
    overview = gettext(
        "%(period)s，纳入统计的 %(groups)s 家集团公司中，%(active)s 家通过平台提交或发布了信息。"
        "各集团公司及所属企业共提交审核 %(submitted)s 条，新发布 %(published)s 条%(by_type)s；"
    ) % {
        "period": period.label,
        "groups": len(groups),
        "active": len(taking_part),
        "submitted": submitted,
        "published": published,
        "by_type": f"（{by_type}）" if by_type else "",
    }
    if decided:
        overview += gettext(
            "%(decided)s 条信息完成首次审核，其中 %(passed)s 条一次通过，一次通过率 %(rate)s%%；"
        ) % {"decided": decided, "passed": passed, "rate": f"{percent(passed / decided):g}"}
    overview += gettext("资源信息共收到对接意向 %(enquiries)s 条。") % {
        "enquiries": report.total("enquiries")
    }
    # 前五名 among those who scored at all; 后五名 the lowest of the rest.
    top = [row for row in groups if row.score > 0][:5]
    bottom = [row for row in groups if row not in top][-5:]
    if top:
        ranking = gettext("综合得分前五名：%(top)s。") % {"top": _names(top)}
    else:
        ranking = gettext("本期各集团公司均未得分。")
    if bottom:
        ranking += gettext("综合得分后五名：%(bottom)s。") % {"bottom": _names(bottom)}
    due = sum(1 for row in groups if row.receipts_due)
    missed = report.missed_receipts
    if not due:
        receipts = gettext("本期没有截止回执的通知。")
    elif not missed:
        receipts = gettext("本期截止的通知，各集团公司均已按期回执。")
    else:
        receipts = gettext(
            "以下集团公司未按期回执本期截止的通知：%(groups)s。请有关集团公司抓紧落实。"
        ) % {
            "groups": "、".join(
                gettext("%(name)s（%(n)s 份）") % {"name": row.short_name, "n": row.receipts_missed}
                for row in missed
            )
        }

    header = [
        gettext("排名"),
        gettext("集团公司"),
        gettext("综合得分"),
        gettext("提交审核（条）"),
        gettext("新发布（条）"),
        gettext("一次通过率"),
        gettext("审核用时中位数（天）"),
        gettext("距上次发布（天）"),
        gettext("资源信息完整度"),
        gettext("对接意向（条）"),
        gettext("按期回执"),
    ]
    rows = [
        [
            str(row.rank),
            row.name,
            f"{row.score:g}",
            str(row.submitted),
            str(row.published),
            _shown(percent(row.first_pass), "%"),
            _shown(one_decimal(row.review_days)),
            _shown(row.days_since_update),
            _shown(one_decimal(row.completeness), "%"),
            str(row.enquiries),
            f"{row.receipts_on_time}/{row.receipts_due}" if row.receipts_due else "—",
        ]
        for row in groups
    ]
    weights = report.weights
    method = gettext(
        "说明：综合得分满分 100 分，由各项指标折算为 0–1 后按权重加权平均得出。权重：%(weights)s。"
        "提交审核、新发布和对接意向以本期最多的集团公司为满分；审核用时中位数不超过 %(target)s 天为满分；"
        "距上次发布达到 %(stale)s 天为 0 分；本期没有应回执通知的集团公司不计按期回执率。"
    ) % {
        "weights": "、".join(
            f"{metric.label} {weights.weights.get(metric.key, 0)}" for metric in METRICS
        ),
        "target": weights.target_review_days,
        "stale": weights.stale_after_days,
    }

    def paragraph(text):
        return {"type": "paragraph", "value": f"<p>{escape(text)}</p>"}

    def heading(text):
        return {"type": "heading", "value": {"text": text, "level": "h2"}}

    return [
        paragraph(
            gettext(
                "为推动中央企业技术创新信息平台共建共享，现将%(period)s各集团公司参与平台共建和使用情况通报如下。"
            )
            % {"period": period.label}
        ),
        heading(gettext("一、总体情况")),
        paragraph(overview),
        heading(gettext("二、综合得分情况")),
        paragraph(ranking),
        heading(gettext("三、通知回执情况")),
        paragraph(receipts),
        heading(gettext("四、各集团公司参与情况")),
        {
            "type": "table",
            "value": {
                "data": [header, *rows],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_header_choice": "row",
                "table_caption": gettext("%(period)s各集团公司参与平台共建和使用情况")
                % {"period": period.label},
                "cell": [],
                "mergeCells": [],
            },
        },
        paragraph(method),
    ]


def briefing_summary(report):
    return (
        gettext(
            "通报%(period)s各集团公司参与中央企业技术创新信息平台共建和使用情况："
            "%(active)s 家集团公司提交或发布了信息，共提交审核 %(submitted)s 条，新发布 %(published)s 条。"
        )
        % {
            "period": report.period.label,
            "active": len(report.taking_part),
            "submitted": report.total("submitted"),
            "published": report.total("published"),
        }
    )[:500]


def draft_briefing(*, report, index, user):
    """Create the 通报 of ``report`` as a draft NoticePage under ``index``, owned by ``user``.

    Written in the language of the section it goes into (the Chinese tree),
    whatever language the regulator's admin is set to.
    """
    with translation.override(index.locale.language_code):
        page = _briefing_page(report=report, index=index, user=user)
    index.add_child(instance=page)
    # The first revision logs the page's creation (wagtail.create) with its author.
    page.save_revision(user=user, log_action=True)
    return page


def _briefing_page(*, report, index, user):
    return NoticePage(
        title=briefing_title(report.period),
        slug=_briefing_slug(report.period),
        summary=briefing_summary(report),
        issuing_office=ISSUING_OFFICE,
        issued_on=today_in_beijing(),
        body=json.dumps(briefing_body(report), ensure_ascii=False),
        locale=index.locale,
        owner=user,
        live=False,
    )


@require_POST
def create_briefing(request):
    if not access.sees_participation(request.user):
        return permission_denied(request, PermissionDenied())
    index = notice_index()
    if not may_draft_briefing(request.user, index):
        return permission_denied(request, PermissionDenied())
    form = PeriodForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("regulator_participation")
    period = form.cleaned_data["period"]
    back = reverse("regulator_participation") + "?" + urlencode(_period_query(period))
    existing = existing_briefing(index, period)
    if existing is not None:
        messages.warning(
            request,
            gettext("《%(title)s》已经存在（%(state)s），没有重复生成。")
            % {
                "title": existing.title,
                "state": gettext("已发布") if existing.live else gettext("草稿"),
            },
            buttons=[
                messages.button(
                    reverse("wagtailadmin_pages:edit", args=[existing.pk]), gettext("打开")
                )
            ],
        )
        return redirect(back)
    report = participation(start=period.start, end=period.end)
    page = draft_briefing(report=report, index=index, user=request.user)
    messages.success(
        request,
        gettext("已生成通报草稿《%(title)s》。请核对内容后提交审核；审核通过后才会发布。")
        % {"title": page.title},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)
