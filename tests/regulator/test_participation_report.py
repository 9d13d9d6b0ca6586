"""参与情况 in the admin: who sees it, the period a user asks for, the XLSX and the 通报 draft.

The month of activity is ``participation_world``'s March 2026.
"""

import io

import openpyxl
import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.users.models import UserProfile

from pages.demo.participation import load_participation
from pages.models import NoticePage
from regulator.models import ParticipationWeights
from snippets.models import Enquiry
from tests.factories import EnterpriseFactory, make_listing
from tests.regulator.conftest import login
from tests.regulator.participation_world import build_march
from tests.utils import text_of

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/participation/"
BRIEFING = "/admin/reports/participation/briefing/"
MARCH = {"month": "2026-03"}
TITLE = "2026年3月中央企业技术创新信息平台共建和使用情况通报"
REGULATOR = ["regulator_editor", "regulator_reviewer", "platform_admin"]
GROUP_USERS = ["groupa_admin", "groupa_reviewer", "groupa_editor", "groupb_admin", "a1_editor"]


@pytest.fixture
def march(reg, django_user_model):
    return build_march(reg, django_user_model)


def messages_of(response):
    return [str(m).strip() for m in get_messages(response.wsgi_request)]


def workbook(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert "ceti-participation-2026-03.xlsx" in response["Content-Disposition"]
    return openpyxl.load_workbook(io.BytesIO(response.content))


def rows_of(sheet):
    return [list(row) for row in sheet.iter_rows(values_only=True)]


# --- who sees it ----------------------------------------------------------------------


@pytest.mark.parametrize("username", REGULATOR)
def test_the_regulator_reads_every_groups_participation(reg, march, client, username):
    response = login(client, reg.users[username]).get(REPORT, MARCH)
    assert response.status_code == 200
    text = text_of(response)
    assert "统计期：2026年3月（2026-03-01 至 2026-03-31，北京时间）" in text
    assert text.index("示例能源集团有限公司") < text.index("示例装备集团有限公司")
    assert "89.9" in text and "49.5" in text
    assert "得分怎么算" in text
    assert "示例能源第一研究院有限公司" in text  # the subsidiaries, shown apart
    assert REPORT in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.parametrize("username", GROUP_USERS)
def test_group_companies_neither_see_nor_open_it(reg, march, client, username):
    login(client, reg.users[username])
    assert client.get(REPORT, MARCH).status_code == 403
    assert client.get(REPORT, {**MARCH, "export": "xlsx"}).status_code == 403
    assert client.post(BRIEFING, MARCH).status_code == 403
    assert REPORT not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert not NoticePage.objects.filter(title=TITLE).exists()


def test_anonymous_readers_are_sent_to_the_login(reg, client):
    for response in (client.get(REPORT), client.post(BRIEFING, MARCH)):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))


# --- the period asked for ---------------------------------------------------------------


def test_without_a_period_the_last_full_month_is_shown(reg, client):
    from regulator.participation import Period, today_in_beijing

    text = text_of(login(client, reg.users["regulator_editor"]).get(REPORT))
    assert f"统计期：{Period.last_full_month(today_in_beijing()).label}" in text


def test_a_date_range_counts_its_days_both_included(reg, march, client):
    response = login(client, reg.users["regulator_editor"]).get(
        REPORT, {"start": "2026-03-31", "end": "2026-03-31"}
    )
    text = text_of(response)
    assert "统计期：2026年3月31日至2026年3月31日" in text
    assert "共提交审核 1 条" in text  # E3, at 23:30 on the 31st


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"month": "2026-13"}, "月份“2026-13”无法识别"),
        ({"month": "三月"}, "月份“三月”无法识别"),
        ({"start": "2026-03-31", "end": "2026-03-01"}, "开始日期不能晚于结束日期"),
        ({"start": "2026-03-01"}, "请同时填写开始日期和结束日期"),
        ({"start": "2026-02-30", "end": "2026-03-01"}, "日期"),
        ({"start": "2024-01-01", "end": "2026-03-01"}, "统计范围最长 366 天"),
        # Dates far out of the years the platform counts: said, never a 500.
        ({"start": "9999-12-01", "end": "9999-12-31"}, "超出可统计的范围（2000 年至 2100 年）"),
        ({"start": "0001-01-01", "end": "0001-01-31"}, "日期“0001-01-01”超出可统计的范围"),
        ({"start": "1999-12-31", "end": "2000-01-01"}, "日期“1999-12-31”超出可统计的范围"),
    ],
)
def test_a_bad_period_is_said_in_a_message_and_the_last_full_month_shown(
    reg, client, params, message
):
    response = login(client, reg.users["regulator_editor"]).get(REPORT, params)
    assert response.status_code == 200
    said = messages_of(response)
    assert any(message in m for m in said), said
    assert "已改为显示上一个完整月份的统计。" in said


# --- XLSX ---------------------------------------------------------------------------------


def test_a_regulator_working_in_the_english_admin_still_drafts_a_chinese_briefing(
    reg, march, client
):
    editor = reg.users["regulator_editor"]
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    login(client, editor)

    client.post(BRIEFING, MARCH)

    notice = NoticePage.objects.get(title=TITLE)  # the Chinese title
    table = next(block.value for block in notice.body if block.block_type == "table")
    assert table["data"][0][:3] == ["排名", "集团公司", "综合得分"]


@pytest.mark.parametrize("far", ["0001-01", "9999-12"])
def test_an_export_of_a_far_out_period_gives_the_last_full_month_not_an_error(reg, client, far):
    response = login(client, reg.users["regulator_reviewer"]).get(
        REPORT, {"start": f"{far}-01", "end": f"{far}-28", "export": "xlsx"}
    )
    assert response.status_code == 200
    from regulator.participation import Period, today_in_beijing

    last_month = Period.last_full_month(today_in_beijing()).start.strftime("%Y-%m")
    assert f"ceti-participation-{last_month}.xlsx" in response["Content-Disposition"]
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["集团公司", "所属企业", "说明"]


def test_the_xlsx_has_a_row_per_group_and_per_enterprise(reg, march, client):
    response = login(client, reg.users["regulator_reviewer"]).get(
        REPORT, {**MARCH, "export": "xlsx"}
    )
    book = workbook(response)
    assert book.sheetnames == ["集团公司", "所属企业", "说明"]

    groups = rows_of(book["集团公司"])
    heading = groups[0]
    assert heading[:4] == ["排名", "集团公司", "综合得分", "提交审核合计"]
    assert len(groups) == 3
    a = dict(zip(heading, groups[1], strict=True))
    b = dict(zip(heading, groups[2], strict=True))
    assert (a["排名"], a["集团公司"], a["综合得分"]) == (1, "示例能源集团有限公司", 89.9)
    assert (b["排名"], b["集团公司"], b["综合得分"]) == (2, "示例装备集团有限公司", 49.5)
    assert (a["提交审核合计"], a["提交审核·科技动态"], a["提交审核·专家"]) == (4, 1, 1)
    assert (a["新发布合计"], a["新发布·重大科技成就"], b["新发布·新产品"]) == (3, 1, 0)
    assert (a["一次通过数"], a["首次审核决定数"], a["一次通过率（%）"]) == (2, 3, 66.7)
    assert (a["审核用时中位数（小时）"], b["审核用时中位数（小时）"]) == (24, 120)
    assert a["最近发布日期"].date().isoformat() == "2026-03-10"
    assert (a["距上次发布（天）"], b["距上次发布（天）"]) == (21, 11)
    assert (a["资源信息平均完整度（%）"], b["资源信息平均完整度（%）"]) == (67, 62)
    assert (a["对接意向"], b["对接意向"]) == (2, 1)
    assert (a["应回执通知"], a["按期回执"], a["按期回执率（%）"]) == (2, 2, 100)
    assert (b["应回执通知"], b["按期回执"], b["按期回执率（%）"]) == (1, 0, 0)

    enterprises = rows_of(book["所属企业"])
    assert enterprises[0][:4] == ["集团公司", "企业", "层级", "企业得分"]
    assert [row[:3] for row in enterprises[1:]] == [
        ["示例能源集团有限公司", "示例能源集团有限公司", "集团本级"],
        ["示例能源集团有限公司", "示例能源第一研究院有限公司", "所属企业"],
        ["示例装备集团有限公司", "示例装备集团有限公司", "集团本级"],
    ]
    sub = dict(zip(enterprises[0], enterprises[2], strict=True))
    assert (sub["提交审核合计"], sub["新发布合计"], sub["应回执通知"]) == (3, 3, 0)

    notes = rows_of(book["说明"])
    assert notes[0] == ["统计期", "2026年3月", None, None]
    assert ["提交审核", 20, 20, "本项数量 ÷ 本期最多的集团的数量"] in notes


def test_a_name_that_looks_like_a_formula_stays_text(reg, client):
    EnterpriseFactory(code="formula", name="=HYPERLINK(1)集团", short_name="=公式")
    book = workbook(
        login(client, reg.users["regulator_editor"]).get(REPORT, {**MARCH, "export": "xlsx"})
    )
    names = [row[1] for row in rows_of(book["集团公司"])[1:]]
    assert "'=HYPERLINK(1)集团" in names


# --- the weights ----------------------------------------------------------------------------


def test_the_regulator_edits_the_weights_and_zero_weights_are_refused(reg, client):
    weights = ParticipationWeights.load()
    url = reverse("wagtailsettings:edit", args=["regulator", "participationweights", weights.pk])
    login(client, reg.users["regulator_editor"])
    data = dict.fromkeys(ParticipationWeights.WEIGHT_FIELDS.values(), 0)
    data |= {"target_review_days": 3, "stale_after_days": 90}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "各项权重之和不能为 0" in text_of(response)
    weights.refresh_from_db()
    assert weights.submitted_weight == 20  # nothing lost

    response = client.post(url, data | {"published_weight": 50})
    assert response.status_code == 302
    weights.refresh_from_db()
    assert (weights.published_weight, weights.total) == (50, 50)

    login(client, reg.users["groupa_admin"])
    assert client.get(url).status_code in (302, 403)


def test_the_report_links_to_the_weights_for_those_who_may_change_them(reg, client):
    text = text_of(login(client, reg.users["regulator_reviewer"]).get(REPORT, MARCH))
    assert "调整权重" in text
    assert reverse("wagtailsettings:edit", args=["regulator", "participationweights"]) in text


# --- 一键生成通报 ------------------------------------------------------------------------------


def test_a_regulator_editor_drafts_the_monthly_briefing_in_one_click(reg, march, client):
    editor = reg.users["regulator_editor"]
    login(client, editor)
    assert "一键生成通报" in text_of(client.get(REPORT, MARCH))

    response = client.post(BRIEFING, MARCH)
    notice = NoticePage.objects.get(title=TITLE)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[notice.pk])
    assert "已生成通报草稿" in messages_of(response)[0]

    # A draft under 通知公告, owned by the regulator and by its author, never published.
    assert not notice.live and notice.first_published_at is None
    assert notice.get_parent().pk == reg.site.notices.pk
    assert notice.enterprise is None and notice.owner == editor
    assert notice.deadline is None
    assert notice.get_latest_revision().user == editor
    assert notice.get_workflow() is not None  # it goes through the regulator's review

    blocks = [block.block_type for block in notice.body]
    assert blocks[:3] == ["paragraph", "heading", "paragraph"]
    table = next(block.value for block in notice.body if block.block_type == "table")
    assert table["data"][0][:3] == ["排名", "集团公司", "综合得分"]
    assert [row[:3] for row in table["data"][1:]] == [
        ["1", "示例能源集团有限公司", "89.9"],
        ["2", "示例装备集团有限公司", "49.5"],
    ]
    assert table["data"][2][-1] == "0/1"  # B acknowledged none of its notices in time
    text = " ".join(str(block.value) for block in notice.body if block.block_type == "paragraph")
    assert "2 家集团公司中，2 家通过平台提交或发布了信息" in text
    assert "共提交审核 6 条，新发布 4 条" in text
    assert "5 条信息完成首次审核，其中 3 条一次通过，一次通过率 60%" in text
    assert "综合得分前五名：示例能源（89.9分）、示例装备（49.5分）。" in text
    assert "后五名" not in text  # two groups: nobody is left over
    assert "示例装备（1 份）" in text  # did not acknowledge notice X in time
    assert "2026年3月" in notice.summary


@pytest.mark.parametrize("far", ["0001-01", "9999-12"])
def test_a_briefing_for_a_far_out_period_is_refused_with_a_message(reg, march, client, far):
    login(client, reg.users["regulator_editor"])
    response = client.post(BRIEFING, {"start": f"{far}-01", "end": f"{far}-28"})
    assert response.status_code == 302
    assert response["Location"] == REPORT
    assert any("超出可统计的范围" in m for m in messages_of(response))
    assert not NoticePage.objects.filter(title__contains="通报").exists()


def test_a_second_click_for_the_same_month_links_to_the_existing_draft(reg, march, client):
    login(client, reg.users["regulator_editor"])
    client.post(BRIEFING, MARCH)
    response = client.post(BRIEFING, MARCH)
    assert response.status_code == 302
    assert response["Location"] == f"{REPORT}?month=2026-03"
    assert any("已经存在（草稿），没有重复生成" in m for m in messages_of(response))
    assert NoticePage.objects.filter(title=TITLE).count() == 1
    draft = NoticePage.objects.get(title=TITLE)
    text = text_of(client.get(REPORT, MARCH))
    assert "打开通报草稿" in text
    assert reverse("wagtailadmin_pages:edit", args=[draft.pk]) in text


def test_only_who_may_add_notices_gets_the_button(reg, march, client):
    # The regulator's reviewers read the report but add no pages under 通知公告.
    login(client, reg.users["regulator_reviewer"])
    assert "一键生成通报" not in text_of(client.get(REPORT, MARCH))
    assert client.post(BRIEFING, MARCH).status_code == 403
    assert not NoticePage.objects.filter(title=TITLE).exists()

    login(client, reg.users["platform_admin"])
    assert client.post(BRIEFING, MARCH).status_code == 302
    assert NoticePage.objects.get(title=TITLE).owner == reg.users["platform_admin"]


def test_a_bad_period_drafts_nothing(reg, client):
    login(client, reg.users["regulator_editor"])
    response = client.post(BRIEFING, {"month": "2026-3x"})
    assert response.status_code == 302
    assert "无法识别" in messages_of(response)[0]
    assert not NoticePage.objects.filter(title__contains="共建和使用情况通报").exists()
    assert client.get(BRIEFING).status_code == 405


# --- cost ---------------------------------------------------------------------------------


def _report_queries(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(REPORT, MARCH).status_code == 200
    return len(queries)


def test_the_report_costs_the_same_queries_however_many_groups(
    reg, march, client, django_assert_max_num_queries
):
    login(client, reg.users["regulator_editor"])
    _report_queries(client)  # warm the content-type and locale caches
    few = _report_queries(client)
    for n in range(6):
        group = EnterpriseFactory(code=f"extra-{n}", name=f"示例第{n}集团有限公司")
        subsidiary = EnterpriseFactory(code=f"extra-{n}-1", parent=group)
        listing = make_listing("product", subsidiary, title=f"示例新产品{n}")
        Enquiry.objects.create(
            listing=listing,
            listing_title=listing.title,
            enterprise=subsidiary,
            name="王工",
            organisation="示例单位",
            phone="010-12345678",
            email="wang@example.cn",
            message="希望了解合作方式和价格。",
        )
    many = _report_queries(client)
    assert many == few
    with django_assert_max_num_queries(40):
        client.get(REPORT, MARCH)
    with django_assert_max_num_queries(30):
        client.get(REPORT, {**MARCH, "export": "xlsx"})


# --- demo -----------------------------------------------------------------------------------


def test_the_demo_sets_default_weights_and_sends_enquiries_once(reg):
    make_listing("expert", reg.a1, title="示例专家")
    make_listing("product", reg.group_b, title="示例新产品")
    enterprises = {"group-a": reg.group_a, "group-b": reg.group_b}
    assert load_participation(enterprises=enterprises, users=reg.users) == {
        "participation weights": 1,
        "enquiries": 4,
    }
    assert ParticipationWeights.objects.get().total == 100
    assert load_participation(enterprises=enterprises, users=reg.users) == {
        "participation weights": 0,
        "enquiries": 0,
    }
    assert Enquiry.objects.count() == 4
