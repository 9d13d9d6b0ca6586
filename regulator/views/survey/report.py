"""One group company's report: its form, its read-only view with the review buttons, its XLSX."""

from dataclasses import dataclass

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from ... import access
from ...models import Indicator, SurveyReport, SurveyReportEvent
from ...survey import (
    Entry,
    SurveyRefused,
    accept_report,
    check_report,
    format_value,
    group_approve,
    group_return,
    reopen_report,
    return_report,
    save_report,
    stored_entries,
)
from ...survey.export import report_workbook, user_label, xlsx_response
from .common import refuse_unless_taking_part, status_label, visible_survey

Status = SurveyReport.Status

# The sections of the report form, by indicator code (codes are stable across years);
# an indicator the regulator adds later falls under 其他指标.
SECTIONS = [
    (_("研发投入"), ("rd_expenditure", "rd_intensity", "rd_staff")),
    (
        _("专利"),
        (
            "invention_patents_applied",
            "invention_patents_granted",
            "patents_owned",
            "invention_patents_owned",
        ),
    ),
    (_("平台、标准与奖励"), ("national_institutions", "standards_led", "national_awards")),
]
OTHER_SECTION = _("其他指标")


# --- one report -------------------------------------------------------------------------------


@dataclass
class FieldRow:
    """One indicator of the report on screen: what to show in its input or cell."""

    indicator: Indicator
    text: str
    errors: list
    note_errors: list
    jump: object
    previous: object
    confirmed: bool
    note: str

    @property
    def previous_text(self):
        return format_value(self.previous) if self.previous is not None else ""

    @property
    def input_mode(self):
        return "numeric" if self.indicator.kind == Indicator.Kind.INTEGER else "decimal"


def _sections(check, *, typed=None):
    """The indicators in their sections, each a ``FieldRow`` filled from ``check``."""
    rows = {}
    for indicator in check.indicators:
        entry = check.entries.get(indicator.pk) or Entry()
        if typed is not None:
            text = str(entry.raw or "")
        else:
            text = format_value(check.values.get(indicator.pk))
        rows[indicator.code] = FieldRow(
            indicator=indicator,
            text=text,
            errors=check.errors.get(indicator.pk, []),
            note_errors=check.note_errors.get(indicator.pk, []),
            jump=check.jumps.get(indicator.pk),
            previous=check.previous.get(indicator.code),
            confirmed=bool(entry.jump_confirmed),
            note=entry.note or "",
        )
    sections = []
    placed = set()
    for label, codes in SECTIONS:
        members = [rows[code] for code in codes if code in rows]
        placed.update(codes)
        if members:
            sections.append({"label": label, "rows": members})
    others = [row for code, row in rows.items() if code not in placed]
    if others:
        sections.append({"label": OTHER_SECTION, "rows": others})
    for section in sections:
        section["rows"].sort(key=lambda row: (row.indicator.sort_order, row.indicator.pk))
    return sections


def _posted_entries(request, indicators):
    return {
        indicator.pk: Entry(
            raw=request.POST.get(f"value-{indicator.pk}", ""),
            jump_confirmed=request.POST.get(f"confirm-{indicator.pk}") in ("on", "1", "true"),
            note=request.POST.get(f"note-{indicator.pk}", ""),
        )
        for indicator in indicators
    }


def _report_or_404(request, year, enterprise_id):
    """``(survey, group company, report or None)`` if ``request.user`` may read that report."""
    survey = visible_survey(request.user, year)
    enterprise = access.survey_groups(request.user).filter(pk=enterprise_id).first()
    if enterprise is None:
        raise Http404
    report = (
        SurveyReport.objects.filter(survey=survey, enterprise=enterprise)
        .select_related("updated_by")
        .first()
    )
    return survey, enterprise, report


def _history(report):
    if report is None:
        return []
    return list(SurveyReportEvent.objects.filter(report=report).select_related("user")[:100])


TRANSITIONS = {
    "group_return": (group_return, "comment", _("报表已退回填报人。")),
    "group_approve": (group_approve, "comment", _("报表已审核通过并报送监管机构。")),
    "return": (return_report, "comment", _("报表已退回集团公司。")),
    "accept": (accept_report, "comment", _("报表已接收并锁定。")),
    "reopen": (reopen_report, "reason", _("报表已重新打开并退回集团公司修改。")),
}


@require_http_methods(["GET", "POST"])
def survey_report(request, year, enterprise_id):
    """One group company's report: its form, or its read-only view with the review buttons."""
    refused = refuse_unless_taking_part(request)
    if refused:
        return refused
    survey, enterprise, report = _report_or_404(request, year, enterprise_id)
    user = request.user
    fills = access.survey_fill_groups(user).filter(pk=enterprise.pk).exists()
    reviews = access.survey_review_groups(user).filter(pk=enterprise.pk).exists()
    accepts = access.accepts_survey_reports(user)
    editable = fills and survey.is_open and (report is None or report.is_editable)
    here = reverse("regulator_survey_report", args=[survey.year, enterprise.pk])
    indicators = list(
        survey.indicators.select_related("not_more_than").order_by("sort_order", "pk")
    )

    check = None
    typed = None
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action in ("save", "submit"):
            if not fills:
                messages.error(request, gettext("你不能填报该报表。"))
                return redirect(here)
            typed = _posted_entries(request, indicators)
            try:
                report, check = save_report(
                    survey=survey,
                    enterprise=enterprise,
                    user=user,
                    entries=typed,
                    submit=action == "submit",
                )
            except SurveyRefused as refusal:
                if refusal.check is None:  # the state forbids it: nothing to keep
                    messages.error(request, refusal.message)
                    return redirect(here)
                messages.error(request, refusal.message)
                check = refusal.check
            else:
                if action == "submit":
                    messages.success(request, gettext("报表已提交集团审核。"))
                elif not check.changed:
                    messages.info(request, gettext("报表没有修改。"))
                else:
                    messages.success(request, gettext("报表已保存。"))
                    if check.unconfirmed_jumps:
                        messages.warning(
                            request,
                            gettext(
                                "有 %(count)s 项数据同比变动较大：请核对，确认无误后勾选确认并说明原因，再报送。"
                            )
                            % {"count": len(check.unconfirmed_jumps)},
                        )
                return redirect(here)
        elif action in TRANSITIONS:
            function, text_field, done = TRANSITIONS[action]
            if report is None:
                messages.error(request, gettext("该集团公司尚未填报。"))
                return redirect(here)
            try:
                function(report=report, user=user, **{text_field: request.POST.get("comment", "")})
            except SurveyRefused as refusal:
                messages.error(request, refusal.message)
            else:
                messages.success(request, done)
            return redirect(here)
        else:
            messages.error(request, gettext("未知的操作。"))
            return redirect(here)

    if check is None:
        check = check_report(
            survey=survey,
            enterprise=enterprise,
            report=report,
            entries=stored_entries(report),
            indicators=indicators,
        )
    status = report.status if report else None
    sections = _sections(check, typed=typed)
    context = {
        "survey": survey,
        "enterprise": enterprise,
        "report": report,
        "status_label": status_label(report),
        "editable": editable,
        "sections": sections,
        "jump_rows": [row for section in sections for row in section["rows"] if row.jump],
        "check": check,
        "history": [{"event": event, "user": user_label(event.user)} for event in _history(report)],
        "can_group_review": reviews and status == Status.GROUP_REVIEW,
        "can_accept": accepts and status == Status.SUBMITTED,
        "can_reopen": accepts and status == Status.ACCEPTED,
        "fills": fills,
        "list_url": (
            reverse("regulator_survey_reports", args=[survey.year])
            if access.sees_all_survey_reports(user)
            else reverse("regulator_surveys")
        ),
        "export_url": reverse("regulator_survey_report_export", args=[survey.year, enterprise.pk]),
        "returned_comment": _last_return(report),
    }
    return TemplateResponse(
        request,
        "regulator/survey/report.html",
        context,
    )


def _last_return(report):
    """The latest return's event while the report is 已退回 (its comment is shown on top)."""
    if report is None or report.status != Status.RETURNED:
        return None
    return (
        report.events.filter(
            action__in=[
                SurveyReportEvent.Action.GROUP_RETURN,
                SurveyReportEvent.Action.RETURN,
                SurveyReportEvent.Action.REOPEN,
            ]
        )
        .select_related("user")
        .first()
    )


@require_http_methods(["GET"])
def survey_report_export(request, year, enterprise_id):
    """One report as XLSX: its group's users for their own, the regulator for any."""
    refused = refuse_unless_taking_part(request)
    if refused:
        return refused
    survey, enterprise, report = _report_or_404(request, year, enterprise_id)
    output = report_workbook(
        survey=survey, enterprise=enterprise, report=report, events=_history(report)
    )
    filename = f"ceti-survey-{survey.year}-{enterprise.code}.xlsx"
    return xlsx_response(output, filename)
