"""The home page: the newest items of every section under the section titles."""

from tests.factories import (
    AchievementPageFactory,
    ExperiencePageFactory,
    NewsPageFactory,
    NoticePageFactory,
    TrendPageFactory,
    days_ago,
)
from tests.utils import page_ok, text_of


def test_reader_sees_every_section_title_on_the_home_page(site, client):
    text = text_of(page_ok(client, "/"))

    for title in (
        "科技动态",
        "重大科技成就",
        "管理经验",
        "国内外技术动态",
        "通知公告",
        "企业子平台",
    ):
        assert title in text, f"the home page does not name the section {title}"


def test_reader_sees_the_latest_item_of_each_section_on_the_home_page(tree, client):
    site = tree.site
    latest = [
        NewsPageFactory(parent=tree.a1, title="示例能源建成氢能示范站"),
        AchievementPageFactory(parent=tree.group_a, title="特高压输电装备实现自主可控"),
        ExperiencePageFactory(parent=tree.group_b, title="示例装备推行项目经理负责制"),
        TrendPageFactory(parent=site.trends, title="国外固态电池产业化提速"),
        NoticePageFactory(parent=site.notices, title="关于开展2025年度科技情况调查的通知"),
    ]

    text = text_of(page_ok(client, "/"))

    for item in latest:
        assert item.title in text, f"the home page does not show {item.title!r}"


def test_home_page_shows_only_the_five_newest_news_items(tree, client):
    oldest = NewsPageFactory(parent=tree.a1, title="最早的一条科技动态", published_at=days_ago(30))
    newer = [
        NewsPageFactory(parent=tree.a1, title=f"较新的科技动态第{n}条", published_at=days_ago(n))
        for n in range(1, 6)
    ]

    text = text_of(page_ok(client, "/"))

    for item in newer:
        assert item.title in text
    assert oldest.title not in text, "the sixth-newest news item should be left to the listing"


def test_home_page_ignores_drafts(tree, client):
    NewsPageFactory(parent=tree.a1, title="尚未发布的草稿", live=False)

    assert "尚未发布的草稿" not in text_of(page_ok(client, "/"))


def test_home_page_counts_the_resource_library_and_lists_the_latest_offers(tree, client):
    """资源共享 / 供求信息 in figures: public listings per type, the newest supply and demand."""
    import datetime

    from tests.factories import make_listing

    a1 = tree.a1.enterprise
    make_listing("instrument", a1, title="场发射扫描电镜")
    make_listing("instrument", a1, title="冲击电压发生器")
    make_listing("instrument", a1, title="仪器草稿", live=False)
    make_listing("job", a1, title="氢能储运研发工程师")
    make_listing(
        "job",
        a1,
        title="已截止的岗位",
        valid_until=datetime.date.today() - datetime.timedelta(days=2),
    )

    html = page_ok(client, "/").content.decode()
    text = text_of(page_ok(client, "/"))

    assert "资源共享" in text and "供求信息" in text
    assert 'href="/resources/instruments/"><span class="home-directory__count">2</span>' in html
    assert 'href="/supply-demand/jobs/"><span class="home-directory__count">1</span>' in html
    assert "氢能储运研发工程师" in text
    assert "已截止的岗位" not in text and "仪器草稿" not in text
