"""The five section listings (科技动态 … 通知公告): what a reader finds there.

Each aggregates one stream across every enterprise, newest first, twelve to a
page, and never shows drafts or pages behind a view restriction.
"""

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import (
    AchievementPageFactory,
    ExperiencePageFactory,
    NewsPageFactory,
    NoticePageFactory,
    TrendPageFactory,
    days_ago,
)
from tests.utils import page_ok, text_of

SECTIONS = [
    ("/news/", "科技动态"),
    ("/achievements/", "重大科技成就"),
    ("/experience/", "管理经验"),
    ("/trends/", "国内外技术动态"),
    ("/notices/", "通知公告"),
]


def _item_of(stream, tree, **kwargs):
    """One published item of ``stream``, placed where editors put it."""
    site = tree.site
    factory, parent = {
        "/news/": (NewsPageFactory, tree.a1),
        "/achievements/": (AchievementPageFactory, tree.group_a),
        "/experience/": (ExperiencePageFactory, tree.group_b),
        "/trends/": (TrendPageFactory, site.trends),
        "/notices/": (NoticePageFactory, site.notices),
    }[stream]
    return factory(parent=parent, **kwargs)


@pytest.mark.parametrize(("url", "section_title"), SECTIONS)
def test_reader_opens_a_section_and_sees_its_title_and_items(tree, client, url, section_title):
    item = _item_of(url, tree, title="栏目中的一条示例内容", summary="这是列表中显示的摘要。")

    text = text_of(page_ok(client, url))

    assert section_title in text
    assert item.title in text
    if url != "/notices/":  # notices are listed as document rows: title, 文号, date
        assert item.summary in text


@pytest.mark.parametrize(("url", "section_title"), SECTIONS)
def test_empty_section_says_there_is_nothing_yet(site, client, url, section_title):
    text = text_of(page_ok(client, url))

    assert section_title in text
    assert "暂无内容" in text


def test_news_section_does_not_mix_in_other_streams(tree, client):
    NewsPageFactory(parent=tree.a1, title="一条科技动态")
    AchievementPageFactory(parent=tree.a1, title="一项重大成就")

    text = text_of(page_ok(client, "/news/"))

    assert "一条科技动态" in text
    assert "一项重大成就" not in text


def test_news_section_lists_newest_first(tree, client):
    NewsPageFactory(parent=tree.a1, title="上个月的动态", published_at=days_ago(30))
    NewsPageFactory(parent=tree.group_b, title="昨天的动态", published_at=days_ago(1))
    NewsPageFactory(parent=tree.group_a, title="上周的动态", published_at=days_ago(7))

    text = text_of(page_ok(client, "/news/"))

    assert text.index("昨天的动态") < text.index("上周的动态") < text.index("上个月的动态")


def test_notice_listing_shows_document_number(tree, client):
    NoticePageFactory(
        parent=tree.site.notices,
        title="关于报送科技统计数据的通知",
        doc_number="国资厅规划〔2009〕65号",
    )

    text = text_of(page_ok(client, "/notices/"))

    assert "国资厅规划〔2009〕65号" in text


def test_drafts_are_never_listed(tree, client):
    NewsPageFactory(parent=tree.a1, title="已发布的动态")
    NewsPageFactory(parent=tree.a1, title="编辑尚未发布的草稿", live=False)

    text = text_of(page_ok(client, "/news/"))

    assert "已发布的动态" in text
    assert "编辑尚未发布的草稿" not in text


def test_unpublished_item_disappears_from_the_listing(tree, client):
    item = NewsPageFactory(parent=tree.a1, title="后来撤下的动态")
    item.unpublish()

    assert "后来撤下的动态" not in text_of(page_ok(client, "/news/"))


def test_private_items_are_never_listed(tree, client):
    private = NewsPageFactory(parent=tree.a1, title="仅限登录用户查看的动态")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    assert "仅限登录用户查看的动态" not in text_of(page_ok(client, "/news/"))


def test_items_under_a_private_sub_platform_are_never_listed(tree, client):
    NewsPageFactory(parent=tree.a1, title="内部子平台的动态")
    PageViewRestriction.objects.create(
        page=tree.a1, restriction_type=PageViewRestriction.PASSWORD, password="x-secret-2026"
    )

    assert "内部子平台的动态" not in text_of(page_ok(client, "/news/"))
