"""Dashboard panel of a group company's fillers and reviewers: this year's survey and its deadline.

Shown while a survey year is open, to the group's editors, administrators and
reviewers (not to the regulator, who has the list of every report), with the
report's status and a link to it. Two queries, whatever the number of groups.
"""

from django.utils import timezone
from wagtail.admin.ui.components import Component

from .. import access
from ..models import SurveyReport, SurveyYear


def survey_panel_groups(user):
    """The group companies whose report ``user`` fills or reviews (superusers: none)."""
    if not getattr(user, "is_authenticated", False) or user.is_superuser:
        return []
    fills = set(access.survey_fill_groups(user).values_list("pk", flat=True))
    reviews = set(access.survey_review_groups(user).values_list("pk", flat=True))
    if not fills and not reviews:
        return []
    groups = access.survey_groups(user).order_by("sort_order", "code")
    return [(group, group.pk in fills, group.pk in reviews) for group in groups]


class SurveyStatusPanel(Component):
    name = "regulator_survey_status"
    template_name = "regulator/survey/panel.html"
    order = 140

    def __init__(self, groups):
        self.groups = groups

    def get_context_data(self, parent_context):
        survey = SurveyYear.objects.filter(status=SurveyYear.Status.OPEN).order_by("-year").first()
        if survey is None:
            return {"survey": None}
        reports = {
            r.enterprise_id: r
            for r in SurveyReport.objects.filter(
                survey=survey, enterprise__in=[g for g, _f, _r in self.groups]
            )
        }
        today = timezone.localdate()
        rows = []
        for group, fills, reviews in self.groups:
            report = reports.get(group.pk)
            status = report.status if report else None
            todo = (fills and status in (None, *SurveyReport.EDITABLE)) or (
                reviews and status == SurveyReport.Status.GROUP_REVIEW
            )
            rows.append({"group": group, "report": report, "todo": todo})
        return {
            "survey": survey,
            "rows": rows,
            "show_group": len(rows) > 1,
            "days_left": (survey.deadline - today).days if survey.deadline else None,
        }

    def render_html(self, parent_context=None):
        html = super().render_html(parent_context)
        return html if html.strip() else ""
