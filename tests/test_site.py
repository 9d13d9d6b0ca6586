"""Site-wide URLs: sitemap, robots.txt, search and the error pages."""

import xml.etree.ElementTree as ET

from django.test import RequestFactory
from django.utils.html import strip_tags

from pages.views import server_error
from tests.factories import NewsPageFactory
from tests.utils import page_ok, text_of

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_locations(client):
    response = page_ok(client, "/sitemap.xml")
    root = ET.fromstring(response.content)  # noqa: S314 (our own response)
    return {loc.text for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)}


def test_sitemap_lists_live_pages_in_both_languages(tree, client):
    item = NewsPageFactory(parent=tree.a1, title="已发布的动态", slug="published-news")

    locations = sitemap_locations(client)

    assert "http://testserver/" in locations
    assert "http://testserver/news/" in locations
    assert "http://testserver/en/" in locations
    assert "http://testserver/en/news/" in locations
    assert f"http://testserver{tree.a1.url}" in locations
    assert f"http://testserver{item.url}" in locations


def test_sitemap_leaves_out_drafts_and_unpublished_pages(tree, client):
    NewsPageFactory(parent=tree.a1, slug="a-draft", live=False)
    withdrawn = NewsPageFactory(parent=tree.a1, slug="withdrawn")
    withdrawn.unpublish()

    locations = sitemap_locations(client)

    assert not any("a-draft" in url for url in locations)
    assert not any("withdrawn" in url for url in locations)


def test_robots_txt_points_to_the_sitemap(site, client):
    response = page_ok(client, "/robots.txt")

    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in text_of(response)
    assert "Disallow: /admin/" in text_of(response)


def test_unknown_address_shows_the_chinese_not_found_page(site, client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    text = text_of(response)
    assert "页面未找到" in text
    assert "中央企业技术创新信息平台" in text, "the page keeps the site's header"


def test_unknown_english_address_shows_the_not_found_page(site, client):
    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    assert '<html lang="en"' in text_of(response)


def test_server_error_page_apologises_in_both_languages():
    response = server_error(RequestFactory().get("/"))

    assert response.status_code == 500
    text = response.content.decode()
    assert "服务暂时不可用" in text
    assert "Service temporarily unavailable" in text


def test_search_finds_a_published_article(tree, client, search_index):
    NewsPageFactory(parent=tree.a1, title="Hydrogen demonstration station", summary="示范站投运")
    NewsPageFactory(parent=tree.a1, title="Hydrogen draft", live=False)

    # The matched word is marked (<mark>), so read the text without tags.
    text = strip_tags(text_of(page_ok(client, "/search/", q="Hydrogen")))

    assert "Hydrogen demonstration station" in text
    assert "Hydrogen draft" not in text
