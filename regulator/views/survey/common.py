"""What the survey's admin views share: the year as the user may see it, the 未填报 label."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext
from django.views.defaults import permission_denied

from ... import access
from ...models import SurveyYear

NOT_STARTED = "none"


def status_label(report):
    return report.get_status_display() if report else gettext("未填报")


def visible_survey(user, year):
    """The survey of ``year`` as ``user`` may see it: a year in preparation is the regulator's only."""
    survey = SurveyYear.objects.filter(year=year).first()
    if survey is None:
        raise Http404
    if survey.status == SurveyYear.Status.PREPARING and not access.sees_all_survey_reports(user):
        raise Http404
    return survey


def refuse_unless_taking_part(request):
    if not access.takes_part_in_survey(request.user):
        return permission_denied(request, PermissionDenied())
    return None
