"""Admin wiring of the 科技情况调查: URLs, the menu item and the group's dashboard panel.

The menu item is shown to whoever fills, reviews or reads reports
(``regulator.access.takes_part_in_survey``); every view asks again and a group
user reaches their own group companies' reports only.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from workflows import converters  # noqa: F401  (registers <int64:...>)

from . import access
from .survey.panel import SurveyStatusPanel, survey_panel_groups
from .views import survey as views


@hooks.register("register_admin_urls")
def register_survey_urls():
    return [
        path("regulator/survey/", views.survey_index, name="regulator_surveys"),
        path("regulator/survey/new/", views.create_year, name="regulator_survey_create"),
        path(
            "regulator/survey/<int64:year>/edit/",
            views.SurveyYearEditView.as_view(),
            name="regulator_survey_edit",
        ),
        path(
            "regulator/survey/<int64:year>/",
            views.SurveyReportsView.as_view(),
            name="regulator_survey_reports",
        ),
        path(
            "regulator/survey/<int64:year>/results/",
            views.SurveyReportsView.as_view(results_only=True),
            name="regulator_survey_reports_results",
        ),
        path(
            "regulator/survey/<int64:year>/reports/<int64:enterprise_id>/",
            views.survey_report,
            name="regulator_survey_report",
        ),
        path(
            "regulator/survey/<int64:year>/reports/<int64:enterprise_id>/xlsx/",
            views.survey_report_export,
            name="regulator_survey_report_export",
        ),
    ]


class SurveyMenuItem(MenuItem):
    def is_shown(self, request):
        return access.takes_part_in_survey(request.user)


@hooks.register("register_admin_menu_item")
def register_survey_menu_item():
    return SurveyMenuItem(
        _("科技情况调查"),
        reverse("regulator_surveys"),
        name="survey",
        icon_name="table",
        order=860,
    )


@hooks.register("construct_homepage_panels")
def add_survey_panel(request, panels):
    groups = survey_panel_groups(request.user)
    if groups:
        panels.append(SurveyStatusPanel(groups))
