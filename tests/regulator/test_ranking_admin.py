"""The regulator reads the patent ranking in the admin, exports it and releases it.

Only accepted reports count; a submitted or returned report leaves its group
at the end with 未接收, a missing one with 未报送. Group companies never see
the ranking before release; only the regulator's reviewers release it.
"""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from regulator import ranking
from regulator.models.survey import RankingRelease, SurveyReportEvent
from tests.regulator import ranking_world
from tests.regulator.conftest import login
from tests.regulator.ranking_world import file_report, open_year

pytestmark = pytest.mark.django_db
ranked = ranking_world.ranked  # the fixture
D = Decimal


def rows_of(result, slug):
    found = next(r for r in result.rankings if r.metric.slug == slug)
    return [
        (row.rank, row.entry.code, row.value, row.reason.value if row.reason else None)
        for row in found.rows
    ]


# --- gathering from the models ------------------------------------------------------------


def test_only_accepted_reports_count_and_every_group_company_is_listed(ranked):
    result = ranking.compute(ranked.y2024)
    assert rows_of(result, "patents") == [
        (1, "group-a", D(1200), None),
        (1, "group-c", D(1200), None),
        (3, "group-b", D(800), None),
        (None, "group-d", None, "not_accepted"),  # submitted, 9999 patents: not counted
        (None, "group-e", None, "not_accepted"),  # returned to the group
        (None, "group-f", None, "no_report"),
    ]
    assert rows_of(result, "invention-patents")[:3] == [
        (1, "group-a", D(600), None),
        (1, "group-b", D(600), None),
        (3, "group-c", D(300), None),
    ]
    assert rows_of(result, "per-rd-staff")[:3] == [
        (1, "group-c", D("20.00"), None),
        (2, "group-a", D("15.00"), None),
        (None, "group-b", None, "no_rd_staff"),
    ]
    assert rows_of(result, "growth")[:3] == [
        (1, "group-a", D("20.0"), None),
        (None, "group-b", None, "zero_previous"),
        (None, "group-c", None, "no_previous"),
    ]
    # Subsidiaries file nothing and are not ranked.
    assert "a1" not in {entry.code for entry in result.entries}
    assert (len(result.accepted), result.group_count) == (3, 6)
    assert [(e.code, str(status)) for e, status in result.not_accepted] == [
        ("group-d", "已报送"),
        ("group-e", "已退回"),
        ("group-f", "未填报"),
    ]


def test_a_report_the_group_sent_back_itself_counts_as_not_reported(ranked):
    """Group E's own reviewer returned it after the regulator had: it is back with the group, never re-sent."""
    Action = SurveyReportEvent.Action
    returned = ranked.reports["e"]
    SurveyReportEvent.objects.create(report=returned, action=Action.RETURN, comment="请复核。")
    result = ranking.compute(ranked.y2024)
    assert rows_of(result, "patents")[4] == (None, "group-e", None, "not_accepted")

    SurveyReportEvent.objects.create(report=returned, action=Action.SUBMIT)
    SurveyReportEvent.objects.create(
        report=returned, action=Action.GROUP_RETURN, comment="再核对。"
    )
    result = ranking.compute(ranked.y2024)
    assert rows_of(result, "patents")[4:] == [
        (None, "group-e", None, "no_report"),
        (None, "group-f", None, "no_report"),
    ]


def test_last_years_report_counts_for_growth_only_once_accepted(ranked):
    ranked.y2023.reports.filter(enterprise=ranked.groups["a"]).update(status="returned")
    result = ranking.compute(ranked.y2024)
    assert rows_of(result, "growth")[0] == (None, "group-a", None, "no_previous")


def test_gathering_costs_the_same_few_queries_for_many_groups(
    ranked, django_assert_max_num_queries
):
    from tests.factories import EnterpriseFactory

    for n in range(20):
        group = EnterpriseFactory(code=f"group-x{n}", name=f"示例第{n}集团", sort_order=10 + n)
        file_report(ranked.y2024, group, patents=n, inventions=n, rd_staff=100)
    with django_assert_max_num_queries(3):
        entries = ranking.gather(ranked.y2024)
    assert len(entries) == 26


# --- who sees the report --------------------------------------------------------------------


@pytest.mark.parametrize("username", ["regulator_editor", "regulator_reviewer", "platform_admin"])
def test_the_regulator_reads_the_latest_year_with_accepted_reports(ranked, client, username):
    open_year(2025)  # opened, nothing accepted yet: the report starts at 2024
    login(client, ranked.users[username])
    response = client.get(reverse("regulator_patent_ranking"))
    assert response.status_code == 200
    html = response.content.decode()
    assert response.context["survey"].year == 2024
    for title in ("拥有有效专利数", "拥有有效发明专利数", "每百名 R&amp;D 人员", "有效专利增长率"):
        assert title in html
    assert "已接收 3 家集团公司的报表（共 6 家集团公司）" in html
    assert "示例建材集团有限公司（已报送）" in html
    assert "未发布" in html
    assert 'role="img"' in html
    # The year selector offers 2025 too.
    assert reverse("regulator_patent_ranking_year", args=[2025]) in html


@pytest.mark.parametrize(
    "username", ["groupa_admin", "groupa_reviewer", "groupa_editor", "groupb_admin", "a1_editor"]
)
def test_group_companies_never_see_the_ranking(ranked, client, username):
    login(client, ranked.users[username])
    for url in (
        reverse("regulator_patent_ranking"),
        reverse("regulator_patent_ranking_year", args=[2024]),
        reverse("regulator_patent_ranking_xlsx", args=[2024]),
        reverse("regulator_patent_ranking_release", args=[2024]),
    ):
        assert client.get(url).status_code == 403, url
    assert client.post(reverse("regulator_patent_ranking_release", args=[2024])).status_code == 403
    assert not RankingRelease.objects.exists()
    # …nor in their menu.
    assert (
        reverse("regulator_patent_ranking")
        not in client.get(reverse("wagtailadmin_home")).content.decode()
    )


def test_anonymous_is_sent_to_log_in(ranked, client):
    response = client.get(reverse("regulator_patent_ranking"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_menu_shows_the_report_to_the_regulator(ranked, client):
    login(client, ranked.users["regulator_editor"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("regulator_patent_ranking") in html


def test_an_unknown_year_is_not_found(ranked, client):
    login(client, ranked.users["regulator_editor"])
    assert client.get(reverse("regulator_patent_ranking_year", args=[1999])).status_code == 404
    assert client.get(reverse("regulator_patent_ranking_xlsx", args=[1999])).status_code == 404
    for view in ("regulator_patent_ranking_year", "regulator_patent_ranking_xlsx"):
        assert client.get(reverse(view, args=[99999999999])).status_code == 404


def test_with_no_survey_yet_the_page_says_so(reg, client):
    login(client, reg.users["regulator_editor"])
    response = client.get(reverse("regulator_patent_ranking"))
    assert response.status_code == 200
    assert "尚未开展科技情况调查" in response.content.decode()


def test_the_report_costs_the_same_queries_for_many_groups(
    ranked, client, django_assert_max_num_queries
):
    from tests.factories import EnterpriseFactory

    login(client, ranked.users["regulator_reviewer"])
    url = reverse("regulator_patent_ranking_year", args=[2024])
    client.get(url)
    for n in range(15):
        group = EnterpriseFactory(code=f"group-x{n}", name=f"示例第{n}集团", sort_order=10 + n)
        file_report(ranked.y2024, group, patents=n, inventions=n, rd_staff=100)
    with django_assert_max_num_queries(24):
        assert client.get(url).status_code == 200


# --- XLSX -------------------------------------------------------------------------------------


def test_the_export_has_one_sheet_per_ranking_with_the_rows_on_the_page(ranked, client):
    login(client, ranked.users["regulator_editor"])
    response = client.get(reverse("regulator_patent_ranking_xlsx", args=[2024]))
    assert response.status_code == 200
    assert "ceti-patent-ranking-2024-" in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["有效专利", "有效发明专利", "每百名 R&D 人员", "增长率"]
    rows = list(book["有效专利"].iter_rows(values_only=True))
    assert rows[0] == ("名次", "集团公司", "拥有有效专利数（件）", "说明")
    assert rows[1:] == [
        (1, "示例能源集团有限公司", 1200, "并列"),
        (1, "示例化工集团有限公司", 1200, "并列"),
        (3, "示例装备集团有限公司", 800, None),
        (None, "示例建材集团有限公司", None, "未接收"),
        (None, "示例交通集团有限公司", None, "未接收"),
        (None, "示例材料集团有限公司", None, "未报送"),
    ]
    per = list(book["每百名 R&D 人员"].iter_rows(values_only=True))
    assert per[1] == (1, "示例化工集团有限公司", 20, None)
    assert per[3] == (None, "示例装备集团有限公司", None, "R&D 人员为 0 或缺失")
    growth = list(book["增长率"].iter_rows(values_only=True))
    assert growth[1] == (1, "示例能源集团有限公司", 20, None)
    assert growth[2][3] == "上年为 0，无法计算"


def test_an_enterprise_name_never_becomes_a_formula(ranked, client):
    ranked.groups["f"].name = '=HYPERLINK("http://example.invalid")'
    ranked.groups["f"].save()
    login(client, ranked.users["regulator_editor"])
    response = client.get(reverse("regulator_patent_ranking_xlsx", args=[2024]))
    sheet = load_workbook(io.BytesIO(response.content))["有效专利"]
    cell = sheet.cell(7, 2)
    assert cell.value.startswith("=") and cell.data_type == "s"


# --- release and withdrawal ---------------------------------------------------------------


def test_a_regulator_editor_reads_but_cannot_release(ranked, client):
    login(client, ranked.users["regulator_editor"])
    html = client.get(reverse("regulator_patent_ranking_year", args=[2024])).content.decode()
    assert reverse("regulator_patent_ranking_release", args=[2024]) not in html
    assert "发布和撤回由监管机构审核员操作" in html
    url = reverse("regulator_patent_ranking_release", args=[2024])
    assert client.get(url).status_code == 403
    assert client.post(url, {"note": "x"}).status_code == 403
    assert not RankingRelease.objects.exists()


def test_a_regulator_reviewer_confirms_and_releases_with_a_note(ranked, client):
    reviewer = ranked.users["regulator_reviewer"]
    login(client, reviewer)
    url = reverse("regulator_patent_ranking_release", args=[2024])
    page = client.get(reverse("regulator_patent_ranking_year", args=[2024])).content.decode()
    assert url in page
    confirm = client.get(url)
    assert confirm.status_code == 200
    assert "确认发布" in confirm.content.decode()
    assert not RankingRelease.objects.exists()  # looking is not releasing

    response = client.post(url, {"note": "依据 2024 年度已接收报表。"}, follow=True)
    assert "已发布 2024 年度专利拥有情况排序" in response.content.decode()
    release = RankingRelease.objects.get(survey=ranked.y2024)
    assert (release.released_by, release.note, release.withdrawn_at) == (
        reviewer,
        "依据 2024 年度已接收报表。",
        None,
    )
    patents = release.snapshot["rankings"][0]
    assert patents["slug"] == "patents"
    assert patents["rows"][0] == {
        "rank": 1,
        "code": "group-a",
        "name": "示例能源集团有限公司",
        "name_en": "Example Energy Group",
        "short_name": "示例能源",
        "short_name_en": "Example Energy",
        "value": "1200",
        "reason": None,
    }
    assert patents["rows"][-1]["reason"] == "no_report" and patents["rows"][-1]["value"] is None
    assert [r["slug"] for r in release.snapshot["rankings"]] == [
        "patents",
        "invention-patents",
        "per-rd-staff",
        "growth",
    ]
    assert (release.snapshot["accepted_count"], release.snapshot["group_count"]) == (3, 6)
    html = response.content.decode()
    assert "已发布" in html and "查看公开页面" in html


def test_a_changed_report_after_release_is_flagged_and_re_release_updates_the_same_row(
    ranked, client
):
    reviewer = ranked.users["regulator_reviewer"]
    first = ranking.release(survey=ranked.y2024, user=reviewer, note="第一次")
    login(client, reviewer)
    page = reverse("regulator_patent_ranking_year", args=[2024])
    assert "发布后报表数据有变化" not in client.get(page).content.decode()

    ranked.reports["d"].status = "accepted"
    ranked.reports["d"].save()
    assert "发布后报表数据有变化" in client.get(page).content.decode()
    client.post(reverse("regulator_patent_ranking_release", args=[2024]), {"note": "更正"})
    again = RankingRelease.objects.get()
    assert again.pk == first.pk and again.note == "更正"
    assert again.snapshot["rankings"][0]["rows"][0]["code"] == "group-d"


def test_a_release_note_with_a_nul_character_is_refused_and_nothing_is_released(ranked, client):
    login(client, ranked.users["regulator_reviewer"])
    response = client.post(
        reverse("regulator_patent_ranking_release", args=[2024]),
        {"note": "依据\x00已接收报表"},
        follow=True,
    )
    assert response.status_code == 200
    assert "发布说明含有无法保存的控制字符，请删除后重新填写。" in response.content.decode()
    assert not RankingRelease.objects.exists()


def test_a_year_with_nothing_accepted_cannot_be_released(ranked, client):
    open_year(2025)
    login(client, ranked.users["regulator_reviewer"])
    response = client.post(reverse("regulator_patent_ranking_release", args=[2025]), follow=True)
    assert "尚无已接收的报表" in response.content.decode()
    assert not RankingRelease.objects.exists()


def test_a_reviewer_withdraws_after_confirming_and_the_status_says_so(ranked, client):
    reviewer = ranked.users["regulator_reviewer"]
    ranking.release(survey=ranked.y2024, user=reviewer)
    login(client, reviewer)
    url = reverse("regulator_patent_ranking_withdraw", args=[2024])
    assert "确认撤回" in client.get(url).content.decode()
    assert RankingRelease.objects.get().withdrawn_at is None
    response = client.post(url, follow=True)
    assert RankingRelease.objects.get().withdrawn_at is not None
    assert "已撤回" in response.content.decode()
    # Withdrawing twice says there is nothing to withdraw.
    again = client.post(url, follow=True)
    assert "无需撤回" in again.content.decode()


def test_an_editor_cannot_withdraw(ranked, client):
    ranking.release(survey=ranked.y2024, user=ranked.users["regulator_reviewer"])
    login(client, ranked.users["regulator_editor"])
    assert client.post(reverse("regulator_patent_ranking_withdraw", args=[2024])).status_code == 403
    assert RankingRelease.objects.get().withdrawn_at is None


# --- the demo -------------------------------------------------------------------------------


def test_the_demo_releases_2024_once_and_waits_for_accepted_reports(reg):
    from pages.demo.ranking import load_ranking

    assert load_ranking(enterprises={}, users=reg.users) == {"patent rankings released": 0}
    y2024 = open_year(2024)
    file_report(y2024, reg.group_a, status="submitted", patents=10, inventions=5, rd_staff=50)
    assert load_ranking(enterprises={}, users=reg.users) == {"patent rankings released": 0}
    assert not RankingRelease.objects.exists()

    file_report(y2024, reg.group_b, patents=20, inventions=8, rd_staff=80)
    assert load_ranking(enterprises={}, users=reg.users) == {"patent rankings released": 1}
    release = RankingRelease.objects.get()
    assert release.released_by == reg.users["regulator_reviewer"] and release.is_public
    # A second run changes nothing, even after a withdrawal by hand.
    ranking.withdraw(survey=y2024, user=reg.users["regulator_reviewer"])
    assert load_ranking(enterprises={}, users=reg.users) == {"patent rankings released": 0}
    assert not RankingRelease.objects.get().is_public
