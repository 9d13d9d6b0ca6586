"""The regulator's 专利排序 report: four rankings of a survey year, XLSX, release and withdrawal.

The regulator's editors and reviewers read it (``view_rankingrelease``); its
reviewers release a year's ranking to the public site and withdraw it
(``add_rankingrelease`` / ``change_rankingrelease``). Group companies never
see it before release: they get a refusal, like everyone else without the
permission. The public page is in ``regulator.views.ranking_public``.
"""

import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods
from django.views.defaults import permission_denied
from openpyxl import Workbook
from openpyxl.styles import Font

from snippets.xlsx.exporter import write_cell

from .. import access, ranking
from ..charts import bar_chart
from ..models.survey import RankingRelease, SurveyYear

ADMIN_CHART_COLOR = "#007d7e"  # Wagtail's teal; 4.9:1 against white


def _refuse(request):
    # A plain 403 rather than Wagtail's redirect to the dashboard: the export is
    # fetched as a file, and a refusal must read as one.
    return permission_denied(request, PermissionDenied())


def _survey(year):
    if not ranking.ranking_year_is_plausible(year):
        raise Http404
    survey = SurveyYear.objects.filter(year=year).first()
    if survey is None:
        raise Http404
    return survey


def public_url(year, request=None):
    """The Chinese public page of ``year``'s ranking (None when 通知公告 is not live)."""
    from pages.models.sections import NoticeIndexPage

    page = NoticeIndexPage.objects.live().filter(locale__language_code="zh-hans").first()
    if page is None:
        return None
    return page.get_url(request) + page.reverse_subpage("patent_ranking_year", args=[year])


def ranking_report(request, year=None):
    """The latest year with accepted reports (or ``year``): four rankings with charts and tables."""
    if not access.sees_rankings(request.user):
        return _refuse(request)
    years = ranking.years_with_rankings()
    if year is None:
        survey = ranking.default_year(years)
    else:
        survey = next((y for y in years if y.year == year), None)
        if survey is None:
            raise Http404
    context = {
        "page_title": gettext("专利拥有情况排序"),
        "years": years,
        "survey": survey,
        "may_release": access.may_release_ranking(request.user),
        "may_withdraw": access.may_withdraw_ranking(request.user),
    }
    if survey is not None:
        result = ranking.compute(survey)
        release = RankingRelease.objects.filter(survey=survey).select_related("released_by").first()
        context.update(
            {
                "result": result,
                "rankings": [_with_chart(r) for r in result.rankings],
                "release": release,
                "changed_since_release": release is not None
                and ranking.comparable(release.snapshot) != ranking.comparable(result.snapshot()),
                "public_url": public_url(survey.year, request)
                if release and release.is_public
                else None,
            }
        )
    return TemplateResponse(request, "regulator/ranking/report.html", context)


def _with_chart(result_ranking):
    metric = result_ranking.metric
    result_ranking.chart = bar_chart(
        [(row.entry.short_name or row.entry.name, row.value) for row in result_ranking.ranked],
        title=metric.title,
        unit=metric.unit,
        places=metric.places,
        color=ADMIN_CHART_COLOR,
        chart_id=f"chart-{metric.slug}",
    )
    return result_ranking


def export_xlsx(request, year):
    """One sheet per ranking: 名次, 集团公司, 数值, 说明 — the unranked last, with their reason."""
    if not access.sees_rankings(request.user):
        return _refuse(request)
    survey = _survey(year)
    result = ranking.compute(survey)
    workbook = Workbook()
    workbook.remove(workbook.active)
    for result_ranking in result.rankings:
        metric = result_ranking.metric
        sheet = workbook.create_sheet(title=str(metric.short_title)[:31])
        headings = [
            gettext("名次"),
            gettext("集团公司"),
            f"{metric.title}（{metric.unit}）",
            gettext("说明"),
        ]
        for column, heading in enumerate(headings, start=1):
            write_cell(sheet, 1, column, heading).font = Font(bold=True)
        for number, row in enumerate(result_ranking.rows, start=2):
            reason = str(row.reason.label) if row.reason else (gettext("并列") if row.tied else "")
            write_cell(sheet, number, 1, row.rank)
            write_cell(sheet, number, 2, row.entry.name)
            cell = write_cell(sheet, number, 3, row.value)
            cell.number_format = "#,##0" if metric.places == 0 else "#,##0." + "0" * metric.places
            write_cell(sheet, number, 4, reason)
        sheet.column_dimensions["B"].width = 36
        sheet.column_dimensions["C"].width = 24
        sheet.column_dimensions["D"].width = 24
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    filename = "ceti-patent-ranking-{}-{}.xlsx".format(
        survey.year, timezone.localdate().strftime("%Y%m%d")
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_http_methods(["GET", "POST"])
def release_ranking(request, year):
    """发布: GET asks for confirmation (and an optional note), POST publishes the snapshot."""
    if not access.may_release_ranking(request.user):
        return _refuse(request)
    survey = _survey(year)
    back = reverse("regulator_patent_ranking_year", args=[survey.year])
    if request.method == "POST":
        try:
            ranking.release(
                survey=survey, user=request.user, note=request.POST.get("note", "")[:2000]
            )
        except ranking.ReleaseRefused as refusal:
            messages.error(request, str(refusal))
            return redirect(back)
        messages.success(
            request,
            gettext("已发布 %(year)s 年度专利拥有情况排序，公众可在“通知公告”栏目查看。")
            % {"year": survey.year},
        )
        return redirect(back)
    result = ranking.compute(survey)
    release = RankingRelease.objects.filter(survey=survey).first()
    return TemplateResponse(
        request,
        "regulator/ranking/confirm_release.html",
        {
            "page_title": gettext("发布专利拥有情况排序"),
            "survey": survey,
            "result": result,
            "release": release,
            "back": back,
        },
    )


@require_http_methods(["GET", "POST"])
def withdraw_ranking(request, year):
    """撤回: GET asks for confirmation, POST takes the public page down."""
    if not access.may_withdraw_ranking(request.user):
        return _refuse(request)
    survey = _survey(year)
    back = reverse("regulator_patent_ranking_year", args=[survey.year])
    release = RankingRelease.objects.filter(survey=survey, withdrawn_at__isnull=True).first()
    if release is None:
        messages.error(request, gettext("该年度的排序未发布，无需撤回。"))
        return redirect(back)
    if request.method == "POST":
        ranking.withdraw(survey=survey, user=request.user)
        messages.success(
            request,
            gettext("已撤回 %(year)s 年度专利拥有情况排序，公开页面已下线。")
            % {"year": survey.year},
        )
        return redirect(back)
    return TemplateResponse(
        request,
        "regulator/ranking/confirm_withdraw.html",
        {
            "page_title": gettext("撤回专利拥有情况排序"),
            "survey": survey,
            "release": release,
            "back": back,
        },
    )
