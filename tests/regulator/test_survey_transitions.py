"""科技情况调查, the steps: filed, reviewed by the group, sent, returned, accepted, locked.

Each step is recorded with who did it and why, refuses what the state or the
person forbids with a sentence the user reads, and mails the people who act
next — and nobody else.
"""

import pytest
from django.core import mail

from regulator.models import SurveyReport, SurveyReportEvent, SurveyValue, SurveyYear
from regulator.survey import (
    SurveyRefused,
    accept_report,
    group_approve,
    group_return,
    reopen_report,
    return_report,
    save_report,
    submit_report,
)
from tests.regulator.survey_world import *  # noqa: F403
from tests.regulator.survey_world import A_2025, entries, value_of

Status = SurveyReport.Status
Action = SurveyReportEvent.Action


@pytest.fixture
def filed(reg, years):
    """Group A's 2025 report, saved complete by its editor (still 填报中)."""
    _y2024, y2025 = years
    report, _check = save_report(
        survey=y2025,
        enterprise=reg.group_a,
        user=reg.users["groupa_editor"],
        entries=entries(y2025, A_2025),
    )
    mail.outbox.clear()
    return report


def submitted(reg, report):
    return submit_report(report=report, user=reg.users["groupa_editor"])


def sent(reg, report):
    submitted(reg, report)
    return group_approve(report=report, user=reg.users["groupa_reviewer"])


def actions(report):
    return list(report.events.order_by("timestamp", "pk").values_list("action", flat=True))


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


# --- the happy path ----------------------------------------------------------------------------


def test_a_report_goes_from_draft_to_accepted_and_every_step_is_recorded(
    reg, filed, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        filed = submitted(reg, filed)
    assert filed.status == Status.GROUP_REVIEW
    with django_capture_on_commit_callbacks(execute=True):
        group_approve(report=filed, user=reg.users["groupa_reviewer"], comment="数据已核对。")
    filed.refresh_from_db()
    assert filed.status == Status.SUBMITTED and filed.submitted_at
    with django_capture_on_commit_callbacks(execute=True):
        accept_report(report=filed, user=reg.users["regulator_reviewer"])
    filed.refresh_from_db()
    assert filed.status == Status.ACCEPTED and filed.accepted_at and filed.is_locked
    assert actions(filed) == [
        Action.SAVE,
        Action.SUBMIT,
        Action.GROUP_APPROVE,
        Action.ACCEPT,
    ]
    approve = filed.events.get(action=Action.GROUP_APPROVE)
    assert approve.user == reg.users["groupa_reviewer"]
    assert approve.comment == "数据已核对。"
    assert value_of(filed, "patents_owned") == 28900


def test_the_editor_may_save_and_submit_in_one_step(reg, years):
    _y2024, y2025 = years
    report, _check = save_report(
        survey=y2025,
        enterprise=reg.group_a,
        user=reg.users["groupa_admin"],
        entries=entries(y2025, A_2025),
        submit=True,
    )
    assert report.status == Status.GROUP_REVIEW
    assert actions(report) == [Action.SAVE, Action.SUBMIT]
    assert report.updated_by == reg.users["groupa_admin"]


def test_saving_again_changes_only_what_changed(reg, years, filed):
    _y2024, y2025 = years
    before = dict(filed.values.values_list("indicator__code", "pk"))
    save_report(
        survey=y2025,
        enterprise=reg.group_a,
        user=reg.users["groupa_admin"],
        entries=entries(y2025, {**A_2025, "rd_staff": "23000", "standards_led": ""}),
    )
    assert value_of(filed, "rd_staff") == 23000
    assert value_of(filed, "standards_led") is None
    assert dict(filed.values.values_list("indicator__code", "pk")) == before
    filed.refresh_from_db()
    assert filed.updated_by == reg.users["groupa_admin"]


# --- refusals -----------------------------------------------------------------------------------


def test_bad_values_are_not_saved_and_the_check_says_which(reg, years, filed):
    _y2024, y2025 = years
    with pytest.raises(SurveyRefused, match="报表未保存") as refused:
        save_report(
            survey=y2025,
            enterprise=reg.group_a,
            user=reg.users["groupa_editor"],
            entries=entries(y2025, {**A_2025, "rd_staff": "两万", "rd_intensity": "101"}),
        )
    assert len(refused.value.check.errors) == 2
    assert value_of(filed, "rd_staff") == 22800
    assert actions(filed) == [Action.SAVE]


def test_submission_is_refused_while_a_jump_is_unconfirmed(reg, years, filed):
    _y2024, y2025 = years
    jumpy = {**A_2025, "patents_owned": "268000"}
    report, check = save_report(
        survey=y2025,
        enterprise=reg.group_a,
        user=reg.users["groupa_editor"],
        entries=entries(y2025, jumpy),
    )
    assert len(check.unconfirmed_jumps) == 1, "saved, with a warning"
    with pytest.raises(SurveyRefused, match="报表未报送"):
        submitted(reg, report)
    report.refresh_from_db()
    assert report.status == Status.DRAFT


def test_an_incomplete_report_cannot_be_submitted(reg, years):
    _y2024, y2025 = years
    report, _check = save_report(
        survey=y2025,
        enterprise=reg.group_a,
        user=reg.users["groupa_editor"],
        entries=entries(y2025, {"rd_staff": "22800"}),
    )
    with pytest.raises(SurveyRefused) as refused:
        submitted(reg, report)
    assert len(refused.value.check.errors) == 9


def test_nothing_is_filed_while_the_year_is_not_open(reg, years):
    y2024, y2025 = years
    y2025.status = SurveyYear.Status.CLOSED
    y2025.save()
    with pytest.raises(SurveyRefused, match="当前为“已截止”，不能填报"):
        save_report(
            survey=y2025,
            enterprise=reg.group_a,
            user=reg.users["groupa_editor"],
            entries=entries(y2025, A_2025),
        )
    assert not SurveyReport.objects.filter(survey=y2025).exists()


def test_a_subsidiary_editor_or_another_groups_user_cannot_file(reg, years):
    _y2024, y2025 = years
    for name in ("a1_editor", "groupb_admin", "groupa_reviewer", "regulator_editor"):
        with pytest.raises(SurveyRefused, match="你不能填报示例能源集团有限公司的报表"):
            save_report(
                survey=y2025,
                enterprise=reg.group_a,
                user=reg.users[name],
                entries=entries(y2025, A_2025),
            )


def test_a_report_under_review_cannot_be_changed_by_its_filer(reg, years, filed):
    _y2024, y2025 = years
    submitted(reg, filed)
    with pytest.raises(SurveyRefused, match="该报表当前为“待集团审核”，不能修改"):
        save_report(
            survey=y2025,
            enterprise=reg.group_a,
            user=reg.users["groupa_editor"],
            entries=entries(y2025, {**A_2025, "rd_staff": "1"}),
        )
    assert value_of(filed, "rd_staff") == 22800


def test_group_review_belongs_to_the_groups_own_reviewers(reg, filed):
    submitted(reg, filed)
    for name in ("groupb_reviewer", "groupa_editor", "groupa_admin", "regulator_reviewer"):
        with pytest.raises(SurveyRefused, match="只有本集团的审核员才能审核该报表"):
            group_approve(report=filed, user=reg.users[name])
    filed.refresh_from_db()
    assert filed.status == Status.GROUP_REVIEW


@pytest.fixture
def both(reg):
    """集团 A's reviewer who also holds its editor role: may fill in, so must not check their own work."""
    user = reg.users["groupa_reviewer"]
    user.groups.add(reg.provisioned["group_a"].groups["editor"])
    return user


def test_the_reviewer_who_filled_the_values_may_not_approve_them(reg, years, filed, both):
    """Maker-checker: someone who is both editor and reviewer of the group checks others' work only."""
    _y2024, y2025 = years
    save_report(
        survey=y2025, enterprise=reg.group_a, user=both, entries=entries(y2025, A_2025), submit=True
    )
    with pytest.raises(SurveyRefused, match="你填报或提交了这份报表，不能自己审核"):
        group_approve(report=filed, user=both)
    filed.refresh_from_db()
    assert filed.status == Status.GROUP_REVIEW


def test_anyone_who_typed_values_may_not_approve_even_if_someone_else_submitted(
    reg, years, filed, both
):
    """The reviewer typed most values, another editor changed one and submitted: still not theirs to check."""
    _y2024, y2025 = years
    save_report(
        survey=y2025,
        enterprise=reg.group_a,
        user=both,
        entries=entries(y2025, {**A_2025, "rd_staff": "23000"}),
    )
    save_report(
        survey=y2025,
        enterprise=reg.group_a,
        user=reg.users["groupa_editor"],
        entries=entries(y2025, {**A_2025, "rd_staff": "23010"}),
        submit=True,
    )
    with pytest.raises(SurveyRefused, match="你填报或提交了这份报表，不能自己审核"):
        group_approve(report=filed, user=both)
    filed.refresh_from_db()
    assert filed.status == Status.GROUP_REVIEW


def test_values_typed_in_an_earlier_round_still_bar_their_maker_from_approving(
    reg, years, filed, both
):
    """Returned and refiled by someone else: the first round's values are still in the report."""
    _y2024, y2025 = years
    save_report(
        survey=y2025,
        enterprise=reg.group_a,
        user=both,
        entries=entries(y2025, {**A_2025, "rd_staff": "23000"}),
        submit=True,
    )
    group_return(report=filed, user=reg.users["groupa_reviewer"], comment="请再核对一遍。")
    save_report(
        survey=y2025,
        enterprise=reg.group_a,
        user=reg.users["groupa_editor"],
        entries=entries(y2025, {**A_2025, "rd_staff": "23010"}),
        submit=True,
    )
    with pytest.raises(SurveyRefused, match="你填报或提交了这份报表，不能自己审核"):
        group_approve(report=filed, user=both)
    filed.refresh_from_db()
    assert filed.status == Status.GROUP_REVIEW


@pytest.mark.parametrize("step", ["group_return", "group_approve"])
def test_a_group_reviewers_comment_with_a_nul_character_is_refused_and_changes_nothing(
    reg, filed, step
):
    submitted(reg, filed)
    function = {"group_return": group_return, "group_approve": group_approve}[step]
    with pytest.raises(SurveyRefused, match="含有无法保存的控制字符"):
        function(report=filed, user=reg.users["groupa_reviewer"], comment="口径\x00有误")
    filed.refresh_from_db()
    assert filed.status == Status.GROUP_REVIEW
    assert actions(filed) == [Action.SAVE, Action.SUBMIT]


def test_the_regulators_comments_with_a_nul_character_are_refused_and_change_nothing(reg, filed):
    sent(reg, filed)
    regulator = reg.users["regulator_reviewer"]
    for function in (return_report, accept_report):
        with pytest.raises(SurveyRefused, match="含有无法保存的控制字符"):
            function(report=filed, user=regulator, comment="请\x00核对")
    filed.refresh_from_db()
    assert filed.status == Status.SUBMITTED
    accept_report(report=filed, user=regulator)
    with pytest.raises(SurveyRefused, match="重新打开的原因含有无法保存的控制字符"):
        reopen_report(report=filed, user=regulator, reason="更正\x00数据")
    filed.refresh_from_db()
    assert filed.status == Status.ACCEPTED


def test_a_group_return_needs_a_comment_and_reaches_the_filer(
    reg, filed, django_capture_on_commit_callbacks
):
    submitted(reg, filed)
    with pytest.raises(SurveyRefused, match="请填写退回意见"):
        group_return(report=filed, user=reg.users["groupa_reviewer"], comment="  ")
    with django_capture_on_commit_callbacks(execute=True):
        group_return(
            report=filed, user=reg.users["groupa_reviewer"], comment="R&D 人员口径请按全集团合并。"
        )
    filed.refresh_from_db()
    assert filed.status == Status.RETURNED and filed.is_editable
    assert filed.events.first().comment == "R&D 人员口径请按全集团合并。"
    assert recipients() == ["groupa_editor@example.cn"]
    assert "R&D 人员口径请按全集团合并。" in mail.outbox[0].body


def test_a_group_reviewer_cannot_accept(reg, filed):
    sent(reg, filed)
    for name in ("groupa_reviewer", "groupa_admin", "groupb_admin"):
        with pytest.raises(SurveyRefused, match="只有监管机构才能接收报表"):
            accept_report(report=filed, user=reg.users[name])
    filed.refresh_from_db()
    assert filed.status == Status.SUBMITTED


def test_the_regulator_accepts_only_what_the_group_has_sent(reg, filed):
    with pytest.raises(SurveyRefused, match="该报表当前为“填报中”，不能接收"):
        accept_report(report=filed, user=reg.users["regulator_editor"])
    submitted(reg, filed)
    with pytest.raises(SurveyRefused, match="该报表当前为“待集团审核”，不能接收"):
        accept_report(report=filed, user=reg.users["regulator_editor"])


def test_the_regulator_returns_with_a_comment_and_the_group_files_again(reg, years, filed):
    _y2024, y2025 = years
    sent(reg, filed)
    with pytest.raises(SurveyRefused, match="请填写退回意见"):
        return_report(report=filed, user=reg.users["regulator_editor"], comment="")
    return_report(
        report=filed, user=reg.users["regulator_editor"], comment="研发投入强度与经费支出不一致。"
    )
    filed.refresh_from_db()
    assert filed.status == Status.RETURNED
    report, _check = save_report(
        survey=y2025,
        enterprise=reg.group_a,
        user=reg.users["groupa_editor"],
        entries=entries(y2025, {**A_2025, "rd_intensity": "2.91"}),
        submit=True,
    )
    assert report.status == Status.GROUP_REVIEW


# --- locking --------------------------------------------------------------------------------------


def test_an_accepted_report_is_locked_against_every_step_but_reopening(reg, years, filed):
    _y2024, y2025 = years
    sent(reg, filed)
    accept_report(report=filed, user=reg.users["regulator_reviewer"])
    refusals = [
        lambda: save_report(
            survey=y2025,
            enterprise=reg.group_a,
            user=reg.users["groupa_editor"],
            entries=entries(y2025, {**A_2025, "rd_staff": "1"}),
        ),
        lambda: submit_report(report=filed, user=reg.users["groupa_editor"]),
        lambda: group_return(report=filed, user=reg.users["groupa_reviewer"], comment="改"),
        lambda: group_approve(report=filed, user=reg.users["groupa_reviewer"]),
        lambda: return_report(report=filed, user=reg.users["regulator_editor"], comment="改"),
        lambda: accept_report(report=filed, user=reg.users["regulator_editor"]),
    ]
    for refusal in refusals:
        with pytest.raises(SurveyRefused, match="该报表当前为“已接收”"):
            refusal()
    assert value_of(filed, "rd_staff") == 22800
    assert SurveyValue.objects.filter(report=filed).count() == 10
    assert actions(filed)[-1] == Action.ACCEPT


def test_reopening_needs_the_regulator_and_a_reason(reg, filed):
    sent(reg, filed)
    accept_report(report=filed, user=reg.users["regulator_reviewer"])
    with pytest.raises(SurveyRefused, match="只有监管机构才能重新打开"):
        reopen_report(report=filed, user=reg.users["groupa_admin"], reason="要改")
    with pytest.raises(SurveyRefused, match="请填写重新打开的原因"):
        reopen_report(report=filed, user=reg.users["regulator_reviewer"], reason="")
    reopen_report(
        report=filed, user=reg.users["regulator_reviewer"], reason="集团申请更正有效专利数。"
    )
    filed.refresh_from_db()
    assert filed.status == Status.RETURNED
    assert filed.accepted_at is None
    assert filed.events.first().action == Action.REOPEN


# --- notifications ----------------------------------------------------------------------------------


def test_each_step_mails_the_people_who_act_next(reg, filed, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        submitted(reg, filed)
    assert recipients() == ["groupa_reviewer@example.cn"], "the group's reviewers, not group B's"
    assert mail.outbox[0].subject == "【待审核】示例能源 2025 年度科技情况调查报表"
    assert f"http://testserver/admin/regulator/survey/2025/reports/{reg.group_a.pk}/" in (
        mail.outbox[0].body
    )

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        group_approve(report=filed, user=reg.users["groupa_reviewer"])
    assert recipients() == ["regulator_editor@example.cn", "regulator_reviewer@example.cn"]
    assert mail.outbox[0].subject == "【已报送】示例能源 2025 年度科技情况调查报表"

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        accept_report(report=filed, user=reg.users["regulator_reviewer"])
    assert recipients() == ["groupa_admin@example.cn", "groupa_editor@example.cn"]
    assert "报表已锁定" in mail.outbox[0].body


def test_a_return_by_the_regulator_mails_everyone_who_saved_the_report(
    reg, years, filed, django_capture_on_commit_callbacks
):
    _y2024, y2025 = years
    save_report(
        survey=y2025,
        enterprise=reg.group_a,
        user=reg.users["groupa_admin"],
        entries=entries(y2025, {**A_2025, "rd_staff": "23000"}),
    )
    sent(reg, filed)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        return_report(report=filed, user=reg.users["regulator_editor"], comment="请补充说明。")
    assert recipients() == ["groupa_admin@example.cn", "groupa_editor@example.cn"]
    assert mail.outbox[0].subject == "【退回修改】2025 年度科技情况调查报表"
    assert "请补充说明。" in mail.outbox[0].body


def test_a_filer_who_has_left_the_group_is_not_mailed_its_returned_report(
    reg, years, filed, django_capture_on_commit_callbacks
):
    """The editor moved to group B: group A's return is none of their business any more."""
    _y2024, y2025 = years
    save_report(
        survey=y2025,
        enterprise=reg.group_a,
        user=reg.users["groupa_admin"],
        entries=entries(y2025, {**A_2025, "rd_staff": "23000"}),
    )
    sent(reg, filed)
    moved = reg.users["groupa_editor"]
    moved.groups.clear()
    moved.groups.add(reg.provisioned["group_b"].groups["editor"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        return_report(report=filed, user=reg.users["regulator_editor"], comment="请补充说明。")
    assert recipients() == ["groupa_admin@example.cn"]


def test_nobody_is_mailed_when_a_step_is_refused(reg, filed, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(SurveyRefused):
        accept_report(report=filed, user=reg.users["regulator_editor"])
    assert mail.outbox == []
