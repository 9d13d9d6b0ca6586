"""Provisioning grants the regulator's work to the right roles; the demo leaves every state."""

import pytest

from pages.demo.regulator import load_regulator_work
from regulator.models import ContactChange, ContactRegistration, NoticeAcknowledgement
from regulator.notices import Status, notices_asking_for_receipts, summarise
from tests.regulator.conftest import days_from_today
from workflows.provisioning import provision_enterprise, provision_regulator

REGULATOR = {
    "view_noticeacknowledgement",
    "view_contactregistration",
    "add_surveyyear",
    "change_surveyyear",
    "view_surveyyear",
    "view_surveyreport",
    "accept_surveyreport",
    "view_rankingrelease",
    "view_participationweights",
    "change_participationweights",
}
GRANTED = {
    "groupa_admin": {
        "add_noticeacknowledgement",
        "change_contactregistration",
        "change_surveyreport",
    },
    "groupa_reviewer": {"add_noticeacknowledgement", "review_surveyreport"},
    "groupa_editor": {"change_surveyreport"},
    # A subsidiary files nothing: its group reports for it.
    "a1_editor": set(),
    "regulator_editor": REGULATOR,
    # Releasing the ranking to the public is a publication: the regulator's reviewers.
    "regulator_reviewer": REGULATOR | {"add_rankingrelease", "change_rankingrelease"},
}


@pytest.mark.parametrize(("username", "expected"), GRANTED.items())
def test_each_role_holds_exactly_its_permissions_on_the_regulators_work(reg, username, expected):
    user = reg.users[username]
    held = {p.split(".", 1)[1] for p in user.get_all_permissions() if p.startswith("regulator.")}
    assert held == expected


def test_provisioning_again_changes_nothing(reg):
    group = reg.provisioned["group_a"].groups
    before = {role: set(g.permissions.values_list("pk", flat=True)) for role, g in group.items()}
    provision_enterprise(enterprise=reg.group_a, translate=False)
    provision_regulator()
    after = {role: set(g.permissions.values_list("pk", flat=True)) for role, g in group.items()}
    assert before == after


def test_the_demo_leaves_acknowledged_late_overdue_and_open_notices_and_two_contact_states(
    reg, notice
):
    for days in (-40, -25, -10):
        notice(deadline_in=days, issued_on=days_from_today(days - 20))
    notice(deadline_in=12)
    enterprises = {"group-a": reg.group_a, "group-b": reg.group_b}
    created = load_regulator_work(enterprises=enterprises, users=reg.users)
    assert created == {"notice acknowledgements": 5, "contact registrations": 2}

    statuses = {
        (row.enterprise.code, row.notice.deadline, row.status)
        for summary in summarise(notices_asking_for_receipts())
        for row in summary.rows
    }
    assert {status for _code, _deadline, status in statuses} == {
        Status.ON_TIME,
        Status.LATE,
        Status.OVERDUE,
        Status.PENDING,
    }
    assert ContactRegistration.objects.get(enterprise=reg.group_a).is_filed
    assert not ContactRegistration.objects.get(enterprise=reg.group_b).is_filed
    assert ContactChange.objects.count() == 2

    assert load_regulator_work(enterprises=enterprises, users=reg.users) == {
        "notice acknowledgements": 0,
        "contact registrations": 0,
    }
    assert NoticeAcknowledgement.objects.count() == 5
