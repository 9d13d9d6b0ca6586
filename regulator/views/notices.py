"""Admin views of notices with acknowledgement (通知回执).

Group companies acknowledge from their dashboard (``regulator.panels``) or from
the notice's 回执 page here; the regulator reads who has and has not
acknowledged in the 通知回执 report, per notice, and exports both to XLSX.
"""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from django.views.defaults import permission_denied
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.reports import ReportView

from pages.models import NoticePage

from .. import access
from ..export import RegulatorExportMixin
from ..notices import (
    AcknowledgementRefused,
    Status,
    acknowledge,
    is_addressed_to,
    notices_asking_for_receipts,
    summarise,
)


def _back(request):
    """Where to return after acknowledging: the page the form came from, if it is ours."""
    target = request.POST.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


@require_http_methods(["GET", "POST"])
def acknowledge_notice(request, notice_id):
    """回执: GET shows the notice and the form, POST records it (once per group company)."""
    groups = list(access.acknowledging_groups(request.user))
    if not groups:
        return permission_denied(request, PermissionDenied())
    if request.method == "GET":
        notice = notices_asking_for_receipts().filter(pk=notice_id).first()
        if notice is None:
            raise Http404
        addressed = [g for g in groups if is_addressed_to(notice, g)]
        if not addressed:
            raise Http404
        acknowledged = dict(
            notice.acknowledgements.filter(enterprise__in=addressed).values_list(
                "enterprise_id", "acknowledged_at"
            )
        )
        return TemplateResponse(
            request,
            "regulator/notices/acknowledge.html",
            {
                "notice": notice,
                "groups": [(g, acknowledged.get(g.pk)) for g in addressed],
                "overdue": timezone.localdate() > notice.deadline,
                "page_title": gettext("通知回执"),
                "header_title": gettext("通知回执"),
            },
        )

    back = _back(request)
    enterprise = _chosen_group(request, groups)
    if enterprise is None:
        messages.error(request, gettext("请选择代表哪家集团公司回执。"))
        return redirect(back)
    try:
        ack, created = acknowledge(
            notice_id=notice_id,
            enterprise=enterprise,
            user=request.user,
            note=request.POST.get("note", ""),
        )
    except AcknowledgementRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(back)
    if created:
        messages.success(
            request,
            gettext("已回执：%(group)s确认收到《%(title)s》。")
            % {"group": enterprise.name, "title": ack.notice.title},
        )
    else:
        messages.info(
            request,
            gettext("%(group)s已于 %(when)s 确认收到《%(title)s》，无需重复回执。")
            % {
                "group": enterprise.name,
                "when": timezone.localtime(ack.acknowledged_at).strftime("%Y-%m-%d %H:%M"),
                "title": ack.notice.title,
            },
        )
    return redirect(back)


def _chosen_group(request, groups):
    """The group company the user acknowledges for: the one named in the form, if theirs."""
    raw = request.POST.get("enterprise", "")
    if not raw and len(groups) == 1:
        return groups[0]
    return next((g for g in groups if str(g.pk) == raw), None)


# --- the regulator's report ---------------------------------------------------------------


class ReceiptFilterSet(WagtailFilterSet):
    issued_on = django_filters.DateFromToRangeFilter(
        label=_("成文日期"), widget=DateRangePickerWidget
    )

    class Meta:
        model = NoticePage
        fields = []


class RegulatorOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not access.sees_all_acknowledgements(request.user):
            # A plain 403 rather than Wagtail's redirect to the dashboard: the
            # export links are fetched as files, and a refusal must read as one.
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)


class NoticeReceiptsView(RegulatorOnlyMixin, RegulatorExportMixin, ReportView):
    """Every notice that asks for a 回执, with how many targets have and have not acknowledged."""

    page_title = _("通知回执")
    header_icon = "doc-full"
    results_template_name = "regulator/notices/receipts_results.html"
    filterset_class = ReceiptFilterSet
    index_url_name = "regulator_notice_receipts"
    index_results_url_name = "regulator_notice_receipts_results"
    paginate_by = 30
    list_export = [
        "title",
        "doc_number",
        "issued_on",
        "deadline",
        "scope_label",
        "target_count",
        "acknowledged_count",
        "late_count",
        "missing_count",
        "overdue_count",
    ]
    export_headings = {
        "title": _("标题"),
        "doc_number": _("文号"),
        "issued_on": _("成文日期"),
        "deadline": _("回执截止日期"),
        "scope_label": _("发送范围"),
        "target_count": _("应回执"),
        "acknowledged_count": _("已回执"),
        "late_count": _("其中逾期回执"),
        "missing_count": _("未回执"),
        "overdue_count": _("逾期未回执"),
    }

    def get_filename(self):
        return "ceti-notice-receipts-{}".format(timezone.localdate().strftime("%Y%m%d"))

    def get_queryset(self):
        return notices_asking_for_receipts().order_by("-issued_on", "-pk")

    def decorate_paginated_queryset(self, object_list):
        return summarise(object_list)


class NoticeReceiptDetailView(RegulatorOnlyMixin, RegulatorExportMixin, ReportView):
    """One notice: every targeted group company, who acknowledged and when, the missing first."""

    header_icon = "doc-full"
    template_name = "regulator/notices/receipt_detail.html"
    results_template_name = "regulator/notices/receipt_detail_results.html"
    index_url_name = "regulator_notice_receipt_detail"
    paginate_by = None
    datetime_fields = ("acknowledged_at",)
    list_export = [
        "enterprise_name",
        "status_label",
        "acknowledged_by",
        "acknowledged_at",
        "note",
    ]
    export_headings = {
        "enterprise_name": _("集团公司"),
        "status_label": _("状态"),
        "acknowledged_by": _("回执人"),
        "acknowledged_at": _("回执时间"),
        "note": _("备注"),
    }
    ORDER = {Status.OVERDUE: 0, Status.PENDING: 1, Status.LATE: 2, Status.ON_TIME: 3}

    @cached_property
    def notice(self):
        notice = notices_asking_for_receipts().filter(pk=self.kwargs["notice_id"]).first()
        if notice is None:
            raise Http404
        return notice

    @cached_property
    def summary(self):
        return summarise([self.notice])[0]

    def get_page_title(self):
        return gettext("通知回执")

    def get_page_subtitle(self):
        return self.notice.title

    def get_index_url(self):
        return reverse(self.index_url_name, args=[self.notice.pk])

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("regulator_notice_receipts"), "label": gettext("通知回执")},
            {"url": "", "label": self.notice.title},
        ]

    def get_filename(self):
        return "ceti-notice-receipts-{}-{}".format(
            self.notice.pk, timezone.localdate().strftime("%Y%m%d")
        )

    def get_queryset(self):
        return sorted(self.summary.rows, key=lambda row: self.ORDER[row.status])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["summary"] = self.summary
        return context
