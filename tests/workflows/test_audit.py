"""审核记录 / 审计报表: 谁上网、谁审核、谁负责, from Wagtail's own audit log.

Enterprises, groups and accounts are built by provisioning, as on the real
platform; items are submitted, approved and rejected through Wagtail's
workflow API, so the report reads the log entries Wagtail itself writes.
"""

import csv
import datetime
import io

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import PageLogEntry

from tests.factories import NewsPageFactory, TrendPageFactory
from tests.utils import text_of
from workflows.audit import visible_log_entries
from workflows.models import EnterpriseRole

pytestmark = pytest.mark.django_db

Role = EnterpriseRole.Role
REPORT = "workflows_audit"
HEADINGS = ["时间", "操作", "标题", "类型", "来源企业", "审核单位", "操作人", "意见或理由"]


def submit(page, user):
    """The editor saves a revision and submits it, as the 提交审核 button does."""
    page.save_revision(user=user)
    return page.get_workflow().start(page, user)


def decide(state, user, action, comment=""):
    """A reviewer takes ``action`` on the current step, through the task as the admin does."""
    state.refresh_from_db()
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, user, action, comment=comment)
    state.refresh_from_db()
    return state


def draft(parent, title, **kwargs):
    return NewsPageFactory(parent=parent, live=False, title=title, **kwargs)


def published_through_review(org, title, *, parent=None, editor=None, comment=""):
    page = draft(parent or org.a1_page, title)
    state = submit(page, editor or org.a1_editor)
    decide(state, org.groupa_reviewer, "approve", comment)
    page.refresh_from_db()
    assert page.live
    return page


def report(client, user, **params):
    client.force_login(user)
    return client.get(reverse(REPORT), params)


def csv_rows(response):
    body = b"".join(response.streaming_content)
    assert body.startswith("\ufeff".encode()), "Excel needs the BOM to read UTF-8"
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def xlsx_sheet(response):
    content = b"".join(response.streaming_content)
    return openpyxl.load_workbook(io.BytesIO(content)).active


def entries_for(user, page):
    return visible_log_entries(user).filter(page=page)


# --- what the report lists ---------------------------------------------------------


def test_submission_approval_and_publication_are_listed_with_user_and_enterprise(org, client):
    published_through_review(
        org, "能源一院完成新型储能装置调试", comment="数据核实无误，同意发布。"
    )

    response = report(client, org.groupa_reviewer)
    assert response.status_code == 200
    body = text_of(response)
    assert "能源一院完成新型储能装置调试" in body
    for expected in (
        "提交审核",
        "审核通过（集团审核）",
        "保密审查自动通过",
        "发布",
        "采集 张（a1_editor）",  # name and username
        "审核 李（groupa_reviewer）",
        "数据核实无误，同意发布。",
        "示例能源第一研究院有限公司",  # the source enterprise
        "示例能源集团有限公司",  # the group that reviews it
        "科技动态",
    ):
        assert expected in body, expected


def test_rows_name_the_right_user_for_each_action(org, client):
    published_through_review(org, "能源一院的稿件", comment="同意。")
    client.force_login(org.regulator_reviewer)
    rows = csv_rows(client.get(reverse(REPORT), {"export": "csv"}))
    by_action = {row[1]: row for row in rows[1:]}
    submitted = by_action["提交审核"]
    assert submitted[2] == "能源一院的稿件"
    assert "a1_editor" in submitted[6]
    assert submitted[4] == "示例能源第一研究院有限公司"
    assert submitted[5] == "示例能源集团有限公司"
    approved = by_action["审核通过（集团审核）"]
    assert "groupa_reviewer" in approved[6] and approved[7] == "同意。"
    assert by_action["保密审查自动通过"][6] == "系统"
    assert "发布" in by_action


def test_rejection_with_comment_is_listed(org, client):
    page = draft(org.a1_page, "需要补充数据的稿件")
    state = submit(page, org.a1_editor)
    decide(state, org.groupa_reviewer, "reject", "请补充试验数据来源。")

    body = text_of(report(client, org.groupa_reviewer))
    assert "退回（集团审核）" in body
    assert "请补充试验数据来源。" in body


def test_secrecy_hold_and_clearing_with_reason_are_listed(org, client):
    page = draft(org.a1_page, "揭开材料老化的秘密", summary="本文揭开材料老化的秘密。")
    state = submit(page, org.a1_editor)
    decide(state, org.groupa_reviewer, "approve")
    page.refresh_from_db()
    assert not page.live, "a hit holds the item"
    decide(state, org.groupa_reviewer, "clear", "“秘密”为普通用语，不涉及国家秘密。")
    page.refresh_from_db()
    assert page.live

    rows = csv_rows(report(client, org.groupa_reviewer, export="csv"))
    actions = {row[1]: row for row in rows[1:]}
    assert "保密审查暂停发布" in actions
    assert "秘密" in actions["保密审查暂停发布"][7]
    cleared = actions["保密审查确认误报，准予公开"]
    assert cleared[7] == "“秘密”为普通用语，不涉及国家秘密。"
    assert "groupa_reviewer" in cleared[6]


def test_report_does_not_need_the_secrecy_actions_registered(org, client, monkeypatch):
    page = draft(org.a1_page, "揭开材料老化的秘密", summary="本文揭开材料老化的秘密。")
    state = submit(page, org.a1_editor)
    decide(state, org.groupa_reviewer, "approve")
    for action in ("ceti.secrecy.hold", "ceti.secrecy.pass", "ceti.secrecy.clear"):
        monkeypatch.delitem(log_action_registry.formatters, action, raising=False)

    response = report(client, org.groupa_reviewer)
    assert response.status_code == 200
    assert "保密审查暂停发布" in text_of(response)
    assert report(client, org.groupa_reviewer, export="xlsx").status_code == 200


# --- who sees what -----------------------------------------------------------------


@pytest.fixture
def two_groups(org):
    published_through_review(org, "能源一院的稿件")
    b_page = draft(org.group_b_page, "示例装备的稿件")
    b_state = submit(b_page, org.groupb_editor)
    decide(b_state, org.groupb_reviewer, "approve")
    trend = TrendPageFactory(parent=org.site.trends, live=False, title="国外固态电池研究进展")
    submit(trend, org.regulator_editor)
    return org


def test_group_reviewer_sees_only_own_group_in_listing_and_exports(two_groups, client):
    org = two_groups
    for user in (org.groupa_reviewer, org.groupa_admin):
        body = text_of(report(client, user))
        assert "能源一院的稿件" in body
        assert "示例装备的稿件" not in body
        assert "国外固态电池研究进展" not in body
        csv_text = str(csv_rows(report(client, user, export="csv")))
        assert "能源一院的稿件" in csv_text and "示例装备的稿件" not in csv_text
        sheet = xlsx_sheet(report(client, user, export="xlsx"))
        titles = {row[2] for row in sheet.iter_rows(min_row=2, values_only=True)}
        assert titles == {"能源一院的稿件"}

    body = text_of(report(client, org.groupb_reviewer))
    assert "示例装备的稿件" in body and "能源一院的稿件" not in body


def test_regulator_roles_and_superusers_see_everything(two_groups, client, admin_client):
    org = two_groups
    for user in (org.regulator_reviewer, org.regulator_editor, admin_client.user):
        body = text_of(report(client, user))
        for title in ("能源一院的稿件", "示例装备的稿件", "国外固态电池研究进展"):
            assert title in body, (user, title)
    assert "监管机构" in text_of(report(client, org.regulator_reviewer))


def test_visible_log_entries_is_the_one_rule(two_groups):
    org = two_groups
    a_page = PageLogEntry.objects.get(label="能源一院的稿件", action="wagtail.workflow.start").page
    b_page = PageLogEntry.objects.get(label="示例装备的稿件", action="wagtail.workflow.start").page
    assert entries_for(org.groupa_reviewer, a_page).exists()
    assert not entries_for(org.groupa_reviewer, b_page).exists()
    assert entries_for(org.regulator_editor, b_page).exists()
    for editor in (org.a1_editor, org.groupa_editor, org.groupb_editor):
        assert not visible_log_entries(editor).exists()


def test_editors_get_no_menu_item_and_403(org, client):
    url = reverse(REPORT)
    for editor in (org.a1_editor, org.groupa_editor):
        client.force_login(editor)
        assert client.get(url).status_code == 403
        assert client.get(url, {"export": "csv"}).status_code == 403
        assert client.get(reverse("workflows_audit_results")).status_code == 403
        assert url not in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(org.groupa_reviewer)
    assert url in client.get(reverse("wagtailadmin_home")).content.decode()


# --- filters -----------------------------------------------------------------------


def test_enterprise_filter_narrows_and_a_group_includes_its_subsidiaries(two_groups, client):
    org = two_groups
    group_a = text_of(report(client, org.regulator_reviewer, enterprise=org.group_a.pk))
    assert "能源一院的稿件" in group_a
    assert "示例装备的稿件" not in group_a and "国外固态电池研究进展" not in group_a

    b = text_of(report(client, org.regulator_reviewer, enterprise=org.group_b.pk))
    assert "示例装备的稿件" in b and "能源一院的稿件" not in b

    regulator = text_of(report(client, org.regulator_reviewer, enterprise="regulator"))
    assert "国外固态电池研究进展" in regulator
    assert "能源一院的稿件" not in regulator and "示例装备的稿件" not in regulator


def test_a_group_cannot_filter_its_way_into_another_group(two_groups, client):
    org = two_groups
    for params in ({"enterprise": org.group_b.pk}, {"enterprise": "regulator"}):
        for export in (None, "csv"):
            query = dict(params, **({"export": export} if export else {}))
            response = report(client, org.groupa_reviewer, **query)
            assert response.status_code == 200
            body = str(csv_rows(response)) if export else text_of(response)
            assert "示例装备的稿件" not in body
            assert "国外固态电池研究进展" not in body


def test_period_and_action_filters_narrow(org, client):
    old = published_through_review(org, "去年的稿件")
    published_through_review(org, "今年的稿件")
    last_year = timezone.make_aware(datetime.datetime(timezone.localdate().year - 1, 3, 1, 9))
    PageLogEntry.objects.filter(page=old).update(timestamp=last_year)

    year = last_year.year
    body = text_of(
        report(
            client,
            org.groupa_reviewer,
            timestamp_from=f"{year}-01-01",
            timestamp_to=f"{year}-12-31",
        )
    )
    assert "去年的稿件" in body and "今年的稿件" not in body

    rows = csv_rows(report(client, org.groupa_reviewer, action="wagtail.publish", export="csv"))
    assert {row[1] for row in rows[1:]} == {"发布"}
    assert {row[2] for row in rows[1:]} == {"去年的稿件", "今年的稿件"}


@pytest.mark.parametrize(
    "params",
    [
        {"timestamp_from": "2026-13-45"},
        {"timestamp_to": "not a date"},
        {"enterprise": "999999"},
        {"enterprise": "9" * 40},
        {"enterprise": "x" * 5000},
        {"action": "wagtail.delete"},
        {"action": "<script>" * 500},
        {"p": "9" * 50},
        {"p": "-1"},
    ],
)
def test_bad_filter_input_gives_a_normal_page(org, client, params):
    published_through_review(org, "能源一院的稿件")
    response = report(client, org.groupa_reviewer, **params)
    assert response.status_code == 200
    assert "<script><script>" not in response.content.decode()
    client.force_login(org.groupa_reviewer)
    assert client.get(reverse("workflows_audit_results"), params).status_code == 200
    assert report(client, org.groupa_reviewer, export="csv", **params).status_code == 200


# --- exports -----------------------------------------------------------------------


def test_xlsx_export_opens_with_the_headings_and_rows(org, client):
    published_through_review(org, "能源一院的稿件", comment="同意。")
    response = report(client, org.groupa_reviewer, export="xlsx")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    sheet = xlsx_sheet(response)
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADINGS
    actions = [row[1] for row in rows[1:]]
    assert {"提交审核", "审核通过（集团审核）", "保密审查自动通过", "发布"} <= set(actions)
    approved = next(row for row in rows[1:] if row[1] == "审核通过（集团审核）")
    assert approved[2] == "能源一院的稿件"
    assert approved[4] == "示例能源第一研究院有限公司"
    assert approved[7] == "同意。"
    assert isinstance(approved[0], datetime.datetime)
    # Beijing time, as on screen.
    entry = PageLogEntry.objects.filter(action="wagtail.workflow.approve").get()
    assert approved[0] == timezone.make_naive(entry.timestamp).replace(
        microsecond=approved[0].microsecond
    )


def test_csv_export_has_the_rows(org, client):
    published_through_review(org, "能源一院的稿件")
    rows = csv_rows(report(client, org.groupa_reviewer, export="csv"))
    assert rows[0] == HEADINGS
    assert len(rows) >= 5
    assert all(row[2] == "能源一院的稿件" for row in rows[1:])


def test_formula_title_is_escaped_on_screen_and_text_in_spreadsheets(org, client):
    title = '=HYPERLINK("http://x")<script>'
    published_through_review(org, title, comment="@SUM(1+1)")

    html = report(client, org.groupa_reviewer).content.decode()
    assert "=HYPERLINK(&quot;http://x&quot;)&lt;script&gt;" in html
    assert 'HYPERLINK("http://x")<script>' not in html

    for row in csv_rows(report(client, org.groupa_reviewer, export="csv"))[1:]:
        assert row[2] == "'" + title
        for cell in row:
            assert cell[:1] not in ("=", "+", "-", "@")

    sheet = xlsx_sheet(report(client, org.groupa_reviewer, export="xlsx"))
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    assert title in {cell.value for cell in cells}


# --- cost ----------------------------------------------------------------------------


def count_queries(client, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse(REPORT), params)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("export", [None, "csv", "xlsx"])
def test_query_count_does_not_grow_with_the_rows(
    org, client, django_assert_max_num_queries, export
):
    params = {"export": export} if export else {}
    published_through_review(org, "能源一院的稿件 0")
    client.force_login(org.groupa_reviewer)
    count_queries(client, **params)  # warm the content-type cache
    few = count_queries(client, **params)
    for n in range(1, 6):
        published_through_review(org, f"能源一院的稿件 {n}", parent=org.group_a_page)
    many = count_queries(client, **params)
    assert many == few
    with django_assert_max_num_queries(25):
        client.get(reverse(REPORT), params)
