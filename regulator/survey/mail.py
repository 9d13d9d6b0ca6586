"""Email of the survey's steps, in the style of ``workflows.notifications``.

Each step tells the people who act next, and nobody else:

- submitted for 集团审核 → the group's reviewers (not the submitter);
- approved by the group and sent → the regulator's editors and reviewers who
  accept reports;
- returned (by the group, by the regulator, or reopened) → the people who
  saved the report's values, with the comment;
- accepted → the group's fillers (editors and administrators).

Recipients honour Wagtail's notification preferences of the kind of mail it
is (submitted / rejected / approved), like every review mail of the platform.
"""

from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.admin.mail import EmailNotificationMixin, Notifier

from workflows.models import EnterpriseRole

from .. import access
from ..models import SurveyReport, SurveyReportEvent

Role = EnterpriseRole.Role
TEMPLATE_DIRECTORY = "regulator/survey/mail/"


def _role_users(*, enterprise, roles, permission):
    """Active users holding one of ``roles`` in ``enterprise`` (None: the regulator) with ``permission``."""
    role_filter = {"groups__enterprise_role__role__in": roles}
    if enterprise is None:
        role_filter["groups__enterprise_role__enterprise__isnull"] = True
    else:
        role_filter["groups__enterprise_role__enterprise"] = enterprise
    users = get_user_model().objects.filter(is_active=True, **role_filter).distinct()
    return [user for user in users if user.has_perm(permission)]


def group_reviewers(enterprise):
    return _role_users(
        enterprise=enterprise, roles=[Role.REVIEWER], permission="regulator.review_surveyreport"
    )


def group_fillers(enterprise):
    return _role_users(
        enterprise=enterprise,
        roles=[Role.EDITOR, Role.ADMIN],
        permission="regulator.change_surveyreport",
    )


def regulator_acceptors():
    return _role_users(
        enterprise=None,
        roles=[Role.EDITOR, Role.REVIEWER],
        permission="regulator.accept_surveyreport",
    )


def savers(report):
    """Everyone who saved the report's values and still fills for its group.

    Someone who has since left the group (or lost the filling role) is not
    told about the group's report any more.
    """
    ids = report.events.filter(action=SurveyReportEvent.Action.SAVE).values("user_id")
    users = get_user_model().objects.filter(pk__in=ids, is_active=True)
    return [
        user
        for user in users
        if access.survey_fill_groups(user).filter(pk=report.enterprise_id).exists()
    ]


class SurveyReportNotifier(EmailNotificationMixin, Notifier):
    """One kind of survey mail; ``kind`` names its templates, ``notification`` its preference."""

    template_directory = TEMPLATE_DIRECTORY

    def __init__(self, kind, notification, recipients):
        super().__init__((SurveyReport,))
        self.kind = kind
        self.notification = notification
        self.recipients = recipients

    def get_template_set(self, instance, **kwargs):
        base = f"{TEMPLATE_DIRECTORY}{self.kind}"
        return {"subject": f"{base}_subject.txt", "text": f"{base}.txt", "html": f"{base}.html"}

    def get_recipient_users(self, report, **kwargs):
        actor = kwargs.get("user")
        return [u for u in self.recipients(report) if actor is None or u.pk != actor.pk]

    def get_context(self, report, **kwargs):
        context = super().get_context(report, **kwargs)
        context.update(
            {
                "report": report,
                "survey": report.survey,
                "enterprise": report.enterprise,
                "actor": kwargs.get("user"),
                "comment": kwargs.get("comment", ""),
                "report_path": reverse(
                    "regulator_survey_report", args=[report.survey.year, report.enterprise_id]
                ),
            }
        )
        return context


NOTIFIERS = {
    "submitted": SurveyReportNotifier(
        "submitted", "submitted", lambda report: group_reviewers(report.enterprise)
    ),
    "group_approved": SurveyReportNotifier(
        "group_approved", "submitted", lambda report: regulator_acceptors()
    ),
    "returned": SurveyReportNotifier("returned", "rejected", savers),
    "accepted": SurveyReportNotifier(
        "accepted", "approved", lambda report: group_fillers(report.enterprise)
    ),
}


def notify(*, report, kind, user=None, comment=""):
    """Send the mail of step ``kind`` about ``report``; True when every mail went out."""
    report = SurveyReport.objects.select_related("survey", "enterprise").get(pk=report.pk)
    return NOTIFIERS[kind](report, user=user, comment=comment)
