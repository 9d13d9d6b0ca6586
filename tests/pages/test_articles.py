"""Reading one item of each stream, and who owns it.

The owning enterprise of an item follows from the sub-platform it sits under
(DESIGN.md §7): review and permissions ask ``owning_enterprise`` and must never
get an answer that disagrees with the page tree.
"""

import datetime

from wagtail.actions.move_page import MovePageAction
from wagtail.rich_text import RichText

from pages.models import ExperiencePage, NewsPage
from tests.factories import (
    AchievementPageFactory,
    DocumentFactory,
    ExperiencePageFactory,
    NewsPageFactory,
    NoticePageFactory,
    TechFieldFactory,
    TrendPageFactory,
)
from tests.utils import page_ok, text_of


def test_reader_reads_a_news_item(tree, client):
    field = TechFieldFactory(slug="energy", name="能源")
    item = NewsPageFactory(
        parent=tree.a1,
        title="示例能源第一研究院建成兆瓦级制氢装置",
        summary="装置连续稳定运行 1000 小时。",
        body=[
            ("paragraph", RichText("<p>项目团队攻克了电解槽关键材料难题。</p>")),
            ("heading", {"text": "下一步工作", "level": "h2"}),
        ],
        tags=["氢能"],
        tech_fields=[field],
    )

    text = text_of(page_ok(client, item.url))

    assert item.title in text
    assert "装置连续稳定运行 1000 小时。" in text
    assert "项目团队攻克了电解槽关键材料难题。" in text
    assert "下一步工作" in text
    assert "能源第一研究院" in text or "能源一院" in text, "the source enterprise is named"
    assert "氢能" in text and "能源" in text, "tags and technical fields are shown"
    assert "科技动态" in text, "the page links back to its section"


def test_achievement_page_shows_the_award(tree, client):
    item = AchievementPageFactory(
        parent=tree.group_a,
        title="超临界二氧化碳发电机组投运",
        award="国家技术发明奖二等奖",
        project="国家重点研发计划“可再生能源”重点专项",
    )

    text = text_of(page_ok(client, item.url))

    assert item.title in text
    assert "国家技术发明奖二等奖" in text
    assert "国家级" in text, "the award level is shown"
    assert "国家重点研发计划“可再生能源”重点专项" in text


def test_experience_page_shows_the_management_area(tree, client):
    item = ExperiencePageFactory(parent=tree.group_b, title="以“揭榜挂帅”激发科研活力")

    text = text_of(page_ok(client, item.url))

    assert item.title in text
    assert "成果转化" in text


def test_trend_page_shows_its_source(site, client):
    item = TrendPageFactory(
        parent=site.trends,
        title="欧洲启动新一轮氢能计划",
        source="《示例能源观察》2025年第3期",
        source_url="https://example.org/report",
    )

    text = text_of(page_ok(client, item.url))

    assert item.title in text
    assert "《示例能源观察》2025年第3期" in text
    assert "https://example.org/report" in text
    assert "国外" in text, "the region is shown"


def test_notice_page_shows_the_document_facts_and_its_attachment(site, client):
    document = DocumentFactory(title="附件1：科技情况调查表")
    notice = NoticePageFactory(
        parent=site.notices,
        title="关于开展中央企业科技情况调查的通知",
        doc_number="国资厅规划〔2009〕65号",
        issuing_office="国务院国资委办公厅",
        issued_on=datetime.date(2009, 4, 28),
        deadline=datetime.date(2009, 6, 30),
        attachments=[document],
    )

    text = text_of(page_ok(client, notice.url))

    assert notice.title in text
    assert "国资厅规划〔2009〕65号" in text
    assert "国务院国资委办公厅" in text
    assert "2009-04-28" in text
    assert "2009-06-30" in text
    assert "附件1：科技情况调查表" in text
    assert document.url in text, "the attachment links to its download"


def test_notice_attachment_link_downloads_the_file(site, client):
    document = DocumentFactory(title="附件：填报说明")
    notice = NoticePageFactory(parent=site.notices, attachments=[document])
    page_ok(client, notice.url)
    assert document.url.startswith("/documents/")

    response = client.get(document.url)

    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert body.startswith(b"%PDF"), "the download is the attached file"


def test_article_page_links_to_the_previous_and_next_item(tree, client):
    older = NewsPageFactory(
        parent=tree.a1,
        title="较早的一条动态",
        published_at=datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC),
    )
    middle = NewsPageFactory(
        parent=tree.a1,
        title="居中的一条动态",
        published_at=datetime.datetime(2025, 2, 1, tzinfo=datetime.UTC),
    )
    newer = NewsPageFactory(
        parent=tree.a1,
        title="较新的一条动态",
        published_at=datetime.datetime(2025, 3, 1, tzinfo=datetime.UTC),
    )

    text = text_of(page_ok(client, middle.url))

    assert older.title in text and older.url in text
    assert newer.title in text and newer.url in text


def test_a_draft_is_not_served_to_readers(tree, client):
    draft = NewsPageFactory(parent=tree.a1, title="草稿", slug="draft-news", live=False)

    response = client.get(draft.url or "/enterprises/group-a/a1/draft-news/")

    assert response.status_code == 404


# --- Who owns an item -------------------------------------------------------


def test_item_belongs_to_the_enterprise_whose_sub_platform_holds_it(tree):
    group_item = NewsPageFactory(parent=tree.group_a)
    subsidiary_item = AchievementPageFactory(parent=tree.a1)

    assert group_item.owning_enterprise == tree.group_a.enterprise
    assert subsidiary_item.owning_enterprise == tree.a1.enterprise


def test_a_draft_belongs_to_its_enterprise_before_it_is_published(tree):
    """Drafts are what group reviewers review: they must know their owner."""
    draft = NewsPageFactory(parent=tree.a1, live=False)

    draft = NewsPage.objects.get(pk=draft.pk)
    assert draft.owning_enterprise == tree.a1.enterprise


def test_item_owner_cannot_be_claimed_for_another_enterprise(tree):
    item = NewsPageFactory(parent=tree.a1, enterprise=tree.group_b.enterprise)

    assert item.owning_enterprise == tree.a1.enterprise

    item.enterprise = tree.group_b.enterprise
    item.save()
    item.refresh_from_db()
    assert item.owning_enterprise == tree.a1.enterprise


def test_item_moved_to_another_sub_platform_belongs_to_its_new_enterprise(tree):
    """An administrator moves an item from A1 to 集团 B (the admin's move action)."""
    item = ExperiencePageFactory(parent=tree.a1)

    MovePageAction(item, tree.group_b, pos="last-child").execute(skip_permission_checks=True)

    item = ExperiencePage.objects.get(pk=item.pk)
    assert item.owning_enterprise == tree.group_b.enterprise, (
        "after a move the item still answers to its old enterprise"
    )


def test_regulator_content_has_no_owning_enterprise(tree):
    trend = TrendPageFactory(parent=tree.site.trends, enterprise=tree.group_a.enterprise)
    notice = NoticePageFactory(parent=tree.site.notices, enterprise=tree.group_a.enterprise)

    assert trend.owning_enterprise is None
    assert notice.owning_enterprise is None


def test_enterprise_sub_platform_is_owned_by_its_enterprise(tree):
    assert tree.a1.owning_enterprise == tree.a1.enterprise


def test_article_offers_share_links_and_a_qr_code_of_its_address(tree, client):
    """A reader mails or posts the article, or scans the code to read it on a phone."""
    from urllib.parse import quote

    item = NewsPageFactory(parent=tree.a1, title="示例能源氢能示范站投运 <b>&</b>")
    html = page_ok(client, item.url).content.decode()

    address = f"http://testserver{item.url}"
    assert f"mailto:?subject={quote(item.title, safe='')}" in html
    assert f"url={quote(address, safe='')}" in html
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html and 'aria-label="本页二维码"' in html
    assert "<b>&</b>" not in html, "the title is escaped in every link"
