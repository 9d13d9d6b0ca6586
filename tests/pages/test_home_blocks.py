"""The home page as its editors arrange it: 头条, 要闻, sections, notices, resource figures, links.

An empty arrangement keeps the layout every home page had before (tests/pages/test_home.py).
"""

import itertools

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pages.blocks import HighlightsBlock, HomeBodyBlock, LinkBlock
from pages.translation import translate_page
from tests.factories import (
    AchievementPageFactory,
    ExperiencePageFactory,
    ImageFactory,
    NewsPageFactory,
    NoticePageFactory,
    TrendPageFactory,
    days_ago,
)
from tests.utils import page_ok, text_of


def arrange(home, *blocks):
    """The home page's editors save ``blocks`` ([(type, value)…]) as its body."""
    home.body = [{"type": kind, "value": value} for kind, value in blocks]
    home.save()
    return home


def home_html(client, url="/"):
    return text_of(page_ok(client, url))


def main_of(html):
    return html.split('<main id="main"', 1)[1].split("</main>", 1)[0]


def test_blocks_appear_in_the_order_the_editors_chose(tree, client):
    site = tree.site
    TrendPageFactory(parent=site.trends, title="国外固态电池产业化提速")
    NoticePageFactory(parent=site.notices, title="关于开展年度科技情况调查的通知")
    NewsPageFactory(parent=tree.a1, title="一院建成氢能示范站")
    arrange(
        site.home,
        ("section", {"section": "trends", "count": 3, "width": "full"}),
        ("notices", {"count": 2}),
    )

    main = main_of(home_html(client))

    assert main.index("国外固态电池产业化提速") < main.index("关于开展年度科技情况调查的通知")
    assert "一院建成氢能示范站" not in main, "科技动态 was left off the arrangement"
    assert "home-directory" not in main, "nor the resource figures"


def test_the_chosen_headline_sits_in_the_banner(tree, client):
    chosen = NewsPageFactory(parent=tree.a1, title="编辑选定的头条", cover_image=ImageFactory())
    AchievementPageFactory(parent=tree.a1, title="最新的重大成就")
    arrange(tree.site.home, ("featured", {"page": chosen.pk}), ("notices", {"count": 3}))

    html = home_html(client)
    hero = html.split('class="hero"', 1)[1].split("</section>", 1)[0]

    assert "编辑选定的头条" in hero
    assert "最新的重大成就" not in html


def test_without_a_choice_the_headline_is_the_latest_achievement(tree, client):
    AchievementPageFactory(parent=tree.a1, title="较早的成就", published_at=days_ago(9))
    AchievementPageFactory(parent=tree.a1, title="最新的重大成就", published_at=days_ago(1))
    arrange(tree.site.home, ("featured", {"page": None}))

    hero = home_html(client).split('class="hero"', 1)[1].split("</section>", 1)[0]

    assert "最新的重大成就" in hero and "较早的成就" not in hero


def test_an_unpublished_headline_is_never_shown(tree, client):
    draft = NewsPageFactory(parent=tree.a1, title="尚未发布的头条", live=False)
    AchievementPageFactory(parent=tree.a1, title="最新的重大成就")
    arrange(tree.site.home, ("featured", {"page": draft.pk}))

    html = home_html(client)

    assert "尚未发布的头条" not in html
    assert "最新的重大成就" in html


def test_headline_placed_lower_down_shows_as_a_wide_card(tree, client):
    chosen = AchievementPageFactory(parent=tree.a1, title="特高压输电装备实现自主可控")
    arrange(tree.site.home, ("notices", {"count": 1}), ("featured", {"page": chosen.pk}))

    html = home_html(client)

    assert "featured--wide" in html
    assert "特高压输电装备实现自主可控" in main_of(html).split('class="hero"')[-1]


def test_highlights_show_the_chosen_items_in_the_chosen_order(tree, client):
    first = ExperiencePageFactory(parent=tree.group_b, title="要闻之一：项目经理负责制")
    second = NewsPageFactory(parent=tree.a1, title="要闻之二：氢能示范站投运")
    arrange(
        tree.site.home,
        ("highlights", {"title": "本周要闻", "pages": [second.pk, first.pk], "count": 4}),
    )

    main = main_of(home_html(client))

    assert "本周要闻" in main
    assert main.index("要闻之二") < main.index("要闻之一"), "the editors' order"
    # A grid: no script, nothing rotates by itself.
    assert "<script" not in main


def test_highlights_can_take_the_latest_of_a_section(tree, client):
    for n in range(1, 5):
        NewsPageFactory(parent=tree.a1, title=f"科技动态第{n}条", published_at=days_ago(n))
    arrange(
        tree.site.home, ("highlights", {"title": "", "pages": [], "section": "news", "count": 3})
    )

    main = main_of(home_html(client))

    assert "要闻" in main, "an empty title reads 要闻"
    assert "科技动态第1条" in main and "科技动态第3条" in main
    assert "科技动态第4条" not in main


def test_a_section_block_shows_as_many_items_as_the_editors_asked(tree, client):
    for n in range(1, 5):
        NewsPageFactory(parent=tree.a1, title=f"科技动态第{n}条", published_at=days_ago(n))
    arrange(tree.site.home, ("section", {"section": "news", "count": 2, "width": "wide"}))

    main = main_of(home_html(client))

    assert "科技动态第1条" in main and "科技动态第2条" in main
    assert "科技动态第3条" not in main
    assert "home-block--wide" in main


def test_the_same_section_twice_keeps_headings_distinct(tree, client):
    arrange(
        tree.site.home,
        ("section", {"section": "news", "count": 1, "width": "half"}),
        ("section", {"section": "news", "count": 3, "width": "half"}),
    )

    html = home_html(client)

    assert 'id="home-news"' in html and 'id="home-news-2"' in html


def test_resource_figures_can_leave_out_the_latest_listings(tree, client):
    from tests.factories import make_listing

    make_listing("instrument", tree.a1.enterprise, title="场发射扫描电镜")
    arrange(tree.site.home, ("resources", {"show_latest": False}))

    html = home_html(client)

    assert 'href="/resources/instruments/"><span class="home-directory__count">1</span>' in html
    assert "场发射扫描电镜" not in html


def test_promo_and_links_point_to_live_pages_and_other_sites(tree, client):
    site = tree.site
    arrange(
        site.home,
        (
            "promo",
            {
                "title": "企业子平台",
                "text": "各集团公司的子平台",
                "link": {"text": "进入企业子平台", "page": site.enterprises.pk, "url": ""},
            },
        ),
        (
            "links",
            {
                "title": "常用链接",
                "intro": "<p>平台相关系统。</p>",
                "links": [
                    {"text": "", "page": site.news.pk, "url": ""},
                    {"text": "示例科技成果库", "page": None, "url": "https://kjcg.example.cn/"},
                ],
            },
        ),
    )

    main = main_of(home_html(client))

    assert 'class="button" href="/enterprises/">进入企业子平台</a>' in main
    assert 'href="/news/">科技动态</a>' in main, "an empty link text reads the page's title"
    assert 'href="https://kjcg.example.cn/" rel="noopener noreferrer">示例科技成果库</a>' in main


def test_english_home_renders_the_translated_arrangement(tree, client):
    site = tree.site
    news = NewsPageFactory(parent=tree.a1, title="一院建成氢能示范站")
    translate_page(news, site.en, {"一院建成氢能示范站": "Institute 1 opens a hydrogen station"})
    arrange(
        site.home,
        ("highlights", {"title": "要闻", "pages": [], "section": "news", "count": 2}),
        ("notices", {"count": 3}),
    )
    translate_page(site.home, site.en, {"要闻": "Highlights"})

    text = home_html(client, "/en/")

    assert "Highlights" in text
    assert "Institute 1 opens a hydrogen station" in text
    assert "Notices" in text


# --- What editors are told when an arrangement cannot work ----------------------


def test_highlights_need_two_items_or_a_section():
    block = HighlightsBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"title": "", "pages": [], "section": "", "count": 4}))


def test_highlights_refuse_a_single_item(tree):
    block = HighlightsBlock()
    one = NewsPageFactory(parent=tree.a1, title="孤零零的一条")
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"title": "", "pages": [one.pk], "section": "", "count": 4}))


def test_a_link_needs_a_page_or_an_address_with_a_text():
    block = LinkBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"text": "无处可去", "page": None, "url": ""}))
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"text": "", "page": None, "url": "https://example.cn/"}))


def test_one_headline_one_notice_strip_one_resource_block():
    body = HomeBodyBlock()
    value = body.to_python(
        [{"type": "notices", "value": {"count": 3}}, {"type": "notices", "value": {"count": 2}}]
    )
    with pytest.raises(ValidationError):
        body.clean(value)


# --- Queries ----------------------------------------------------------------------


def test_arranged_home_costs_the_same_queries_for_few_or_many_items(tree, client):
    site = tree.site
    owners = itertools.cycle([tree.group_a, tree.a1, tree.group_b])
    day = itertools.count(1)

    def add(n):
        made = []
        for factory, parents in [
            (NewsPageFactory, owners),
            (AchievementPageFactory, owners),
            (TrendPageFactory, itertools.repeat(site.trends)),
            (NoticePageFactory, itertools.repeat(site.notices)),
        ]:
            for _ in range(n):
                made.append(
                    factory(
                        parent=next(parents),
                        cover_image=ImageFactory(),
                        published_at=days_ago(next(day)),
                    )
                )
        return made

    chosen = add(3)

    def arrangement(pages):
        return (
            ("featured", {"page": pages[0].pk}),
            ("highlights", {"title": "", "pages": [p.pk for p in pages[1:4]], "count": 4}),
            ("highlights", {"title": "成就", "pages": [], "section": "achievements", "count": 4}),
            ("notices", {"count": 3}),
            ("section", {"section": "news", "count": 5, "width": "wide"}),
            ("section", {"section": "trends", "count": 5, "width": "narrow"}),
            ("section", {"section": "news", "count": 2, "width": "full"}),
            ("resources", {"show_latest": True}),
        )

    arrange(site.home, *arrangement(chosen))

    def count():
        client.get("/")  # renditions, caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/").status_code == 200
        return len(queries)

    few = count()
    more = add(12)
    arrange(site.home, *arrangement(more))
    many = count()

    assert few == many, f"queries grew with the items: {few} → {many}"
    assert many <= 50


def test_editor_finds_the_home_blocks_in_the_page_editor(site, admin_client):
    response = admin_client.get(f"/admin/pages/{site.home.pk}/edit/")

    assert response.status_code == 200
    text = text_of(response)
    assert "首页内容" in text
    for label in ("头条", "要闻", "栏目最新内容", "通知公告条", "资源库统计", "推广条", "图文链接"):
        # The block menu is drawn from JSON, where Chinese may be \u-escaped.
        escaped = label.encode("unicode_escape").decode()
        assert label in text or escaped in text, f"the block menu lacks {label}"
