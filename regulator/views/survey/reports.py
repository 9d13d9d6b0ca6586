"""The regulator's list of a year's reports: every group company, counts per status, XLSX."""

from dataclasses import dataclass, field

import django_filters
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.defaults import permission_denied
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets.button import Button

from snippets.models import Enterprise

from ... import access
from ...models import SurveyReport, SurveyValue
from ...survey.export import xlsx_response, year_workbook
from .common import NOT_STARTED, status_label, visible_survey

Status = SurveyReport.Status


# --- the regulator's list of a year's reports ----------------------------------------------


@dataclass
class ReportRow:
    """One group company's report of one year, as on screen and in the XLSX (None: 未填报)."""

    enterprise: Enterprise
    report: SurveyReport | None
    values_by_indicator: dict = field(default_factory=dict)
    previous: dict = field(default_factory=dict)
    note_count: int = 0

    @property
    def status(self):
        return self.report.status if self.report else NOT_STARTED

    @property
    def status_label(self):
        return status_label(self.report)


class ReportStatusFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("状态"),
        method="filter_status",
        choices=[(NOT_STARTED, _("未填报")), *Status.choices],
        empty_label=_("全部"),
    )

    class Meta:
        model = Enterprise
        fields = []

    def filter_status(self, queryset, name, value):
        survey = self.request.survey if self.request else None
        if value == NOT_STARTED:
            return queryset.exclude(survey_reports__survey=survey)
        return queryset.filter(survey_reports__survey=survey, survey_reports__status=value)


class GroupPaginator(WagtailPaginator):
    verbose_name = verbose_name_plural = _("家集团公司")


class SurveyReportsView(ReportView):
    """Every group company's report of one survey year; groups that have not started say so."""

    header_icon = "table"
    template_name = "regulator/survey/reports.html"
    results_template_name = "regulator/survey/reports_results.html"
    index_url_name = "regulator_survey_reports"
    index_results_url_name = "regulator_survey_reports_results"
    filterset_class = ReportStatusFilterSet
    paginate_by = 50
    paginator_class = GroupPaginator
    list_export = ["enterprise"]  # the XLSX is written by ``year_workbook``

    def dispatch(self, request, *args, **kwargs):
        if not access.sees_all_survey_reports(request.user):
            own = list(access.survey_groups(request.user)[:2])
            if not own:
                return permission_denied(request, PermissionDenied())
            survey = visible_survey(request.user, kwargs["year"])
            if len(own) == 1 and not self.results_only and not self.is_export:
                return redirect("regulator_survey_report", survey.year, own[0].pk)
            raise Http404
        request.survey = self.survey
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def survey(self):
        return visible_survey(self.request.user, self.kwargs["year"])

    def get_page_title(self):
        return str(self.survey)

    def get_index_url(self):
        return reverse(self.index_url_name, args=[self.survey.year])

    def get_index_results_url(self):
        return reverse(self.index_results_url_name, args=[self.survey.year])

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("regulator_surveys"), "label": gettext("科技情况调查")},
            {"url": "", "label": str(self.survey)},
        ]

    @cached_property
    def header_more_buttons(self):
        buttons = [
            Button(_("下载 XLSX"), url=self.xlsx_export_url, icon_name="download", priority=90)
        ]
        if access.manages_survey_years(self.request.user):
            buttons.append(
                Button(
                    _("编辑年度和指标"),
                    url=reverse("regulator_survey_edit", args=[self.survey.year]),
                    icon_name="edit",
                    priority=10,
                )
            )
        return buttons

    def get_filename(self):
        return "ceti-survey-{}-{}".format(self.survey.year, timezone.localdate().strftime("%Y%m%d"))

    def get_queryset(self):
        return Enterprise.objects.groups().order_by("sort_order", "code")

    def decorate_paginated_queryset(self, object_list):
        groups = list(object_list)
        reports = SurveyReport.objects.filter(survey=self.survey, enterprise__in=groups).annotate(
            note_count=Count("values", filter=~Q(values__note=""))
        )
        if self.is_export:
            reports = reports.prefetch_related("values")
        by_group = {r.enterprise_id: r for r in reports}
        previous = {}
        if self.is_export:
            for group_id, code, value in SurveyValue.objects.filter(
                report__survey__year=self.survey.year - 1,
                report__status=Status.ACCEPTED,
                report__enterprise__in=groups,
                value__isnull=False,
            ).values_list("report__enterprise_id", "indicator__code", "value"):
                previous.setdefault(group_id, {})[code] = value
        rows = []
        for group in groups:
            report = by_group.get(group.pk)
            rows.append(
                ReportRow(
                    enterprise=group,
                    report=report,
                    values_by_indicator=(
                        {v.indicator_id: v for v in report.values.all()}
                        if report is not None and self.is_export
                        else {}
                    ),
                    previous=previous.get(group.pk, {}),
                    note_count=report.note_count if report else 0,
                )
            )
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = dict(
            SurveyReport.objects.filter(survey=self.survey)
            .values_list("status")
            .annotate(n=Count("pk"))
            .order_by()
        )
        groups = Enterprise.objects.groups().count()
        context["survey"] = self.survey
        context["status_counts"] = [
            (NOT_STARTED, gettext("未填报"), max(groups - sum(counts.values()), 0)),
            *[(value, label, counts.get(value, 0)) for value, label in Status.choices],
        ]
        context["current_status"] = self.request.GET.get("status", "")
        return context

    def as_spreadsheet(self, queryset, spreadsheet_format):
        indicators = list(self.survey.indicators.order_by("sort_order", "pk"))
        output = year_workbook(survey=self.survey, indicators=indicators, rows=queryset)
        return xlsx_response(output, f"{self.get_filename()}.xlsx")
