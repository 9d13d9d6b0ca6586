"""A reader finds the released patent ranking under 通知公告, in Chinese and in English.

Nothing is public before the regulator releases a year, or after it withdraws
it; what is public is what was released, even if a report is reopened and
changed afterwards.
"""

import pytest
from django.test import Client

from regulator import ranking
from tests.regulator import ranking_world
from tests.regulator.conftest import login
from tests.regulator.ranking_world import set_value

pytestmark = pytest.mark.django_db
ranked = ranking_world.ranked  # the fixture

ZH = "/notices/patent-ranking/"
EN = "/en/notices/patent-ranking/"


def release(ranked, note="依据已接收的年度报表编制。"):
    return ranking.release(survey=ranked.y2024, user=ranked.users["regulator_reviewer"], note=note)


def readers(ranked):
    """An anonymous reader and a group company's administrator."""
    anonymous = Client()
    group_user = login(Client(), ranked.users["groupa_admin"])
    return {"anonymous": anonymous, "groupa_admin": group_user}


def test_nothing_is_public_before_release(ranked):
    for name, client in readers(ranked).items():
        for url in (ZH, ZH + "2024/", EN + "2024/", ZH + "2023/", ZH + "1999/"):
            assert client.get(url).status_code == 404, (name, url)
        notices = client.get("/notices/").content.decode()
        assert "patent-ranking" not in notices, name


def test_a_released_year_is_public_in_both_languages(ranked):
    release(ranked)
    for name, client in readers(ranked).items():
        zh = client.get(ZH + "2024/")
        assert zh.status_code == 200, name
        html = zh.content.decode()
        assert "2024 年度专利拥有情况排序" in html
        for title in (
            "拥有有效专利数",
            "拥有有效发明专利数",
            "每百名 R&amp;D 人员拥有有效发明专利数",
            "有效专利增长率",
        ):
            assert title in html
        assert "示例能源集团有限公司" in html and "1,200" in html
        assert "依据已接收的年度报表编制。" in html
        assert "依据监管机构已接收的 3 家集团公司年度科技情况调查报表（共 6 家集团公司）" in html
        assert "未接收" in html and "未报送" in html and "并列" in html
        assert 'role="img"' in html
        # The internal status of a report stays internal.
        assert "已退回" not in html and "已报送" not in html
        # Breadcrumbs: 首页 › 通知公告 › 专利拥有情况排序 › 2024 年度
        assert '<span aria-current="page">2024 年度</span>' in html
        assert f'href="{ZH}"' in html

        en = client.get(EN + "2024/")
        assert en.status_code == 200, name
        html = en.content.decode()
        assert '<html lang="en"' in html
        # English names where the enterprise has one; the Chinese name, marked as such, otherwise.
        assert "Example Energy Group" in html
        assert '<th scope="row" lang="zh-Hans">示例装备集团有限公司</th>' in html


def test_the_notices_section_links_to_the_released_rankings(ranked):
    release(ranked)
    html = Client().get("/notices/").content.decode()
    assert f'href="{ZH}"' in html
    index = Client().get(ZH)
    assert index.status_code == 200
    assert f'href="{ZH}2024/"' in index.content.decode()
    assert Client().get(EN).status_code == 200


def test_a_withdrawn_year_is_gone(ranked):
    release(ranked)
    ranking.withdraw(survey=ranked.y2024, user=ranked.users["regulator_reviewer"])
    for name, client in readers(ranked).items():
        for url in (ZH, ZH + "2024/", EN + "2024/"):
            assert client.get(url).status_code == 404, (name, url)
        assert "patent-ranking" not in client.get("/notices/").content.decode()


def test_an_unreleased_year_stays_hidden_beside_a_released_one(ranked):
    release(ranked)
    # 2023 has accepted reports but was never released.
    for client in readers(ranked).values():
        assert client.get(ZH + "2023/").status_code == 404
        assert f"{ZH}2023/" not in client.get(ZH).content.decode()


def test_the_public_page_shows_what_was_released_even_after_a_report_changes(ranked):
    release(ranked)
    # The regulator reopens 示例能源's report and the group corrects it.
    report = ranked.reports["a"]
    report.status = "draft"
    report.save()
    set_value(report, "patents", 1)
    report.status = "accepted"
    report.save()
    assert ranking.compute(ranked.y2024).rankings[0].rows[0].entry.code == "group-c"

    html = Client().get(ZH + "2024/").content.decode()
    first_row = html.split("<tbody>")[1].split("</tr>")[0]
    assert "示例能源集团有限公司" in first_row and "1,200" in first_row


def test_the_sitemap_lists_the_released_pages_only(ranked):
    release(ranked)
    xml = Client().get("/sitemap.xml").content.decode()
    assert "/notices/patent-ranking/2024/" in xml
    assert "/en/notices/patent-ranking/2024/" in xml
    assert "/notices/patent-ranking/2023/" not in xml
    ranking.withdraw(survey=ranked.y2024, user=ranked.users["regulator_reviewer"])
    assert "patent-ranking" not in Client().get("/sitemap.xml").content.decode()


@pytest.mark.parametrize("url", [ZH + "2024/", EN + "2024/", ZH])
def test_the_public_pages_cost_a_few_queries(ranked, url, django_assert_max_num_queries):
    release(ranked)
    client = Client()
    client.get(url)
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200


def test_a_silly_year_in_the_address_is_not_found_not_an_error(ranked):
    release(ranked)
    for url in (ZH + "99999999999/", ZH + "0/", EN + "2024x/", ZH + "-1/"):
        assert Client().get(url).status_code == 404, url
