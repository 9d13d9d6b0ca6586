"""Each 企业子平台 has its own navigation bar, on its page and on the items it publishes."""

import re

from tests.conftest import make_enterprise_page
from tests.factories import AchievementPageFactory, NewsPageFactory, TrendPageFactory
from tests.utils import page_ok, text_of


def subnav(client, url, **params):
    html = text_of(page_ok(client, url, **params))
    assert 'class="subnav"' in html, f"{url} has no sub-platform navigation"
    return html.split('<nav class="subnav"', 1)[1].split("</nav>", 1)[0]


def current_links(nav):
    return re.findall(r'aria-current="(page|true)" href="([^"]+)">([^<]+)', nav)


def test_sub_platform_page_has_its_own_navigation(tree, client):
    nav = subnav(client, tree.group_a.url)

    assert 'aria-label="示例能源子平台"' in nav
    assert "示例能源" in nav
    for label, href in [
        ("首页", "/enterprises/group-a/"),
        ("科技动态", "/enterprises/group-a/?stream=news"),
        ("重大科技成就", "/enterprises/group-a/?stream=achievements"),
        ("管理经验", "/enterprises/group-a/?stream=experience"),
        ("资源共享", "/resources/?enterprise=group-a"),
        ("供求信息", "/supply-demand/?enterprise=group-a"),
    ]:
        assert f'href="{href}">{label}' in nav, f"the navigation lacks {label}"
    assert current_links(nav) == [("page", "/enterprises/group-a/", "首页")]


def test_the_stream_being_read_is_marked_current(tree, client):
    nav = subnav(client, tree.group_a.url, stream="achievements")

    assert current_links(nav) == [
        ("page", "/enterprises/group-a/?stream=achievements", "重大科技成就")
    ]


def test_a_group_lists_its_subsidiaries_in_its_navigation(tree, client):
    nav = subnav(client, tree.group_a.url)

    assert "所属企业" in nav
    assert f'href="{tree.a1.url}">能源一院' in nav


def test_a_subsidiary_links_only_to_its_own_content(tree, client):
    nav = subnav(client, tree.a1.url)

    assert "能源一院" in nav
    assert "/resources/?enterprise=a1" in nav
    assert "所属企业" not in nav, "a subsidiary has no subsidiaries"


def test_an_item_of_the_sub_platform_shows_its_navigation_with_its_stream_marked(tree, client):
    item = AchievementPageFactory(parent=tree.a1, title="一院的重大成就")

    nav = subnav(client, item.url)

    assert "能源一院" in nav
    assert current_links(nav) == [
        ("true", "/enterprises/group-a/a1/?stream=achievements", "重大科技成就")
    ]


def test_regulator_content_and_sections_have_no_sub_platform_navigation(tree, client):
    trend = TrendPageFactory(parent=tree.site.trends, title="国外固态电池产业化提速")

    for url in ("/", "/news/", "/enterprises/", trend.url):
        assert 'class="subnav"' not in text_of(page_ok(client, url)), url


def test_editors_add_their_own_links_to_the_navigation(tree, client):
    topic = NewsPageFactory(parent=tree.group_a, title="氢能专题")
    draft = NewsPageFactory(parent=tree.group_a, title="未发布的专题", live=False)
    page = tree.group_a
    page.nav_links = [
        {"type": "link", "value": {"text": "", "page": topic.pk, "url": ""}},
        {"type": "link", "value": {"text": "草稿", "page": draft.pk, "url": ""}},
        {
            "type": "link",
            "value": {"text": "集团官网", "page": None, "url": "https://www.example.cn/"},
        },
    ]
    page.save()

    nav = subnav(client, page.url)
    assert f'href="{topic.url}">氢能专题' in nav, "an empty text reads the page's title"
    assert "草稿" not in nav, "a link to an unpublished page is left out"
    assert 'rel="noopener noreferrer" href="https://www.example.cn/">集团官网' in nav

    # On the linked page itself, its link is the current one.
    assert ("page", topic.url, "氢能专题") in current_links(subnav(client, topic.url))


def test_navigation_of_an_unpublished_sub_platform_is_not_shown_on_old_items(tree, client):
    item = NewsPageFactory(parent=tree.a1, title="一院的科技动态")
    tree.a1.unpublish()

    response = client.get(item.url)

    assert response.status_code == 404 or 'class="subnav"' not in text_of(response)


def test_sub_platform_pages_cost_a_bounded_number_of_queries(
    tree, client, django_assert_max_num_queries
):
    for n in range(6):
        make_enterprise_page(
            tree.group_a, code=f"a-sub{n}", name=f"示例能源第{n}所", parent=tree.group_a.enterprise
        )
    item = NewsPageFactory(parent=tree.group_a, title="集团本部的科技动态")
    for url in (tree.group_a.url, item.url):
        client.get(url)
        with django_assert_max_num_queries(30, info=url):
            client.get(url)


def test_editor_finds_the_navigation_links_in_the_sub_platform_editor(tree, admin_client):
    response = admin_client.get(f"/admin/pages/{tree.group_a.pk}/edit/")

    assert response.status_code == 200
    assert "子平台导航链接" in text_of(response)
