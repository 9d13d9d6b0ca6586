"""通知回执 from the regulator's side: who has and has not acknowledged, overdue highlighted, XLSX."""

import datetime
import io
import re

import openpyxl
import pytest
from django.utils import timezone

from regulator.models import NoticeAcknowledgement
from tests.regulator.conftest import days_from_today, login

REPORT = "/admin/reports/notice-receipts/"


def detail(notice):
    return f"{REPORT}{notice.pk}/"


def acknowledge(notice, enterprise, user, *, days_after_deadline=None, note=""):
    """An acknowledgement dated relative to the notice's deadline (constructed dates)."""
    ack = NoticeAcknowledgement.objects.create(
        notice=notice, enterprise=enterprise, acknowledged_by=user, note=note
    )
    if days_after_deadline is not None:
        moment = datetime.datetime.combine(
            notice.deadline + datetime.timedelta(days=days_after_deadline), datetime.time(15, 30)
        )
        ack.acknowledged_at = timezone.make_aware(moment)
        ack.save()
    return ack


def workbook(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.fixture
def three_notices(reg, notice):
    """Overdue with group B silent, current with nobody answered yet, late answer by group B."""
    overdue = notice(
        deadline_in=-5, title="关于报送科技成果的通知", doc_number="国资厅规划〔2026〕1号"
    )
    acknowledge(
        overdue, reg.group_a, reg.users["groupa_admin"], days_after_deadline=-2, note="收到"
    )
    current = notice(deadline_in=10, targets=[reg.group_a], title="关于开展专项检查的通知")
    late = notice(deadline_in=-20, targets=[reg.group_b], title="关于填报联系表的通知")
    acknowledge(late, reg.group_b, reg.users["groupb_reviewer"], days_after_deadline=3)
    return overdue, current, late


@pytest.mark.parametrize("username", ["regulator_editor", "regulator_reviewer", "platform_admin"])
def test_the_regulator_sees_every_notice_with_its_counts(reg, three_notices, client, username):
    response = login(client, reg.users[username]).get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    for title in ("关于报送科技成果的通知", "关于开展专项检查的通知", "关于填报联系表的通知"):
        assert title in html
    assert "1 家逾期未回执" in html
    assert "1 家逾期回执" in html


@pytest.mark.parametrize(
    "username", ["groupa_admin", "groupa_reviewer", "groupa_editor", "groupb_admin", "a1_editor"]
)
def test_groups_never_open_the_regulators_report(reg, three_notices, client, username):
    overdue, _current, _late = three_notices
    client = login(client, reg.users[username])
    for url in (REPORT, detail(overdue), f"{REPORT}?export=xlsx", f"{detail(overdue)}?export=xlsx"):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "王管理" not in response.content.decode()


def test_anonymous_visitors_are_sent_to_the_login(three_notices, client):
    overdue, _current, _late = three_notices
    for url in (REPORT, detail(overdue)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


def test_a_notice_shows_who_acknowledged_when_and_who_is_overdue(reg, three_notices, client):
    overdue, _current, _late = three_notices
    html = login(client, reg.users["regulator_editor"]).get(detail(overdue)).content.decode()
    assert "国资厅规划〔2026〕1号" in html
    assert "1 / 2" in html
    # Group B, silent past the deadline, is marked overdue and listed first.
    b_row = html.index('<tr class="ceti-receipt-overdue">')
    a_row = html.index('<tr class="ceti-receipt-on_time">')
    assert b_row < a_row
    assert "示例装备集团有限公司" in html[b_row:a_row]
    assert "逾期未回执" in html[b_row:a_row]
    assert "王管理（groupa_admin）" in html[a_row:]
    assert "收到" in html[a_row:]


def test_a_notice_not_yet_due_is_pending_not_overdue(reg, three_notices, client):
    _overdue, current, _late = three_notices
    html = login(client, reg.users["regulator_reviewer"]).get(detail(current)).content.decode()
    assert '<tr class="ceti-receipt-pending">' in html
    assert '<tr class="ceti-receipt-overdue">' not in html
    # Sent to group A only: group B is not listed.
    assert "示例装备集团有限公司" not in html


def test_an_acknowledgement_on_the_deadline_day_is_on_time(reg, notice, client):
    item = notice(deadline_in=-1, targets=[reg.group_a])
    acknowledge(item, reg.group_a, reg.users["groupa_admin"], days_after_deadline=0)
    html = login(client, reg.users["regulator_editor"]).get(detail(item)).content.decode()
    assert '<tr class="ceti-receipt-on_time">' in html


def test_notice_asking_no_receipt_or_withdrawn_has_no_report_page(reg, notice, client):
    no_deadline = notice(deadline_in=None)
    withdrawn = notice()
    withdrawn.unpublish()
    client = login(client, reg.users["regulator_editor"])
    assert client.get(detail(no_deadline)).status_code == 404
    assert client.get(detail(withdrawn)).status_code == 404
    assert client.get(f"{REPORT}999999/").status_code == 404


def test_the_notice_export_lists_every_target_with_its_state(reg, three_notices, client):
    overdue, _current, late = three_notices
    client = login(client, reg.users["regulator_editor"])
    rows = workbook(client.get(f"{detail(overdue)}?export=xlsx"))
    assert rows[0] == ["集团公司", "状态", "回执人", "回执时间", "备注"]
    assert rows[1] == ["示例装备集团有限公司", "逾期未回执", None, None, None]
    assert rows[2][:2] == ["示例能源集团有限公司", "已回执"]
    assert rows[2][2] == "王管理（groupa_admin）"
    # Beijing time, as on screen.
    assert rows[2][3] == datetime.datetime.combine(days_from_today(-7), datetime.time(15, 30))
    assert rows[2][4] == "收到"
    assert len(rows) == 3
    late_rows = workbook(client.get(f"{detail(late)}?export=xlsx"))
    assert [row[:3] for row in late_rows[1:]] == [
        ["示例装备集团有限公司", "逾期回执", "groupb_reviewer"]
    ]


def test_the_report_export_counts_each_notice(reg, three_notices, client):
    rows = workbook(login(client, reg.users["regulator_editor"]).get(f"{REPORT}?export=xlsx"))
    assert rows[0] == [
        "标题",
        "文号",
        "成文日期",
        "回执截止日期",
        "发送范围",
        "应回执",
        "已回执",
        "其中逾期回执",
        "未回执",
        "逾期未回执",
    ]
    by_title = {row[0]: row for row in rows[1:]}
    assert len(by_title) == 3
    assert by_title["关于报送科技成果的通知"][4:] == ["全部集团公司", 2, 1, 0, 1, 1]
    assert by_title["关于开展专项检查的通知"][4:] == ["示例能源", 1, 0, 0, 1, 0]
    assert by_title["关于填报联系表的通知"][4:] == ["示例装备", 1, 1, 1, 0, 0]
    assert by_title["关于开展专项检查的通知"][3] == days_from_today(10)


def test_a_note_that_looks_like_a_formula_stays_text(reg, notice, client):
    item = notice(targets=[reg.group_a])
    acknowledge(item, reg.group_a, reg.users["groupa_admin"], note='=HYPERLINK("x")')
    client = login(client, reg.users["regulator_editor"])
    rows = workbook(client.get(f"{detail(item)}?export=xlsx"))
    assert rows[1][4] == '=HYPERLINK("x")'
    csv = b"".join(client.get(f"{detail(item)}?export=csv").streaming_content).decode("utf-8-sig")
    assert "'=HYPERLINK" in csv


def test_the_report_reads_a_bounded_number_of_queries(
    reg, notice, client, django_assert_max_num_queries
):
    client = login(client, reg.users["regulator_editor"])
    for k in range(3):
        acknowledge(notice(), reg.group_a, reg.users["groupa_admin"], note=f"第{k}份")
    client.get(REPORT)
    with django_assert_max_num_queries(40) as few:
        client.get(REPORT)
    for k in range(12):
        acknowledge(notice(targets=[reg.group_b]), reg.group_b, None, note=f"第{k}份")
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(REPORT)
    assert len(set(re.findall(r"/admin/reports/notice-receipts/(\d+)/", response.text))) == 15
