"""The survey index, and the regulator opening a year and editing it with its indicators.

Once a report of the year exists, indicators keep their meaning: only their
name, 填报口径 and order may change, none may be added or removed
(``SurveyYearForm``).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from django.views.defaults import permission_denied
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.permission_policies import ModelPermissionPolicy

from snippets.models import Enterprise

from ... import access
from ...models import Indicator, SurveyReport, SurveyYear
from ...survey import INDICATOR_WORDING_FIELDS, SurveyRefused, format_value, open_survey_year
from .common import refuse_unless_taking_part, status_label

Status = SurveyReport.Status


# --- the index ----------------------------------------------------------------------------


@require_http_methods(["GET"])
def survey_index(request):
    """科技情况调查: the regulator's years, or a group user's own reports."""
    refused = refuse_unless_taking_part(request)
    if refused:
        return refused
    user = request.user
    if access.sees_all_survey_reports(user):
        years = list(SurveyYear.objects.order_by("-year"))
        counts = {}
        for survey_id, status, number in (
            SurveyReport.objects.values_list("survey_id", "status")
            .annotate(n=Count("pk"))
            .order_by()
        ):
            counts.setdefault(survey_id, {})[status] = number
        group_count = Enterprise.objects.groups().count()
        rows = []
        for survey in years:
            by_status = counts.get(survey.pk, {})
            started = sum(by_status.values())
            rows.append(
                {
                    "survey": survey,
                    "counts": [(label, by_status.get(value, 0)) for value, label in Status.choices],
                    "not_started": max(group_count - started, 0),
                }
            )
        return TemplateResponse(
            request,
            "regulator/survey/index.html",
            {
                "regulator": True,
                "rows": rows,
                "can_create": user.has_perm("regulator.add_surveyyear"),
                "can_edit": access.manages_survey_years(user),
            },
        )
    groups = list(access.survey_groups(user).order_by("sort_order", "code"))
    years = list(SurveyYear.objects.exclude(status=SurveyYear.Status.PREPARING).order_by("-year"))
    reports = {
        (r.survey_id, r.enterprise_id): r
        for r in SurveyReport.objects.filter(survey__in=years, enterprise__in=groups)
    }
    rows = [
        {
            "survey": survey,
            "group": group,
            "report": reports.get((survey.pk, group.pk)),
            "status_label": status_label(reports.get((survey.pk, group.pk))),
        }
        for survey in years
        for group in groups
    ]
    return TemplateResponse(
        request,
        "regulator/survey/index.html",
        {"regulator": False, "rows": rows, "show_group": len(groups) > 1},
    )


# --- opening and editing a year ----------------------------------------------------------


class NewSurveyYearForm(forms.Form):
    year = forms.IntegerField(
        label=_("调查年度"),
        min_value=2000,
        max_value=2100,
        help_text=_("数据所属年度，如 2025 表示填报 2025 年度数据。指标从最近一个年度复制。"),
    )
    title = forms.CharField(label=_("标题"), max_length=120, required=False)
    deadline = forms.DateField(
        label=_("报送截止日期"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean_year(self):
        year = self.cleaned_data["year"]
        if SurveyYear.objects.filter(year=year).exists():
            raise forms.ValidationError(gettext("%(year)s 年度的调查已经存在。") % {"year": year})
        return year


@require_http_methods(["GET", "POST"])
def create_year(request):
    """新建调查年度: opens in 筹备中 so that the regulator reviews the indicators before opening it."""
    if not request.user.has_perm("regulator.add_surveyyear"):
        return permission_denied(request, PermissionDenied())
    latest = SurveyYear.objects.order_by("-year").first()
    initial = {"year": (latest.year + 1) if latest else timezone.localdate().year - 1}
    form = NewSurveyYearForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            survey = open_survey_year(
                year=form.cleaned_data["year"],
                user=request.user,
                title=form.cleaned_data["title"],
                deadline=form.cleaned_data["deadline"],
            )
        except SurveyRefused as refused:
            form.add_error("year", refused.message)
        else:
            messages.success(
                request,
                gettext("%(survey)s已创建（筹备中），请核对指标后改为“填报中”。")
                % {"survey": survey},
            )
            return redirect("regulator_survey_edit", survey.year)
    return TemplateResponse(
        request,
        "regulator/survey/year_create.html",
        {"form": form, "latest": latest},
    )


class SurveyYearForm(WagtailAdminModelForm):
    """The year with its indicators; once reports exist, indicators keep their meaning."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        formset = self.formsets.get("indicators")
        if formset is not None:
            same_year = Indicator.objects.filter(survey_id=self.instance.pk)
            for form in [*formset.forms, formset.empty_form]:
                if "not_more_than" in form.fields:
                    form.fields["not_more_than"].queryset = same_year

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("indicators")
        if formset is None or not self.instance.pk:
            return cleaned
        report_count = SurveyReport.objects.filter(survey_id=self.instance.pk).count()
        for form in formset.forms:
            limit = form.cleaned_data.get("not_more_than") if form.is_valid() else None
            if limit is not None and limit.survey_id != self.instance.pk:
                form.add_error("not_more_than", gettext("只能选择本年度的指标。"))
            if limit is not None and form.instance.pk and limit.pk == form.instance.pk:
                form.add_error("not_more_than", gettext("指标不能以自己为上限。"))
            low, high = (
                getattr(form, "cleaned_data", {}).get(k) for k in ("min_value", "max_value")
            )
            deleted = formset.can_delete and formset._should_delete_form(form)
            if low is not None and high is not None and low > high and not deleted:
                form.add_error(
                    "max_value",
                    gettext("最大值不能小于最小值（%(min)s）。") % {"min": format_value(low)},
                )
        if not report_count:
            return cleaned
        frozen = gettext(
            "已有 %(count)s 份报表，指标只能修改名称、填报口径和排序；"
            "代码、单位、类型、范围、必填、上限指标和提示阈值不能修改，也不能增删指标。"
        ) % {"count": report_count}
        for form in formset.forms:
            deleted = formset.can_delete and formset._should_delete_form(form)
            if not form.instance.pk:
                if form.has_changed() and not deleted:
                    self.add_error(None, frozen)
                continue
            if deleted:
                self.add_error(None, frozen)
                continue
            for name in form.changed_data:
                if name not in INDICATOR_WORDING_FIELDS and name in form.fields:
                    form.add_error(name, gettext("已有报表，不能修改。"))
        return cleaned


def year_edit_handler():
    return ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("title"),
                    FieldPanel("instructions"),
                    FieldRowPanel([FieldPanel("deadline"), FieldPanel("status")]),
                ],
                heading=_("调查年度"),
            ),
            InlinePanel(
                "indicators",
                heading=_("调查指标"),
                label=_("指标"),
                help_text=_(
                    "指标代码各年度保持不变，用于同比和排序。已有报表时，指标只能修改名称、填报口径和排序。"
                ),
                panels=[
                    FieldRowPanel([FieldPanel("code"), FieldPanel("name"), FieldPanel("unit")]),
                    FieldRowPanel(
                        [FieldPanel("kind"), FieldPanel("required"), FieldPanel("sort_order")]
                    ),
                    FieldRowPanel(
                        [
                            FieldPanel("min_value"),
                            FieldPanel("max_value"),
                            FieldPanel("jump_threshold"),
                        ]
                    ),
                    FieldPanel("not_more_than"),
                    FieldPanel("help_text"),
                ],
            ),
        ],
        base_form_class=SurveyYearForm,
    ).bind_to_model(SurveyYear)


class SurveyYearPermissionPolicy(ModelPermissionPolicy):
    """Survey years are never deleted from the admin: their reports are the record."""

    def user_has_permission(self, user, action):
        if action == "delete":
            return False
        return super().user_has_permission(user, action)


class SurveyYearEditView(generic.EditView):
    model = SurveyYear
    permission_policy = SurveyYearPermissionPolicy(SurveyYear)
    permission_required = "change"
    index_url_name = "regulator_surveys"
    edit_url_name = "regulator_survey_edit"
    header_icon = "table"
    success_message = _("%(object)s已保存。")
    error_message = _("调查年度未保存：请改正下面标出的错误。")

    def setup(self, request, *args, **kwargs):
        handler = year_edit_handler()
        self.panel = handler
        self.form_class = handler.get_form_class()
        super().setup(request, *args, **kwargs)

    @cached_property
    def object_pk(self):
        return get_object_or_404(SurveyYear, year=self.kwargs["year"]).pk

    def get_edit_url(self):
        return reverse(self.edit_url_name, args=[self.object.year])

    def get_success_url(self):
        return reverse("regulator_survey_reports", args=[self.object.year])

    def get_success_message(self, instance=None):
        return gettext("%(survey)s已保存。") % {"survey": self.object}

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("regulator_surveys"), "label": gettext("科技情况调查")},
            {"url": "", "label": str(self.object)},
        ]
