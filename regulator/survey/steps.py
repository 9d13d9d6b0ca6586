"""The steps of a report: save, submit, group review, return, accept, reopen.

Each writes a ``SurveyReportEvent``, refuses an illegal move with
``SurveyRefused`` and a sentence the user reads, and mails the people who act
next once the transaction has committed (``regulator.survey.mail``).
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from .. import access
from ..models import SurveyReport, SurveyReportEvent, SurveyValue
from .checks import COMMENT_MAX_LENGTH, Entry, SurveyRefused, check_report

Status = SurveyReport.Status
Action = SurveyReportEvent.Action

# --- transitions ---------------------------------------------------------------------------


def _locked(report):
    return (
        SurveyReport.objects.select_for_update()
        .select_related("survey", "enterprise")
        .get(pk=report.pk)
    )


def _event(report, action, user, comment=""):
    return SurveyReportEvent.objects.create(
        report=report, action=action, user=user, comment=comment
    )


def _refuse_state(report, doing):
    raise SurveyRefused(
        gettext("该报表当前为“%(status)s”，不能%(doing)s。")
        % {"status": report.get_status_display(), "doing": doing}
    )


def _optional_comment(comment, what):
    """A comment the step may go without; text a database cannot store is refused."""
    comment = (comment or "").strip()
    if "\x00" in comment:
        raise SurveyRefused(
            gettext("%(what)s含有无法保存的控制字符，请删除后重新填写。") % {"what": what}
        )
    return comment[:COMMENT_MAX_LENGTH]


def _require_comment(comment, what):
    comment = (comment or "").strip()
    if not comment:
        raise SurveyRefused(gettext("请填写%(what)s。") % {"what": what})
    if len(comment) > COMMENT_MAX_LENGTH:
        raise SurveyRefused(
            gettext("%(what)s不能超过 %(max)s 字。") % {"what": what, "max": COMMENT_MAX_LENGTH}
        )
    return _optional_comment(comment, what)


def _fills(user, enterprise):
    return access.survey_fill_groups(user).filter(pk=enterprise.pk).exists()


def _reviews(user, enterprise):
    return access.survey_review_groups(user).filter(pk=enterprise.pk).exists()


def get_or_start_report(*, survey, enterprise):
    """The group's report of ``survey``, created (empty, 填报中) when there is none yet."""
    report, _created = SurveyReport.objects.get_or_create(survey=survey, enterprise=enterprise)
    return report


@transaction.atomic
def save_report(*, survey, enterprise, user, entries, submit=False):
    """Store ``entries`` as the group's report of ``survey`` (and submit it with ``submit``).

    Refused (``SurveyRefused``, nothing stored) when ``user`` does not fill for
    ``enterprise``, the year is not open, the report is not 填报中 / 已退回, or the
    values have errors (the exception's ``check`` says which). A save that
    changes nothing records nothing. Returns ``(report, check)``; the check
    holds the jumps still to be confirmed.
    """
    if not _fills(user, enterprise):
        raise SurveyRefused(gettext("你不能填报%(group)s的报表。") % {"group": enterprise.name})
    if not survey.is_open:
        raise SurveyRefused(
            gettext("%(survey)s当前为“%(status)s”，不能填报。")
            % {"survey": survey, "status": survey.get_status_display()}
        )
    report = _locked(get_or_start_report(survey=survey, enterprise=enterprise))
    if not report.is_editable:
        _refuse_state(report, gettext("修改"))
    check = check_report(survey=survey, report=report, entries=entries, submitting=submit)
    if check.has_errors or (submit and not check.ok_to_submit):
        message = (
            gettext("报表未报送：请改正下面标出的问题。")
            if submit
            else gettext("报表未保存：请改正下面标出的错误。")
        )
        raise SurveyRefused(message, check=check)
    stored = {v.indicator_id: v for v in report.values.all()}
    changed = False
    for indicator in check.indicators:
        entry = entries.get(indicator.pk) or Entry()
        value = check.values.get(indicator.pk)
        confirmed = indicator.pk in check.jumps and bool(entry.jump_confirmed)
        note = (entry.note or "").strip()
        row = stored.get(indicator.pk)
        if row is None:
            if value is None and not note:
                continue
            row = SurveyValue(report=report, indicator=indicator)
        elif (row.value, row.jump_confirmed, row.note) == (value, confirmed, note):
            continue
        row.value, row.jump_confirmed, row.note = value, confirmed, note
        row.save()
        changed = check.changed = True
    # Only a change of the values makes ``user`` their maker (maker-checker reads this).
    if changed:
        report.updated_by = user
        report.save()
        _event(report, Action.SAVE, user)
    if submit:
        _submit(report, user)
    return report, check


@transaction.atomic
def submit_report(*, report, user):
    """Submit the stored values for 集团审核 (no errors, every required value, every jump confirmed)."""
    report = _locked(report)
    if not _fills(user, report.enterprise):
        raise SurveyRefused(
            gettext("你不能填报%(group)s的报表。") % {"group": report.enterprise.name}
        )
    if not report.survey.is_open:
        raise SurveyRefused(
            gettext("%(survey)s当前为“%(status)s”，不能报送。")
            % {"survey": report.survey, "status": report.survey.get_status_display()}
        )
    if not report.is_editable:
        _refuse_state(report, gettext("提交审核"))
    check = check_report(survey=report.survey, report=report, submitting=True)
    if not check.ok_to_submit:
        raise SurveyRefused(gettext("报表未报送：请改正下面标出的问题。"), check=check)
    _submit(report, user)
    return report


def _submit(report, user):
    report.status = Status.GROUP_REVIEW
    report.save()
    _event(report, Action.SUBMIT, user)
    _notify_on_commit(report, "submitted", user)


@transaction.atomic
def group_return(*, report, user, comment):
    """The group's reviewer sends the report back to its fillers, saying why."""
    report = _locked(report)
    if not _reviews(user, report.enterprise):
        raise SurveyRefused(gettext("只有本集团的审核员才能审核该报表。"))
    if report.status != Status.GROUP_REVIEW:
        _refuse_state(report, gettext("退回"))
    comment = _require_comment(comment, gettext("退回意见"))
    report.status = Status.RETURNED
    report.save()
    _event(report, Action.GROUP_RETURN, user, comment)
    _notify_on_commit(report, "returned", user, comment=comment)
    return report


def _made(report, user):
    """Whether ``user`` ever saved values of ``report`` or submitted it (maker-checker).

    Every round counts, not only the one since the last return: values typed
    in an earlier round stay in the report unless someone changes them.
    """
    return report.events.filter(action__in=[Action.SAVE, Action.SUBMIT], user=user).exists()


@transaction.atomic
def group_approve(*, report, user, comment=""):
    """The group's reviewer approves the report and sends it to the regulator (maker-checker)."""
    report = _locked(report)
    if not _reviews(user, report.enterprise):
        raise SurveyRefused(gettext("只有本集团的审核员才能审核该报表。"))
    if report.status != Status.GROUP_REVIEW:
        _refuse_state(report, gettext("审核报送"))
    comment = _optional_comment(comment, gettext("审核意见"))
    if user.pk == report.updated_by_id or _made(report, user):
        raise SurveyRefused(
            gettext("你填报或提交了这份报表，不能自己审核：请由本集团的另一位审核员审核。")
        )
    check = check_report(survey=report.survey, report=report, submitting=True)
    if not check.ok_to_submit:
        raise SurveyRefused(gettext("报表数据有未解决的问题，请退回填报人修改。"), check=check)
    report.status = Status.SUBMITTED
    report.submitted_at = timezone.now()
    report.save()
    _event(report, Action.GROUP_APPROVE, user, comment)
    _notify_on_commit(report, "group_approved", user)
    return report


@transaction.atomic
def return_report(*, report, user, comment):
    """The regulator returns a submitted report to the group, saying why."""
    report = _locked(report)
    if not access.accepts_survey_reports(user):
        raise SurveyRefused(gettext("只有监管机构才能退回报送的报表。"))
    if report.status != Status.SUBMITTED:
        _refuse_state(report, gettext("退回"))
    comment = _require_comment(comment, gettext("退回意见"))
    report.status = Status.RETURNED
    report.save()
    _event(report, Action.RETURN, user, comment)
    _notify_on_commit(report, "returned", user, comment=comment)
    return report


@transaction.atomic
def accept_report(*, report, user, comment=""):
    """The regulator accepts a submitted report; from now on it is locked."""
    report = _locked(report)
    if not access.accepts_survey_reports(user):
        raise SurveyRefused(gettext("只有监管机构才能接收报表。"))
    if report.status != Status.SUBMITTED:
        _refuse_state(report, gettext("接收"))
    comment = _optional_comment(comment, gettext("接收意见"))
    report.status = Status.ACCEPTED
    report.accepted_at = timezone.now()
    report.save()
    _event(report, Action.ACCEPT, user, comment)
    _notify_on_commit(report, "accepted", user)
    return report


@transaction.atomic
def reopen_report(*, report, user, reason):
    """The regulator unlocks an accepted report for correction (returned to the group)."""
    report = _locked(report)
    if not access.accepts_survey_reports(user):
        raise SurveyRefused(gettext("只有监管机构才能重新打开已接收的报表。"))
    if report.status != Status.ACCEPTED:
        _refuse_state(report, gettext("重新打开"))
    reason = _require_comment(reason, gettext("重新打开的原因"))
    report.status = Status.RETURNED
    report.accepted_at = None
    report.save()
    _event(report, Action.REOPEN, user, reason)
    _notify_on_commit(report, "returned", user, comment=reason)
    return report


def _notify_on_commit(report, kind, user, comment=""):
    from .mail import notify

    transaction.on_commit(lambda: notify(report=report, kind=kind, user=user, comment=comment))
